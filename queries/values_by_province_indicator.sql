-- One row per province and indicator of one index ($index_code) and year ($year) in the current
-- release: value and rank.
SELECT s.province_code, s.indicator, s.value, s.rank
FROM scores s
JOIN releases r USING (release_id)
WHERE r.status = 'current' AND r.index_code = $index_code AND r.year = $year
ORDER BY s.indicator, s.province_code

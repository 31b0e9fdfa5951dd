-- One row per year and indicator of one index ($index_code) that has values in the current release,
-- with the catalogue's names and level, how many provinces have a value, and the coverage.
SELECT r.year, s.indicator, i.level, i.parent, i.name_vi, i.name_en, i.headline, i.max_points,
       count(s.value) AS valued, count(s.rank) AS ranked, r.coverage
FROM scores s
JOIN releases r USING (release_id)
JOIN indicators i ON i.index_code = r.index_code AND i.indicator = s.indicator
WHERE r.status = 'current' AND r.index_code = $index_code
GROUP BY ALL
ORDER BY r.year, i.headline DESC, i.level, s.indicator

-- One row per unit and indicator of the current release of each index and year,
-- optionally one index ($index_code) and one year ($year); NULL means all. For a city index
-- (indices.unit_set hn_*) province_code and province hold the unit's code and official name.
SELECT r.index_code, r.year, s.province_code, p.name_vi AS province,
       s.indicator, s.value, s.rank
FROM scores s
JOIN releases r USING (release_id)
JOIN indices x ON x.index_code = r.index_code
JOIN units p
  ON p.unit_set = x.unit_set
 AND p.province_code = s.province_code
 AND r.year BETWEEN p.valid_from AND coalesce(p.valid_to, 9999)
WHERE r.status = 'current'
  AND ($index_code IS NULL OR r.index_code = $index_code)
  AND ($year IS NULL OR r.year = $year)
ORDER BY r.index_code, r.year, s.indicator, s.province_code

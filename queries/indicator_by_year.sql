-- One row per year: one unit's ($province_code within $valid_from..$valid_to) value and rank of one
-- indicator ($indicator; 'headline': the index's total of each year) of one index ($index_code) in
-- the current release, with the number of units of the index's set that existed that
-- year.
SELECT r.year, s.indicator, s.value, s.rank, s.rank_kind, r.coverage,
       s.source AS value_source, s.rank_source,
       (SELECT count(*) FROM units p JOIN indices x ON x.unit_set = p.unit_set
         WHERE x.index_code = r.index_code
           AND r.year BETWEEN p.valid_from AND coalesce(p.valid_to, 9999)) AS units
FROM scores s
JOIN releases r USING (release_id)
JOIN indicators i ON i.index_code = r.index_code AND i.indicator = s.indicator
WHERE r.status = 'current' AND r.index_code = $index_code
  AND s.province_code = $province_code
  AND r.year BETWEEN $valid_from AND $valid_to
  AND (s.indicator = $indicator
       OR ($indicator = 'headline' AND i.headline
           AND r.year BETWEEN coalesce(i.first_year, 0) AND coalesce(i.last_year, 9999)))
  AND (s.value IS NOT NULL OR s.rank IS NOT NULL)
ORDER BY r.year

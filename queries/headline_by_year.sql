-- One row per index and year: one unit's headline total in the current release
-- ($province_code within $valid_from..$valid_to), with the number of units of the index's set that year.
SELECT r.index_code, r.year, s.indicator, s.value, s.rank, s.rank_kind, r.coverage, r.source,
       s.source AS value_source, s.rank_source, r.release_id,
       (SELECT count(*) FROM units p JOIN indices x ON x.unit_set = p.unit_set
         WHERE x.index_code = r.index_code
           AND r.year BETWEEN p.valid_from AND coalesce(p.valid_to, 9999)) AS units
FROM scores s
JOIN releases r USING (release_id)
JOIN indicators i
  ON i.index_code = r.index_code AND i.indicator = s.indicator AND i.headline
 AND r.year BETWEEN coalesce(i.first_year, 0) AND coalesce(i.last_year, 9999)
WHERE r.status = 'current'
  AND s.province_code = $province_code
  AND r.year BETWEEN $valid_from AND $valid_to
  AND (s.value IS NOT NULL OR s.rank IS NOT NULL)
ORDER BY r.index_code, r.year

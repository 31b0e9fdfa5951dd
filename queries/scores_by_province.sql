-- One row per province with a value or rank for one indicator ($indicator) of one index ($index_code)
-- and year ($year) in the current release, with the unit's names, region and city status (a city
-- index's units, of its unit set, have neither).
SELECT s.province_code, p.name_vi, p.name_en, p.region, p.central_city_since,
       s.value, s.rank, s.rank_kind, s.source, s.rank_source, r.coverage, r.release_id
FROM scores s
JOIN releases r USING (release_id)
JOIN units p
  ON p.unit_set = (SELECT unit_set FROM indices WHERE index_code = $index_code)
 AND p.province_code = s.province_code
 AND r.year BETWEEN p.valid_from AND coalesce(p.valid_to, 9999)
WHERE r.status = 'current' AND r.index_code = $index_code AND r.year = $year
  AND s.indicator = $indicator
ORDER BY s.rank NULLS LAST, s.value DESC NULLS LAST, p.name_vi

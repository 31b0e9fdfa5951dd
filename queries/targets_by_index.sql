-- One row per target of one province ($province_code): index, indicator, kind (rank_at_most /
-- value_at_least), threshold, years and the plan it comes from.
SELECT target_id, province_code, index_code, indicator, kind, threshold, first_year, last_year,
       basis, updated_by, updated_at
FROM targets
WHERE province_code = $province_code
ORDER BY CASE index_code WHEN 'PAR' THEN 1 WHEN 'SIPAS' THEN 2 WHEN 'PAPI' THEN 3 ELSE 4 END, target_id

-- One row per target: index, indicator, kind (rank_at_most / value_at_least), threshold, years, basis.
SELECT target_id, index_code, indicator, kind, threshold, first_year, last_year, basis,
       updated_by, updated_at
FROM targets
ORDER BY CASE index_code WHEN 'PAR' THEN 1 WHEN 'SIPAS' THEN 2 WHEN 'PAPI' THEN 3 ELSE 4 END, target_id

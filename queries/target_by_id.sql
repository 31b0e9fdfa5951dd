-- One row: a target as stored ($target_id), for the audit log's "before".
SELECT province_code, index_code, indicator, kind, threshold, first_year, last_year, basis
FROM targets
WHERE target_id = $target_id

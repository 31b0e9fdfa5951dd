-- Adds or replaces one target ($target_id) of a province, recording who changed it and when.
INSERT OR REPLACE INTO targets (target_id, province_code, index_code, indicator, kind, threshold,
                                first_year, last_year, basis, updated_by, updated_at)
VALUES ($target_id, $province_code, $index_code, $indicator, $kind, $threshold, $first_year,
        $last_year, $basis, $updated_by, $updated_at)

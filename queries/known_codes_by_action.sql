-- One row: whether the index ($index_code), its indicator ($indicator) and the province of today
-- ($province_code) an action names exist.
SELECT
    EXISTS (SELECT 1 FROM indices WHERE index_code = $index_code) AS index_known,
    EXISTS (SELECT 1 FROM indicators
            WHERE index_code = $index_code AND indicator = $indicator) AS indicator_known,
    EXISTS (SELECT 1 FROM provinces
            WHERE province_code = $province_code AND valid_to IS NULL) AS province_known

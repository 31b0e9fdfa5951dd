-- One row: the publisher of one index ($index_code), in English.
SELECT publisher_en FROM indices WHERE index_code = $index_code

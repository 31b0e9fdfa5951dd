-- One row per index and span of years: what its publisher covers (units NULL: every unit of the
-- year), with the source of that in both languages.
SELECT index_code, first_year, last_year, units, source_vi, source_en
FROM publisher_coverage
ORDER BY index_code, first_year

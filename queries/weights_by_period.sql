-- One row per weighted indicator and period of one index ($index_code): weight in % and its basis.
SELECT indicator, first_year, last_year, weight, basis
FROM indicator_weights
WHERE index_code = $index_code
ORDER BY first_year, indicator

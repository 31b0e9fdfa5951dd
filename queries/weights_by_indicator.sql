-- One row per weighted indicator of one index ($index_code) in one year ($year): its weight in %.
SELECT indicator, weight
FROM indicator_weights
WHERE index_code = $index_code AND $year BETWEEN first_year AND coalesce(last_year, 9999)
ORDER BY indicator

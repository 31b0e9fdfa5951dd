-- One row per indicator of one index's catalogue ($index_code).
SELECT indicator, parent, level, name_vi, name_en, valid_min, valid_max, max_points,
       higher_is_better, first_year, last_year, headline
FROM indicators
WHERE index_code = $index_code
ORDER BY headline DESC, level, indicator

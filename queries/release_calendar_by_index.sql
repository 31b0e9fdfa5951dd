-- One row per index: the months its publisher usually releases in (of the year + lag_years after
-- the year the figures are for), with the source of that in both languages.
SELECT index_code, month_from, month_to, lag_years, source_vi, source_en
FROM release_calendar
ORDER BY index_code

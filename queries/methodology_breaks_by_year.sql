-- One row per methodology break of one index ($index_code), by year: the indicator it concerns
-- (NULL: the whole index; those first) and notes in both languages.
SELECT year, indicator, note_vi, note_en
FROM methodology_breaks
WHERE index_code = $index_code
ORDER BY year, indicator NULLS FIRST

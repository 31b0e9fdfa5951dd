-- One row per methodology break of one index ($index_code), by year, with notes in both languages.
SELECT year, note_vi, note_en FROM methodology_breaks WHERE index_code = $index_code ORDER BY year

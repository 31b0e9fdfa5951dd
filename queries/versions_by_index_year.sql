-- One row per index and year: the highest version stored.
SELECT index_code, year, max(version) AS version FROM releases GROUP BY index_code, year

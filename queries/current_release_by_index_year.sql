-- One row: the current release of one index ($index_code) and year ($year): publisher, source,
-- coverage, version.
SELECT release_id, publisher, source, coverage, version, file_name, imported_at
FROM releases
WHERE status = 'current' AND index_code = $index_code AND year = $year

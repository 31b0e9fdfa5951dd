-- One row per release, by index, year and version.
SELECT release_id, index_code, year, version, status, coverage, source, file_name,
       sha256, imported_at, imported_by, "rows"
FROM releases
ORDER BY index_code, year, version

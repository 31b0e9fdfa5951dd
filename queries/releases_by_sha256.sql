-- One row per stored version of one index ($index_code) and year ($year) whose file had the
-- checksum $sha256: the version (an identical re-upload names it).
SELECT version, status
FROM releases
WHERE index_code = $index_code AND year = $year AND sha256 = $sha256
ORDER BY version

-- Adds one release row, current from now on.
INSERT INTO releases (release_id, index_code, year, version, status, coverage, publisher, source,
                      source_date, file_name, sha256, imported_at, imported_by, "rows")
VALUES ($release_id, $index_code, $year, $version, 'current', $coverage, $publisher, $source,
        $source_date, $file_name, $sha256, $imported_at, $imported_by, $rows)

-- Adds one line to the import log.
INSERT INTO import_log (attempted_at, index_code, year, file_name, sha256, outcome, release_id,
                        reason, imported_by)
VALUES ($attempted_at, $index_code, $year, $file_name, $sha256, $outcome, $release_id, $reason,
        $imported_by)

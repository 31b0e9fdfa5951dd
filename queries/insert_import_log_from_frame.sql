-- Copies the frame new_import_log (one row per attempt) into the import log.
INSERT INTO import_log (attempted_at, index_code, year, file_name, sha256, outcome, release_id,
                        imported_by)
SELECT attempted_at, index_code, year, file_name, sha256, outcome, release_id, imported_by
FROM new_import_log

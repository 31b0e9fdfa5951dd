-- One row per import attempt, newest first: outcome, index, year, file, who and the reason refused.
SELECT attempted_at, outcome, index_code, year, file_name, sha256, release_id, imported_by, reason
FROM import_log
ORDER BY attempted_at DESC
LIMIT 500

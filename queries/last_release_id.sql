-- One row: the highest release_id so far (0 for an empty database).
SELECT coalesce(max(release_id), 0) AS release_id FROM releases

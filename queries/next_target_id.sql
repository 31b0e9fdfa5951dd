-- One row: the next free target_id.
SELECT coalesce(max(target_id), 0) + 1 AS target_id FROM targets

-- One row: the next free action_id.
SELECT coalesce(max(action_id), 0) + 1 AS action_id FROM actions

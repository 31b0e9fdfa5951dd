-- One row: the next free change_id of component_owners.
SELECT coalesce(max(change_id), 0) + 1 AS change_id FROM component_owners

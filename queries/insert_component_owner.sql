-- Adds one row of a change of a component's departments: one department added or removed.
INSERT INTO component_owners (change_id, index_code, indicator, owner_code, removed, changed_at,
                              changed_by)
VALUES ($change_id, $index_code, $indicator, $owner_code, $removed, $changed_at, $changed_by)

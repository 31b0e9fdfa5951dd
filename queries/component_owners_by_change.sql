-- One row per stored change of a component's departments, of one index ($index_code; NULL: all),
-- oldest first: which department was added or removed (removed), by whom and when.
SELECT change_id, index_code, indicator, owner_code, removed, changed_at, changed_by
FROM component_owners
WHERE ($index_code IS NULL OR index_code = $index_code)
ORDER BY change_id, index_code, indicator, owner_code

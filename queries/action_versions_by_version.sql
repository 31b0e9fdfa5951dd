-- One row per version of one remediation action ($action_id), oldest first.
SELECT action_id, version, province_code, index_code, indicator, owner, action, due, status, note,
       updated_at, updated_by, owner_code
FROM actions
WHERE action_id = $action_id
ORDER BY version

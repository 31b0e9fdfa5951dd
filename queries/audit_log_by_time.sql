-- Every change recorded, one row per change, newest first.
SELECT changed_at, who, role, action, index_code, year, before, after
FROM audit_log
ORDER BY changed_at DESC

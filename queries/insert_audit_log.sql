-- Append one change to the audit log (the only statement that writes to it).
INSERT INTO audit_log (changed_at, who, role, action, index_code, year, before, after)
VALUES ($changed_at, $who, $role, $action, $index_code, $year, $before, $after)

-- Append the audit lines of a database being rebuilt (registered as carried_audit_log), as they were.
INSERT INTO audit_log (changed_at, who, role, action, index_code, year, before, after)
SELECT changed_at, who, role, action, index_code, year, before, after FROM carried_audit_log

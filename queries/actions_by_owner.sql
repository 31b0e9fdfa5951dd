-- One row per remediation action (its latest version) whose agency in charge is one unit
-- ($owner_code), with when it began (its first version), for that unit's page.
SELECT a.action_id, a.province_code, a.index_code, a.indicator, a.owner, a.action, a.due,
       a.status, a.note, a.updated_at, a.updated_by, a.version, f.began_at, a.owner_code
FROM actions a
JOIN (SELECT action_id, max(version) AS version, min(updated_at) AS began_at
      FROM actions GROUP BY action_id) f USING (action_id, version)
WHERE a.owner_code = $owner_code
ORDER BY a.due, a.action_id

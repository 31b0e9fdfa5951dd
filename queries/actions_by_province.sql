-- One row per remediation action (its latest version), optionally of one province ($province_code)
-- and index ($index_code) (NULL: all), with when it began (its first version).
SELECT a.action_id, a.province_code, a.index_code, a.indicator, a.owner, a.action, a.due,
       a.status, a.note, a.updated_at, a.updated_by, a.version, f.began_at
FROM actions a
JOIN (SELECT action_id, max(version) AS version, min(updated_at) AS began_at
      FROM actions GROUP BY action_id) f USING (action_id, version)
WHERE ($province_code IS NULL OR a.province_code = $province_code)
  AND ($index_code IS NULL OR a.index_code = $index_code)
ORDER BY a.province_code, a.index_code, a.indicator, a.action_id

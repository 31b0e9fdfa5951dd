-- One row per remediation action (its latest version), optionally of one province ($province_code)
-- and index ($index_code) (NULL: all), with when it began (its first version) and the agency in
-- charge: its unit code (NULL for a free-text owner) and English name (owner_en; the text else).
SELECT a.action_id, a.province_code, a.index_code, a.indicator, a.owner, a.action, a.due,
       a.status, a.note, a.updated_at, a.updated_by, a.version, f.began_at, a.owner_code,
       coalesce((SELECT coalesce(u.name_en, u.name_vi) FROM city_units u
                 WHERE u.code = a.owner_code ORDER BY u.valid_from DESC LIMIT 1),
                a.owner) AS owner_en
FROM actions a
JOIN (SELECT action_id, max(version) AS version, min(updated_at) AS began_at
      FROM actions GROUP BY action_id) f USING (action_id, version)
WHERE ($province_code IS NULL OR a.province_code = $province_code)
  AND ($index_code IS NULL OR a.index_code = $index_code)
ORDER BY a.province_code, a.index_code, a.indicator, a.action_id

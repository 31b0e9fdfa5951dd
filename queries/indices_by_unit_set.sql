-- One row per index measured on one unit set ($unit_set, e.g. 'hn_department'), in the
-- catalogue's order: the city index a department's page shows, found in the data, not the code.
SELECT i.index_code, i.short_vi, i.short_en
FROM indices AS i
LEFT JOIN index_rules AS r USING (index_code)
WHERE i.unit_set = $unit_set
ORDER BY r.position NULLS LAST, i.index_code

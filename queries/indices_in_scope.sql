-- One row per index of one scope ($city: false for the national indices, measured on the
-- provinces; true for the city's own, measured on one of its unit sets), with the columns of
-- indices_by_code and the unit set, in the catalogue's order (data/index_rules.csv).
SELECT i.index_code, i.name_vi, i.name_en, i.short_vi, i.short_en, i.publisher_vi,
       i.publisher_en, i.scale_vi, i.scale_en, i.url, i.unit_set
FROM indices AS i
LEFT JOIN index_rules AS r USING (index_code)
WHERE (i.unit_set <> 'province') = $city
ORDER BY r.position NULLS LAST, i.index_code

-- One row per index of the catalogue, the city's own (unit_set hn_*) included, with the columns
-- of indices_by_code: what the Data page imports, and the publisher of any stored release. The
-- national indices first, then in the catalogue's order (data/index_rules.csv).
SELECT i.index_code, i.name_vi, i.name_en, i.short_vi, i.short_en, i.publisher_vi,
       i.publisher_en, i.scale_vi, i.scale_en, i.url
FROM indices AS i
LEFT JOIN index_rules AS r USING (index_code)
ORDER BY i.unit_set <> 'province', r.position NULLS LAST, i.index_code

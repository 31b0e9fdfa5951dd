-- One row per national index (measured on the provinces): names, publisher and scale in both
-- languages, in the catalogue's order (data/index_rules.csv). The city's own indices (unit_set hn_*)
-- stay out until the pages have a city scope (#21).
SELECT i.index_code, i.name_vi, i.name_en, i.short_vi, i.short_en, i.publisher_vi, i.publisher_en,
       i.scale_vi, i.scale_en, i.url, coalesce(r.plan_default, false) AS plan_default,
       coalesce(r.publishes_ranks, '') <> 'false' AS publishes_ranks
FROM indices AS i
LEFT JOIN index_rules AS r USING (index_code)
WHERE i.unit_set = 'province'
ORDER BY r.position NULLS LAST, i.index_code

-- One row per indicator of one index's catalogue ($index_code), with the index's total rule
-- (data/index_rules.csv: how its total is made of its components) and whether the figure is per cent.
SELECT c.indicator, c.parent, c.level, c.name_vi, c.name_en, c.valid_min, c.valid_max, c.max_points,
       c.higher_is_better, c.first_year, c.last_year, c.headline, r.total_rule,
       coalesce(r.percent = '*' OR list_contains(string_split(r.percent, '|'), c.indicator), false)
           AS percent
FROM indicators AS c
LEFT JOIN index_rules AS r USING (index_code)
WHERE c.index_code = $index_code
ORDER BY c.headline DESC, c.level, c.indicator

-- One row per extra spelling of a unit's name in one unit set ($unit_set), keyed by its
-- normalised form (province_aliases for 'province', city_unit_aliases for a city set).
SELECT alias_key, name_vi
FROM province_aliases
WHERE $unit_set = 'province'
UNION ALL
SELECT DISTINCT a.alias_key, u.name_vi
FROM city_unit_aliases a
JOIN city_units u ON u.unit_set = a.unit_set AND u.code = a.code
WHERE a.unit_set = $unit_set
ORDER BY alias_key, name_vi

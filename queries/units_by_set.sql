-- One row per unit (code + validity period) of one unit set ($unit_set: 'province' or a city set
-- such as 'hn_department'), oldest period first; the columns of provinces_by_unit.
SELECT province_code, valid_from, valid_to, name_vi, name_en, full_name_vi, region,
       central_city_since, successor_code
FROM provinces
WHERE $unit_set = 'province'
UNION ALL
SELECT code, valid_from, valid_to, name_vi, coalesce(name_en, name_vi), NULL, NULL, NULL,
       successor_code
FROM city_units
WHERE unit_set = $unit_set
ORDER BY valid_from, province_code

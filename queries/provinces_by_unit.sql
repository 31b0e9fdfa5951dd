-- One row per provincial unit (code + validity period), oldest period first.
SELECT province_code, valid_from, valid_to, name_vi, name_en, full_name_vi, region,
       central_city_since, successor_code
FROM provinces
ORDER BY valid_from, province_code

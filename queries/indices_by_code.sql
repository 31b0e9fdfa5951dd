-- One row per national index (measured on the provinces): names, publisher and scale in both
-- languages. The city's own indices (unit_set hn_*) stay out until the pages have a city scope (#21).
SELECT index_code, name_vi, name_en, short_vi, short_en, publisher_vi, publisher_en,
       scale_vi, scale_en, url
FROM indices
WHERE unit_set = 'province'
ORDER BY CASE index_code WHEN 'PAR' THEN 1 WHEN 'SIPAS' THEN 2 WHEN 'PAPI' THEN 3 ELSE 4 END

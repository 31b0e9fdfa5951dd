-- One row per index: names, publisher and scale in both languages.
SELECT index_code, name_vi, name_en, short_vi, short_en, publisher_vi, publisher_en,
       scale_vi, scale_en, url
FROM indices
ORDER BY CASE index_code WHEN 'PAR' THEN 1 WHEN 'SIPAS' THEN 2 WHEN 'PAPI' THEN 3 ELSE 4 END

-- One row per index of the catalogue, the city's own (unit_set hn_*) included, with the columns
-- of indices_by_code: what the Data page imports, and the publisher of any stored release. The
-- national indices first, in the order of indices_by_code.
SELECT index_code, name_vi, name_en, short_vi, short_en, publisher_vi, publisher_en,
       scale_vi, scale_en, url
FROM indices
ORDER BY unit_set <> 'province',
         CASE index_code WHEN 'PAR' THEN 1 WHEN 'SIPAS' THEN 2 WHEN 'PAPI' THEN 3 WHEN 'PCI' THEN 4
                         ELSE 5 END,
         index_code

-- One row per index of the catalogue (national and the city's): its code and the short names it is
-- printed by, which a table's title or a rank column's header may carry ("Xếp hạng PAR INDEX").
SELECT index_code, short_vi, short_en
FROM indices
ORDER BY index_code

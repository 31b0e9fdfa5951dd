-- One row per index and year that its publisher covers, from the publisher's first year to
-- $last_year: how many units the publisher covers (its own count, else every unit of that year)
-- and how many units the current release holds a headline value or rank for (0: no release).
WITH covered AS (
    SELECT c.index_code, y.year, c.units
    FROM publisher_coverage c,
         LATERAL (SELECT unnest(range(c.first_year, coalesce(c.last_year, $last_year) + 1)) AS year) y
), held AS (
    SELECT r.index_code, r.year, r.coverage, r.version,
           count(DISTINCT s.province_code) FILTER (s.value IS NOT NULL OR s.rank IS NOT NULL) AS held
    FROM releases r
    JOIN scores s USING (release_id)
    JOIN indicators i
      ON i.index_code = r.index_code AND i.indicator = s.indicator AND i.headline
     AND r.year BETWEEN coalesce(i.first_year, 0) AND coalesce(i.last_year, 9999)
    WHERE r.status = 'current'
    GROUP BY ALL
)
SELECT c.index_code, c.year,
       coalesce(c.units, (SELECT count(*) FROM provinces p
                           WHERE c.year BETWEEN p.valid_from AND coalesce(p.valid_to, 9999)))
           AS publisher_units,
       coalesce(h.held, 0) AS held, h.coverage, h.version
FROM covered c
LEFT JOIN held h USING (index_code, year)
WHERE c.year <= $last_year
ORDER BY c.index_code, c.year

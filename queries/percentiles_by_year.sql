-- One row per year and indicator of one index ($index_code): one unit's value ($province_code within
-- $valid_from..$valid_to), its rank, its percentile among the provinces with a value (share at or
-- below it, higher is better), how many provinces have a value, and the units of the year.
WITH scored AS (
    SELECT r.year, s.indicator, s.province_code, s.value, s.rank, r.coverage,
           CASE WHEN i.higher_is_better
                THEN cume_dist() OVER (PARTITION BY s.release_id, s.indicator ORDER BY s.value)
                ELSE cume_dist() OVER (PARTITION BY s.release_id, s.indicator ORDER BY s.value DESC)
           END AS percentile,
           count(*) OVER (PARTITION BY s.release_id, s.indicator) AS valued
    FROM scores s
    JOIN releases r USING (release_id)
    JOIN indicators i ON i.index_code = r.index_code AND i.indicator = s.indicator
    WHERE r.status = 'current' AND r.index_code = $index_code AND s.value IS NOT NULL
)
SELECT year, indicator, value, rank, percentile, valued, coverage,
       (SELECT count(*) FROM provinces p
         WHERE scored.year BETWEEN p.valid_from AND coalesce(p.valid_to, 9999)) AS units
FROM scored
WHERE province_code = $province_code AND year BETWEEN $valid_from AND $valid_to
ORDER BY year, indicator

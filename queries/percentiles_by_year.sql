-- One row per year and indicator of one index ($index_code): one unit's value ($province_code within
-- $valid_from..$valid_to), its rank (and rank_kind), its percentile among the provinces with a value (share at or
-- below it, higher is better), how many provinces have a value, and the units of the year.
-- The unit's own values come first and only their releases and indicators are counted against
-- them (a join, not a window over every score of the index: 7 s at 100x, measured by make bench).
WITH own AS (
    SELECT s.release_id, r.year, s.indicator, s.value, s.rank, s.rank_kind, r.coverage,
           i.higher_is_better
    FROM scores s
    JOIN releases r USING (release_id)
    JOIN indicators i ON i.index_code = r.index_code AND i.indicator = s.indicator
    WHERE r.status = 'current' AND r.index_code = $index_code AND s.value IS NOT NULL
      AND s.province_code = $province_code AND r.year BETWEEN $valid_from AND $valid_to
)
SELECT own.year, own.indicator, own.value, own.rank, own.rank_kind,
       CAST(count(*) FILTER (WHERE CASE WHEN own.higher_is_better THEN other.value <= own.value
                                        ELSE other.value >= own.value END) AS DOUBLE)
           / count(*) AS percentile,
       count(*) AS valued, own.coverage,
       (SELECT count(*) FROM units p
         WHERE p.unit_set = (SELECT unit_set FROM indices WHERE index_code = $index_code)
           AND own.year BETWEEN p.valid_from AND coalesce(p.valid_to, 9999)) AS units
FROM own
JOIN scores other
  ON other.release_id = own.release_id AND other.indicator = own.indicator
 AND other.value IS NOT NULL
GROUP BY own.year, own.indicator, own.value, own.rank, own.rank_kind, own.coverage
ORDER BY own.year, own.indicator

-- Fills the missing ranks of releases from $first_release on, per release and indicator, only
-- where every unit of the index's set that existed in the release's year has a value; ties share
-- the best rank.
UPDATE scores
SET rank = c.computed, rank_kind = 'computed'
FROM (
    SELECT s.release_id, s.province_code, s.indicator,
           rank() OVER (PARTITION BY s.release_id, s.indicator
                        ORDER BY CASE WHEN i.higher_is_better THEN -s.value ELSE s.value END) AS computed,
           count(*) OVER (PARTITION BY s.release_id, s.indicator) AS valued,
           (SELECT count(*) FROM units p JOIN indices x ON x.unit_set = p.unit_set
             WHERE x.index_code = r.index_code
               AND r.year BETWEEN p.valid_from AND coalesce(p.valid_to, 9999)) AS units
    FROM scores s
    JOIN releases r USING (release_id)
    JOIN indicators i ON i.index_code = r.index_code AND i.indicator = s.indicator
    WHERE s.release_id >= $first_release AND s.value IS NOT NULL
) c
WHERE scores.release_id = c.release_id
  AND scores.province_code = c.province_code
  AND scores.indicator = c.indicator
  AND scores.rank IS NULL
  AND c.units > 0 AND c.valued >= c.units

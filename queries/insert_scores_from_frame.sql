-- Copies the registered frame new_scores (one row per province and indicator) into scores;
-- every rank arriving with a release is a published one.
INSERT INTO scores (release_id, province_code, indicator, value, rank, rank_kind, source, rank_source)
SELECT release_id, province_code, indicator, CAST(value AS DOUBLE), CAST(rank AS INTEGER),
       CASE WHEN rank IS NOT NULL THEN 'published' END, source, rank_source
FROM new_scores

-- Copies the registered frame new_scores (one row per province and indicator) into scores.
INSERT INTO scores (release_id, province_code, indicator, value, rank, rank_kind, source, rank_source)
SELECT release_id, province_code, indicator, CAST(value AS DOUBLE), CAST(rank AS INTEGER),
       rank_kind, source, rank_source
FROM new_scores

-- Copies the registered frame new_averages (one row per scope and indicator) into averages.
INSERT INTO averages (release_id, scope, indicator, value, source)
SELECT release_id, scope, indicator, CAST(value AS DOUBLE), source
FROM new_averages

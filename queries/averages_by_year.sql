-- One row per year, scope and indicator of one index ($index_code): the averages as published.
SELECT r.year, a.scope, a.indicator, a.value, a.source
FROM averages a
JOIN releases r USING (release_id)
WHERE r.status = 'current' AND r.index_code = $index_code
ORDER BY r.year, a.scope, a.indicator

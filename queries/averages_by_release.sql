-- One row per scope and indicator of one release ($release_id): the published average, its source.
SELECT scope, indicator, value, source
FROM averages
WHERE release_id = $release_id
ORDER BY scope, indicator

-- One row per province and indicator of one release ($release_id) as its seed file gave it: the
-- value, the published rank (a computed one is the database's, not the file's), their sources.
SELECT province_code, indicator, value,
       CASE WHEN rank_kind = 'published' THEN rank END AS rank, source, rank_source
FROM scores
WHERE release_id = $release_id
ORDER BY province_code, indicator

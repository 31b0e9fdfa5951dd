-- One row per province and indicator of one release ($release_id): value and rank.
SELECT province_code, indicator, value, rank
FROM scores
WHERE release_id = $release_id
ORDER BY province_code, indicator

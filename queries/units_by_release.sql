-- One row per unit (province_code) that has a value or a rank in one release ($release_id).
SELECT DISTINCT province_code
FROM scores
WHERE release_id = $release_id AND (value IS NOT NULL OR rank IS NOT NULL)
ORDER BY province_code

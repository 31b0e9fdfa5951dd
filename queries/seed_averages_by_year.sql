-- One row per year and indicator: the national averages printed in the seed file
-- (the temporary table made by load_seed_file).
SELECT CAST(year AS INTEGER) AS year, 'national' AS scope,
       regexp_replace(indicator, '_average$', '') AS indicator, CAST(score AS DOUBLE) AS value,
       source_url_or_repo_path AS source
FROM seed_file
WHERE coalesce(province_code, '') = '' AND starts_with(province, 'TOÀN QUỐC')
ORDER BY year, indicator

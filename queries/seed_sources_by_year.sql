-- One row per year of the seed file (the temporary table made by load_seed_file): its distinct
-- source documents, sheet names dropped.
SELECT CAST(year AS INTEGER) AS year,
       string_agg(DISTINCT split_part(source_url_or_repo_path, ' [', 1), ' ; '
                  ORDER BY split_part(source_url_or_repo_path, ' [', 1)) AS documents
FROM seed_file
GROUP BY 1
ORDER BY 1

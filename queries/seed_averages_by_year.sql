-- One row per year, scope and indicator: the national ('TOÀN QUỐC …' rows), regional ('…
-- _region_average' rows, the region by its printed name) and whole-set (a city block mean, its
-- scope by its printed name in average_scopes) averages of the seed file (the temporary
-- table made by load_seed_file). The first figure in file order is the value; a second one for the
-- same average stays in the provenance as "also reported as". printed: the name as printed, to
-- name a region the catalogue does not know (its scope is then NULL).
WITH lines AS (
    SELECT *, row_number() OVER () AS line
    FROM seed_file
    WHERE coalesce(province_code, '') = ''
      AND (starts_with(province, 'TOÀN QUỐC') OR ends_with(indicator, '_region_average')
           OR province IN (SELECT printed FROM average_scopes))
      AND score IS NOT NULL
),
placed AS (
    SELECT CAST(l.year AS INTEGER) AS year, l.province AS printed,
           CASE WHEN starts_with(l.province, 'TOÀN QUỐC') THEN 'national'
                ELSE coalesce(g.region, s.scope) END AS scope,
           regexp_replace(l.indicator, '_(region_)?average$', '') AS indicator,
           CAST(l.score AS DOUBLE) AS value, l.score, l.source_url_or_repo_path AS source, l.line
    FROM lines l
    LEFT JOIN regions g ON g.name_vi = l.province
    LEFT JOIN average_scopes s ON s.printed = l.province
)
SELECT year, scope, indicator, arg_min(value, line) AS value,
       arg_min(source, line) || array_to_string(
           list_transform(list(score || ': ' || source ORDER BY line)[2:],
                          lambda x: ' | also reported as ' || x), '') AS source,
       any_value(printed) AS printed
FROM placed
GROUP BY year, scope, indicator
ORDER BY year, scope, indicator

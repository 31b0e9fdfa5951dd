-- One row per year, province unit and indicator of the seed files (the temporary table made by
-- load_seed_file, index $index_code): the publisher's file first and a press figure only filling a gap, each value and rank with its source;
-- a second figure for the same cell stays in the provenance as "also reported". Values outside the
-- indicator's valid range are kept as missing (out_of_range names them).
WITH raw AS (
    SELECT CAST(year AS INTEGER) AS year, province, coalesce(province_code, '') AS code,
           indicator AS label, coalesce(score, '') AS score,
           TRY_CAST(score AS DOUBLE) AS value, TRY_CAST("rank" AS INTEGER) AS rank,
           source_url_or_repo_path AS source, starts_with(source_url_or_repo_path, 'http') AS press,
           row_number() OVER () AS line
    FROM seed_file
    WHERE NOT (coalesce(province_code, '') = ''
               AND (starts_with(province, 'TOÀN QUỐC') OR ends_with(indicator, '_region_average')
                    OR province IN (SELECT printed FROM average_scopes)))
      -- A row with neither score nor rank says only that the source left the cell blank.
      AND (score IS NOT NULL OR "rank" IS NOT NULL)
),
-- The units of the index's set under each name a seed file may print: the official name, and
-- for the city's units their aliases as well ("UBND quận Cầu Giấy").
named AS (
    SELECT u.province_code, u.valid_from, u.valid_to, u.name_vi AS printed
    FROM units u JOIN indices x ON x.unit_set = u.unit_set AND x.index_code = $index_code
    UNION
    SELECT u.province_code, u.valid_from, u.valid_to, a.alias
    FROM city_unit_aliases a
    JOIN units u ON u.unit_set = a.unit_set AND u.province_code = a.code
    JOIN indices x ON x.unit_set = a.unit_set AND x.index_code = $index_code
),
-- Each year, code and name of the files resolved once to the unit of that year (a blank code by
-- name: Hà Tây), and each year's headline: range joins on a few thousand keys, not on every row.
resolved AS (
    SELECT DISTINCT k.year, k.code, k.province, p.province_code
    FROM (SELECT DISTINCT year, code, province FROM raw) k
    LEFT JOIN named p
      ON (p.province_code = k.code OR (k.code = '' AND p.printed = k.province))
     AND k.year BETWEEN p.valid_from AND coalesce(p.valid_to, 9999)
),
headlines AS (
    SELECT y.year, h.indicator
    FROM (SELECT DISTINCT year FROM raw) y
    JOIN indicators h
      ON h.index_code = $index_code AND h.headline
     AND y.year BETWEEN coalesce(h.first_year, 0) AND coalesce(h.last_year, 9999)
),
placed AS (
    SELECT raw.*, u.province_code,
           CASE WHEN raw.label = 'papi_total_reported_in_news' THEN h.indicator ELSE raw.label END
               AS indicator
    FROM raw
    JOIN resolved u
      ON u.year = raw.year AND u.code = raw.code AND u.province IS NOT DISTINCT FROM raw.province
    LEFT JOIN headlines h ON h.year = raw.year
),
checked AS (
    SELECT placed.*,
           placed.value IS NOT NULL
           AND NOT placed.value BETWEEN coalesce(i.valid_min, -1e308) AND coalesce(i.valid_max, 1e308)
               AS out_of_range
    FROM placed
    LEFT JOIN indicators i ON i.index_code = $index_code AND i.indicator = placed.indicator
),
kept AS (
    SELECT *, CASE WHEN out_of_range THEN NULL ELSE value END AS kept FROM checked
),
-- Per cell: the first figure with a value, by (press, line), is the value; the others follow it
-- in that order as "also reported".
cells AS (
    SELECT year, any_value(province) AS province, province_code, indicator,
           arg_min(kept, (press, line)) FILTER (WHERE kept IS NOT NULL) AS value,
           arg_min(rank, (press, line)) FILTER (WHERE rank IS NOT NULL) AS rank,
           coalesce(arg_min(source, (press, line)) FILTER (WHERE kept IS NOT NULL),
                    arg_min(source, (press, line))) AS first_source,
           list(score || ': ' || source ORDER BY press, line) FILTER (WHERE kept IS NOT NULL)
               AS valued,
           arg_min(source, (press, line)) FILTER (WHERE rank IS NOT NULL) AS rank_source,
           bool_or(out_of_range) AS out_of_range
    FROM kept
    GROUP BY year, province_code, indicator
)
SELECT year, province, province_code, indicator, value, rank,
       first_source || array_to_string(list_transform(coalesce(valued, [])[2:],
                                                      lambda x: ' | also reported as ' || x), '')
           AS source,
       rank_source, out_of_range
FROM cells
ORDER BY year, province_code, indicator

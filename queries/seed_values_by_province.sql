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
    WHERE NOT (coalesce(province_code, '') = '' AND starts_with(province, 'TOÀN QUỐC'))
      -- A row with neither score nor rank says only that the source left the cell blank.
      AND (score IS NOT NULL OR "rank" IS NOT NULL)
),
placed AS (
    SELECT raw.*, p.province_code,
           CASE WHEN raw.label = 'papi_total_reported_in_news' THEN h.indicator ELSE raw.label END
               AS indicator
    FROM raw
    LEFT JOIN provinces p
      ON (p.province_code = raw.code OR (raw.code = '' AND p.name_vi = raw.province))
     AND raw.year BETWEEN p.valid_from AND coalesce(p.valid_to, 9999)
    LEFT JOIN indicators h
      ON h.index_code = $index_code AND h.headline
     AND raw.year BETWEEN coalesce(h.first_year, 0) AND coalesce(h.last_year, 9999)
),
checked AS (
    SELECT placed.*,
           placed.value IS NOT NULL
           AND NOT placed.value BETWEEN coalesce(i.valid_min, -1e308) AND coalesce(i.valid_max, 1e308)
               AS out_of_range
    FROM placed
    LEFT JOIN indicators i ON i.index_code = $index_code AND i.indicator = placed.indicator
),
ranked AS (
    SELECT *, CASE WHEN out_of_range THEN NULL ELSE value END AS kept,
           row_number() OVER (PARTITION BY year, province_code, indicator,
                                           (value IS NOT NULL AND NOT out_of_range)
                              ORDER BY press, line) AS nth
    FROM checked
)
SELECT year, any_value(province) AS province, province_code, indicator,
       arg_min(kept, line) FILTER (WHERE kept IS NOT NULL AND nth = 1) AS value,
       arg_min(rank, (press, line)) FILTER (WHERE rank IS NOT NULL) AS rank,
       coalesce(arg_min(source, line) FILTER (WHERE kept IS NOT NULL AND nth = 1),
                arg_min(source, (press, line)))
       || coalesce(string_agg(' | also reported as ' || score || ': ' || source, '' ORDER BY press, line)
                       FILTER (WHERE kept IS NOT NULL AND nth > 1), '') AS source,
       arg_min(source, (press, line)) FILTER (WHERE rank IS NOT NULL) AS rank_source,
       bool_or(out_of_range) AS out_of_range
FROM ranked
GROUP BY year, province_code, indicator
ORDER BY year, province_code, indicator

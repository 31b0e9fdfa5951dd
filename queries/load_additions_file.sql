-- Adds to the temporary table seed_file (made by load_seed_file) the rows of the additions files
-- ($paths, header year,province,province_code,indicator,score,rank,source_url,notes,check) that
-- belong to index $index_code: its catalogue's indicators, their national or regional averages,
-- and PAPI's press totals. Each source carries the file's independent check ("[check: conflict]");
-- the notes stay in the file itself, which data/seed keeps as shipped.
INSERT INTO seed_file
SELECT year, province, province_code, indicator, score, "rank",
       source_url || ' [check: ' || "check" || ']' AS source_url_or_repo_path
FROM read_csv($paths, header = true, auto_detect = false, delim = ',', quote = '"',
              escape = '"', columns = {
                  'year': 'VARCHAR', 'province': 'VARCHAR', 'province_code': 'VARCHAR',
                  'indicator': 'VARCHAR', 'score': 'VARCHAR', 'rank': 'VARCHAR',
                  'source_url': 'VARCHAR', 'notes': 'VARCHAR', 'check': 'VARCHAR'})
WHERE regexp_replace(indicator, '_(region_)?average$', '') IN (
          SELECT indicator FROM indicators WHERE index_code = $index_code)
   OR (indicator = 'papi_total_reported_in_news' AND $index_code = 'PAPI')

-- Reads the seed files of one index ($paths, a list, in that order) as text cells into the
-- temporary table seed_file, read once for the seed_* queries. The long format is fixed, so its
-- columns are named here rather than sniffed (sniffing each file cost more than reading it);
-- seed.py checks each file's header line against them first.
CREATE OR REPLACE TEMP TABLE seed_file AS
SELECT * FROM read_csv($paths, header = true, auto_detect = false, delim = ',', quote = '"',
                       escape = '"', columns = {
                           'year': 'VARCHAR', 'province': 'VARCHAR', 'province_code': 'VARCHAR',
                           'indicator': 'VARCHAR', 'score': 'VARCHAR', 'rank': 'VARCHAR',
                           'source_url_or_repo_path': 'VARCHAR'})

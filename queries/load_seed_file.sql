-- Reads the seed files of one index ($paths, a list, in that order) as text cells into the
-- temporary table seed_file, read once for the seed_* queries.
CREATE OR REPLACE TEMP TABLE seed_file AS
SELECT * FROM read_csv($paths, all_varchar = true, header = true)

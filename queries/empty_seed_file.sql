-- Makes the temporary table seed_file of load_seed_file empty, with its columns, for an index
-- whose seed rows all come from the additions files (Hà Nội's own index).
CREATE OR REPLACE TEMP TABLE seed_file (
    year VARCHAR, province VARCHAR, province_code VARCHAR, indicator VARCHAR, score VARCHAR,
    "rank" VARCHAR, source_url_or_repo_path VARCHAR
)

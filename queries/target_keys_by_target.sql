-- One row per stored target: what makes it the same target as a row of data/targets.csv.
SELECT province_code, index_code, indicator, kind FROM targets

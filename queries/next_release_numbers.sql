-- One row: the next release_id overall and the next version of one index and year.
SELECT (SELECT coalesce(max(release_id), 0) + 1 FROM releases) AS release_id,
       (SELECT coalesce(max(version), 0) + 1 FROM releases
         WHERE index_code = $index_code AND year = $year) AS version

-- Copies the frame new_releases (one row per release) into releases, each with its status
-- ('current', or 'superseded' for a version stored behind the current one).
INSERT INTO releases (release_id, index_code, year, version, status, coverage, publisher, source,
                      source_date, file_name, sha256, imported_at, imported_by, "rows")
SELECT release_id, index_code, year, version, status, coverage, publisher, source,
       source_date, file_name, sha256, imported_at, imported_by, "rows"
FROM new_releases

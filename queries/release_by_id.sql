-- One row: the index, year and version of a release.
SELECT index_code, year, version FROM releases WHERE release_id = $release_id

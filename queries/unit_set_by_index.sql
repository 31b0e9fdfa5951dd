-- One row for one index ($index_code): the set of units it is measured on ('province' when the
-- index is unknown, so a refused import still words its problems about provinces).
SELECT coalesce(max(unit_set), 'province') AS unit_set
FROM indices
WHERE index_code = $index_code

-- Marks the current release of one index and year as superseded.
UPDATE releases SET status = 'superseded'
WHERE index_code = $index_code AND year = $year AND status = 'current'

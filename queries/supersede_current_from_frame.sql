-- Marks as superseded the current release of every index and year that the frame new_releases
-- brings a new current version of.
UPDATE releases SET status = 'superseded'
FROM new_releases n
WHERE releases.index_code = n.index_code AND releases.year = n.year AND releases.status = 'current'
  AND n.status = 'current'

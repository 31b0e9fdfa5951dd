-- Marks as superseded the current release of every index and year in the frame new_releases.
UPDATE releases SET status = 'superseded'
FROM new_releases n
WHERE releases.index_code = n.index_code AND releases.year = n.year AND releases.status = 'current'

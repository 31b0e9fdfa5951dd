-- Marks one release as the current one.
UPDATE releases SET status = 'current' WHERE release_id = $release_id

-- One row per year of one index ($index_code): the latest seed version's release_id, its source
-- documents, and whether the current release is a staff import (not a seed release).
SELECT year,
       max(release_id) FILTER (WHERE imported_by = 'seed') AS seed_release,
       arg_max(source, release_id) FILTER (WHERE imported_by = 'seed') AS seed_documents,
       coalesce(bool_or(status = 'current' AND imported_by <> 'seed'), false) AS staff_current
FROM releases
WHERE index_code = $index_code
GROUP BY year
ORDER BY year

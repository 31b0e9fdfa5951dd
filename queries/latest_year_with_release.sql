-- One row: the latest year that has a current release of any index.
SELECT max(year) AS year FROM releases WHERE status = 'current'

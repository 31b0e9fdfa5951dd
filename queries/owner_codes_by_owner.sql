-- One row per distinct free-text owner of the actions that name no unit yet (owner_code NULL),
-- with the years of the actions' due dates: what an upgrade tries to match to a city unit.
SELECT owner, CAST(year(due) AS INTEGER) AS year
FROM actions
WHERE owner_code IS NULL
GROUP BY owner, year(due)
ORDER BY owner, year

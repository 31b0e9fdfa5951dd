-- Gives the actions of one free-text owner ($owner) due in one year ($year) that name no unit
-- the unit that text names ($owner_code): the upgrade of a database made before owner_code.
UPDATE actions SET owner_code = $owner_code
WHERE owner_code IS NULL AND owner = $owner AND year(due) = $year

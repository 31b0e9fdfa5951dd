-- One row per printed alias of an indicator of one index ($index_code).
SELECT indicator, alias, alias_key
FROM indicator_aliases
WHERE index_code = $index_code
ORDER BY indicator, alias

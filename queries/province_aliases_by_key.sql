-- One row per extra spelling of a province name, keyed by its normalised form.
SELECT alias_key, name_vi
FROM province_aliases
ORDER BY alias_key

-- Drops the reference tables (catalogue, units, aliases, weights, breaks), which data/ fills anew on
-- every build; staff tables (releases, scores, averages, targets, actions, logs) are never named here.
-- The view over the unit tables goes first, so a new build recreates it with its current columns.
DROP VIEW IF EXISTS units;
DROP TABLE IF EXISTS indices;
DROP TABLE IF EXISTS index_rules;
DROP TABLE IF EXISTS provinces;
DROP TABLE IF EXISTS regions;
DROP TABLE IF EXISTS province_aliases;
DROP TABLE IF EXISTS indicators;
DROP TABLE IF EXISTS indicator_aliases;
DROP TABLE IF EXISTS indicator_weights;
DROP TABLE IF EXISTS methodology_breaks;
DROP TABLE IF EXISTS publisher_coverage;
DROP TABLE IF EXISTS release_calendar;
DROP TABLE IF EXISTS city_units;
DROP TABLE IF EXISTS city_unit_aliases;
DROP TABLE IF EXISTS average_scopes;

-- The whole database: reference tables (provinces, catalogue), releases with their values, targets, import log.
CREATE TABLE IF NOT EXISTS indices (
    index_code TEXT PRIMARY KEY, name_vi TEXT, name_en TEXT, short_vi TEXT, short_en TEXT,
    publisher_vi TEXT, publisher_en TEXT, first_year INTEGER, scale_vi TEXT, scale_en TEXT, url TEXT,
    unit_set TEXT NOT NULL DEFAULT 'province'
);
-- What each index's method fixes (data/index_rules.csv): the order indices are listed in, how its
-- total is made of its components, which of its figures are per cent, the plan's default index,
-- whether its publisher publishes ranks ('false': a rank is a place counted from the scores).
CREATE TABLE IF NOT EXISTS index_rules (
    index_code TEXT PRIMARY KEY, position INTEGER NOT NULL, total_rule TEXT, percent TEXT,
    plan_default BOOLEAN NOT NULL DEFAULT false, publishes_ranks TEXT, source TEXT
);
-- A unit is its GSO code plus its validity period: the 2025 merger reused codes for other units.
CREATE TABLE IF NOT EXISTS provinces (
    province_code TEXT NOT NULL, valid_from INTEGER NOT NULL, valid_to INTEGER,
    name_vi TEXT NOT NULL, name_en TEXT NOT NULL, full_name_vi TEXT, region TEXT,
    central_city_since INTEGER, successor_code TEXT,
    PRIMARY KEY (province_code, valid_from)
);
-- The six socio-economic regions (provinces.region), with the names the press prints them by.
CREATE TABLE IF NOT EXISTS regions (
    region TEXT PRIMARY KEY, name_vi TEXT NOT NULL, name_en TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS province_aliases (
    alias TEXT NOT NULL, alias_key TEXT NOT NULL, name_vi TEXT NOT NULL, note TEXT
);
-- The city's own units (departments, districts), each in the unit set an index is measured on
-- (indices.unit_set); codes are the project's own (data/SOURCES.md), the city publishes none.
CREATE TABLE IF NOT EXISTS city_units (
    unit_set TEXT NOT NULL, code TEXT NOT NULL, valid_from INTEGER NOT NULL, valid_to INTEGER,
    name_vi TEXT NOT NULL, name_en TEXT, successor_code TEXT,
    PRIMARY KEY (code, valid_from)
);
CREATE TABLE IF NOT EXISTS city_unit_aliases (
    unit_set TEXT NOT NULL, alias TEXT NOT NULL, alias_key TEXT NOT NULL, code TEXT NOT NULL, note TEXT
);
-- Every unit of every set in one place, so a query joins the units of an index's set
-- (indices.unit_set) once: the provinces are the set 'province'.
CREATE VIEW IF NOT EXISTS units AS
SELECT 'province' AS unit_set, province_code, valid_from, valid_to, name_vi, name_en, successor_code,
       region, central_city_since
FROM provinces
UNION ALL
SELECT unit_set, code, valid_from, valid_to, name_vi, coalesce(name_en, name_vi), successor_code,
       NULL, NULL
FROM city_units;
-- The averages of a whole unit set as printed (a city block mean), beside 'national' and the
-- regions: averages.scope takes the scope named here (data/average_scopes.csv).
CREATE TABLE IF NOT EXISTS average_scopes (
    scope TEXT PRIMARY KEY, unit_set TEXT NOT NULL, printed TEXT NOT NULL, name_vi TEXT NOT NULL,
    name_en TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS indicators (
    index_code TEXT NOT NULL, indicator TEXT NOT NULL, parent TEXT, level TEXT NOT NULL,
    name_vi TEXT NOT NULL, name_en TEXT NOT NULL, valid_min DOUBLE, valid_max DOUBLE,
    max_points DOUBLE, higher_is_better BOOLEAN NOT NULL, first_year INTEGER, last_year INTEGER,
    headline BOOLEAN NOT NULL,
    PRIMARY KEY (index_code, indicator)
);
CREATE TABLE IF NOT EXISTS indicator_aliases (
    index_code TEXT NOT NULL, indicator TEXT NOT NULL, alias TEXT NOT NULL, alias_key TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS indicator_weights (
    index_code TEXT NOT NULL, indicator TEXT NOT NULL, first_year INTEGER NOT NULL,
    last_year INTEGER, weight DOUBLE NOT NULL, basis TEXT
);
-- A break concerns the whole index, or only the indicator named (a dimension or a sub-dimension):
-- indicator is NULL for the whole index, so several breaks may share an index and year.
CREATE TABLE IF NOT EXISTS methodology_breaks (
    index_code TEXT NOT NULL, year INTEGER NOT NULL, indicator TEXT,
    note_vi TEXT NOT NULL, note_en TEXT NOT NULL,
    UNIQUE (index_code, year, indicator)
);
-- What each publisher covers from first_year (to last_year; NULL: still): units NULL means every
-- unit that existed that year (63 to 2024, 34 from 2025). With the publisher's word as source.
CREATE TABLE IF NOT EXISTS publisher_coverage (
    index_code TEXT NOT NULL, first_year INTEGER NOT NULL, last_year INTEGER, units INTEGER,
    source_vi TEXT NOT NULL, source_en TEXT NOT NULL,
    UNIQUE (index_code, first_year)
);
-- When each index is usually released: months month_from..month_to of year + lag_years.
CREATE TABLE IF NOT EXISTS release_calendar (
    index_code TEXT PRIMARY KEY, month_from INTEGER NOT NULL, month_to INTEGER NOT NULL,
    lag_years INTEGER NOT NULL, source_vi TEXT NOT NULL, source_en TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS releases (
    release_id INTEGER PRIMARY KEY, index_code TEXT NOT NULL, year INTEGER NOT NULL,
    version INTEGER NOT NULL, status TEXT NOT NULL, coverage TEXT NOT NULL,
    publisher TEXT, source TEXT, source_date TEXT, file_name TEXT, sha256 TEXT,
    imported_at TIMESTAMP NOT NULL, imported_by TEXT NOT NULL, "rows" INTEGER NOT NULL,
    UNIQUE (index_code, year, version)
);
-- rank_kind: 'published' (kept as printed) or 'computed' (only for releases covering every unit).
CREATE TABLE IF NOT EXISTS scores (
    release_id INTEGER NOT NULL, province_code TEXT NOT NULL, indicator TEXT NOT NULL,
    value DOUBLE, rank INTEGER, rank_kind TEXT, source TEXT, rank_source TEXT,
    PRIMARY KEY (release_id, province_code, indicator)
);
-- National or regional averages as published, kept apart from provinces: scope is 'national', a
-- region (regions.region) or a whole unit set (average_scopes.scope: 'all_departments').
CREATE TABLE IF NOT EXISTS averages (
    release_id INTEGER NOT NULL, scope TEXT NOT NULL, indicator TEXT NOT NULL,
    value DOUBLE NOT NULL, source TEXT,
    PRIMARY KEY (release_id, scope, indicator)
);
CREATE TABLE IF NOT EXISTS targets (
    target_id INTEGER PRIMARY KEY, province_code TEXT NOT NULL, index_code TEXT NOT NULL, indicator TEXT NOT NULL,
    kind TEXT NOT NULL, threshold DOUBLE NOT NULL, first_year INTEGER NOT NULL, last_year INTEGER,
    basis TEXT, updated_by TEXT, updated_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS import_log (
    attempted_at TIMESTAMP NOT NULL, index_code TEXT, year INTEGER, file_name TEXT, sha256 TEXT,
    outcome TEXT NOT NULL, release_id INTEGER, reason TEXT, imported_by TEXT
);
-- Remediation actions (issue #13): each change adds a version, nothing is overwritten (like
-- releases); an action is its latest version. An action never touches scores or releases.
CREATE TABLE IF NOT EXISTS actions (
    action_id INTEGER NOT NULL, version INTEGER NOT NULL, province_code TEXT NOT NULL,
    index_code TEXT NOT NULL, indicator TEXT NOT NULL, owner TEXT NOT NULL, action TEXT NOT NULL,
    due DATE NOT NULL, status TEXT NOT NULL, note TEXT, updated_at TIMESTAMP NOT NULL,
    updated_by TEXT NOT NULL,
    PRIMARY KEY (action_id, version)
);

-- Which of the city's departments (city_units.code) answer for a national component: versioned
-- rows, nothing overwritten; a (component, department) pair is current while its latest row is
-- not `removed`. change_id groups the rows one change wrote (its history line: from, to).
CREATE TABLE IF NOT EXISTS component_owners (
    change_id INTEGER NOT NULL, index_code TEXT NOT NULL, indicator TEXT NOT NULL,
    owner_code TEXT NOT NULL, removed BOOLEAN NOT NULL, changed_at TIMESTAMP NOT NULL,
    changed_by TEXT NOT NULL
);

-- Every change (import, restore, target, action, roles loaded, sign-in failure), append-only:
-- queries/insert_audit_log.sql is the only statement that touches it (a test checks).
CREATE TABLE IF NOT EXISTS audit_log (
    changed_at TIMESTAMP NOT NULL, who TEXT NOT NULL, role TEXT NOT NULL, action TEXT NOT NULL,
    index_code TEXT, year INTEGER, before TEXT, after TEXT
);

-- Migrations: a column added to a staff table after databases were made goes here, as
-- ALTER TABLE <table> ADD COLUMN IF NOT EXISTS <column> <type>; so an upgrade keeps every row.
-- The agency in charge of an action as one of the city's units (city_units.code); NULL for a
-- free-text owner that names none (actions.owner keeps the text as typed).
ALTER TABLE actions ADD COLUMN IF NOT EXISTS owner_code TEXT;
ALTER TABLE index_rules ADD COLUMN IF NOT EXISTS publishes_ranks TEXT;

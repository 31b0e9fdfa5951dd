"""A synthetic database ~100x the real one, for the benchmark only: never shipped, never real.

It starts from the real database built from data/ (catalogue, provinces, targets), adds
synthetic units and indicators, and replaces every release with synthetic ones for every index
and year, all generated in DuckDB (generate_series, INSERT ... SELECT) in a few seconds.
Every synthetic release, unit and indicator says SYNTHETIC.
"""

import shutil
from pathlib import Path

import duckdb

from scores import db
from scores.store import seed

MARK = "SYNTHETIC BENCHMARK DATA"
FIRST_YEAR, LAST_YEAR = 1995, 2024  # 30 years
UNITS = 700  # the real 63 units of 2004-2024 and synthetic ones up to this count
INDICATORS = 60  # per index: the real catalogue and synthetic components up to this count

# The real units of 2004-2024 are stretched back to the first synthetic year, so Hà Nội (01) has
# the whole span; synthetic units get 3-digit codes that no real unit uses.
UNITS_SQL = """
UPDATE provinces SET valid_from = $first_year WHERE valid_from = 2004;
INSERT INTO provinces
SELECT lpad(CAST(100 + n AS TEXT), 3, '0'), $first_year, $last_year,
       'Đơn vị thử ' || (100 + n), 'Synthetic unit ' || (100 + n),
       'Đơn vị thử ' || (100 + n) || ' (' || $mark || ')',
       (SELECT list(DISTINCT region ORDER BY region) FROM provinces)[1 + n % 6], NULL, NULL
FROM generate_series(0, $extra - 1) AS t(n);
"""

# Synthetic components hang under each index's headline total, valued 0-10.
INDICATORS_SQL = """
INSERT INTO indicators
SELECT i.index_code, 'synthetic_' || lpad(CAST(n AS TEXT), 2, '0'), h.indicator, 'component',
       'Chỉ số thử ' || n || ' (' || $mark || ')',
       'Synthetic indicator ' || n || ' (' || $mark || ')',
       0, 10, NULL, true, $first_year, NULL, false
FROM indices i
JOIN indicators h ON h.index_code = i.index_code AND h.headline AND h.last_year IS NULL
CROSS JOIN generate_series(1, $count) AS t(n)
WHERE n <= $count - (SELECT count(*) FROM indicators c WHERE c.index_code = i.index_code);
"""

RELEASES_SQL = """
DELETE FROM scores; DELETE FROM averages; DELETE FROM releases; DELETE FROM import_log;
INSERT INTO releases
SELECT row_number() OVER (ORDER BY i.index_code, y), i.index_code, y, 1, 'current', 'complete',
       $mark, $mark, NULL, 'synthetic.csv', NULL, now(), 'bench', 0
FROM indices i CROSS JOIN generate_series($first_year, $last_year) AS t(y);
"""

# One value per release, unit of that year and indicator of that year, uniform within the
# indicator's valid range; ranks computed over the whole release (coverage is complete).
SCORES_SQL = """
INSERT INTO scores
SELECT release_id, province_code, indicator, value,
       rank() OVER (PARTITION BY release_id, indicator
                    ORDER BY CASE WHEN higher_is_better THEN -value ELSE value END),
       'computed', $mark, $mark
FROM (
    SELECT r.release_id, p.province_code, i.indicator, i.higher_is_better,
           round(coalesce(i.valid_min, 0)
                 + random() * (coalesce(i.valid_max, 100) - coalesce(i.valid_min, 0)), 2) AS value
    FROM releases r
    JOIN provinces p ON r.year BETWEEN p.valid_from AND coalesce(p.valid_to, 9999)
    JOIN indicators i ON i.index_code = r.index_code
     AND r.year BETWEEN coalesce(i.first_year, 0) AND coalesce(i.last_year, 9999)
);
INSERT INTO averages
SELECT release_id, 'national', indicator, round(avg(value), 2), $mark FROM scores GROUP BY ALL;
UPDATE releases SET "rows" = counted.n
FROM (SELECT release_id, count(*) AS n FROM scores GROUP BY ALL) AS counted
WHERE releases.release_id = counted.release_id;
"""


def generate(
    path: Path, units: int = UNITS, indicators: int = INDICATORS, base: Path | None = None
) -> dict[str, int]:
    """The real database (built from data/, or a copy of base), made synthetic at scale at path;
    returns row counts."""
    path.unlink(missing_ok=True)
    if base:
        shutil.copy(base, path)
    else:
        seed.build(path)
    con = db.connect(path)
    con.execute("SET enable_progress_bar = false")
    params = {"mark": MARK, "first_year": FIRST_YEAR, "last_year": LAST_YEAR}
    with db.transaction(con):
        extra = units - _count(con, "provinces WHERE valid_to = 2024")
        params.update(extra=max(extra, 0), count=indicators)
        for script in (UNITS_SQL, INDICATORS_SQL, RELEASES_SQL, SCORES_SQL):
            _run(con, script, params)
    counts = {name: _count(con, name) for name in ("provinces", "indicators", "releases", "scores")}
    con.execute("CHECKPOINT")
    con.close()
    return counts


def _run(con: duckdb.DuckDBPyConnection, script: str, params: dict[str, object]) -> None:
    """Each statement of a script with the parameters it names (DuckDB binds one at a time)."""
    for statement in filter(str.strip, script.split(";\n")):
        used = {name: value for name, value in params.items() if f"${name}" in statement}
        con.execute(statement, used)


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    # table is a literal from this module, never input.
    return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608

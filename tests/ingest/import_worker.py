"""A worker that imports file after file into one database, in bounded memory, for the
property tests: one JSON job a line on stdin, one JSON outcome a line on stdout.

Run as: python import_worker.py DATABASE ADDRESS_SPACE_BYTES
DuckDB reserves over a GiB of address space it never touches, so RLIMIT_AS is set loose enough
to run at all and catches only runaway growth; each reply also carries the peak resident size,
which the tests hold to the real bound.
"""

import json
import resource
import sys
import traceback

from scores import db
from scores.errors import ImportRefused
from scores.store import releases as store
from scores.store.imports import import_file

SOURCE = store.Source("tester", "property test", imported_by="tester")
STATE = """
SELECT (SELECT count(*) FROM scores), (SELECT count(*) FROM averages),
       (SELECT string_agg(release_id || status, ',' ORDER BY release_id) FROM releases)
"""


def stored(con, release_id: int, prepared) -> dict:
    """What was stored, and where in the file the importer says each value came from."""
    positions = {c.indicator: c.position for c in prepared.layout.columns if c.role == "value"}
    values = prepared.parsed.values
    rows = con.execute(
        "SELECT province_code, indicator, value FROM scores WHERE release_id = $r",
        {"r": release_id},
    ).fetchall()
    return {
        "outcome": "stored",
        "header_row": prepared.layout.header_row,
        "name_position": prepared.layout.first("province").position,
        "columns": {str(position): code for code, position in positions.items()},
        "values": [
            [int(v.row), positions[v.indicator], v.province_code, v.indicator, v.value]
            for v in values.itertuples()
            if v.value == v.value  # NaN: a rank without a value
        ],
        "database": [list(row) for row in rows if row[2] is not None],
    }


def run(con, job: dict) -> dict:
    before = con.execute(STATE).fetchone()
    try:
        # partial: the properties are about reading values, not about coverage
        release_id, prepared = import_file(
            con, job["path"], job["index"], job["year"], SOURCE, partial=True
        )
    except ImportRefused as refused:
        unchanged = con.execute(STATE).fetchone() == before
        return {
            "outcome": "refused",
            "rules": [p.rule for p in refused.problems],
            "unchanged": unchanged,
        }
    except Exception:  # noqa: BLE001 - the property is that nothing else is ever raised
        return {"outcome": "crash", "error": traceback.format_exc()}
    return stored(con, release_id, prepared)


def peak_mb() -> int:
    """The most resident memory this program has held (VmHWM: unlike ru_maxrss, not carried
    over from the large test process it was forked from)."""
    with open("/proc/self/status", encoding="ascii") as status:
        line = next(line for line in status if line.startswith("VmHWM:"))
    return int(line.split()[1]) // 1024


def main() -> None:
    limit = int(sys.argv[2])
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    con = db.connect(sys.argv[1])
    con.execute("SET threads = 1")
    for line in sys.stdin:
        reply = run(con, json.loads(line))
        reply["peak_mb"] = peak_mb()
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    main()

"""Writing releases: versions, coverage, computed ranks, restore, the import log."""

import threading
from dataclasses import dataclass
from datetime import datetime

import duckdb
import pandas as pd

from scores import db
from scores.roles import Actor, require
from scores.store import audit

# One writer at a time inside this process; DuckDB's file lock keeps other processes out.
WRITE_LOCK = threading.Lock()


@dataclass(frozen=True)
class Source:
    """Where a release comes from and who brought it in."""

    publisher: str = ""
    document: str = ""
    date: str = ""
    file_name: str = ""
    sha256: str = ""
    imported_by: str = "unknown"


@dataclass
class Release:
    """One release to store: its values by province and indicator, averages, source, coverage."""

    index_code: str
    year: int
    values: pd.DataFrame
    averages: pd.DataFrame
    source: Source
    coverage: str
    # False stores the release as a superseded version: a refreshed seed year whose current
    # release is a staff import stays behind it, restorable, never taking its place.
    current: bool = True


def write_release(con: duckdb.DuckDBPyConnection, release: Release) -> int:
    """Store a new current version of one index and year; returns its release_id."""
    return write_releases(con, [release])[0]


def write_releases(con: duckdb.DuckDBPyConnection, releases: list[Release]) -> list[int]:
    """Store releases in one transaction: all of them land or none (readers never see half)."""
    if len({(r.index_code, r.year) for r in releases}) < len(releases):
        raise ValueError("one batch holds at most one release per index and year")
    with WRITE_LOCK, db.transaction(con):
        heads = _release_rows(con, releases)
        _insert_frame(con, "releases", [heads], before="supersede_current_from_frame")
        _insert_frame(
            con,
            "import_log",
            [heads.assign(outcome="accepted", attempted_at=heads["imported_at"])],
        )
        ids = heads["release_id"].tolist()
        pairs = list(zip(releases, ids, strict=True))
        _insert_frame(con, "scores", [r.values.assign(release_id=i) for r, i in pairs])
        _insert_frame(con, "averages", [r.averages.assign(release_id=i) for r, i in pairs])
        con.execute(db.sql("fill_computed_ranks"), {"first_release": min(ids)})
    return ids


def _release_rows(con: duckdb.DuckDBPyConnection, releases: list[Release]) -> pd.DataFrame:
    """One row per new release: the next ids, the next version of each index and year."""
    last_id = con.execute(db.sql("last_release_id")).fetchone()[0]
    versions = {(i, y): v for i, y, v in con.execute(db.sql("versions_by_index_year")).fetchall()}
    now = datetime.now()
    return pd.DataFrame(
        [
            {
                "release_id": last_id + number,
                "index_code": r.index_code,
                "year": r.year,
                "version": versions.get((r.index_code, r.year), 0) + 1,
                "status": "current" if r.current else "superseded",
                "coverage": r.coverage,
                "publisher": r.source.publisher,
                "source": r.source.document,
                "source_date": r.source.date,
                "file_name": r.source.file_name,
                "sha256": r.source.sha256,
                "imported_at": now,
                "imported_by": r.source.imported_by,
                "rows": len(r.values),
            }
            for number, r in enumerate(releases, start=1)
        ]
    )


# Each table a frame may be inserted into, with its query: an allow-list, names written out.
INSERT_QUERIES = {
    "releases": "insert_releases_from_frame",
    "import_log": "insert_import_log_from_frame",
    "scores": "insert_scores_from_frame",
    "averages": "insert_averages_from_frame",
}

FRAME_COLUMNS = {
    "releases": [
        "release_id",
        "index_code",
        "year",
        "version",
        "status",
        "coverage",
        "publisher",
        "source",
        "source_date",
        "file_name",
        "sha256",
        "imported_at",
        "imported_by",
        "rows",
    ],
    "import_log": [
        "attempted_at",
        "index_code",
        "year",
        "file_name",
        "sha256",
        "outcome",
        "release_id",
        "imported_by",
    ],
    "scores": [
        "release_id",
        "province_code",
        "indicator",
        "value",
        "rank",
        "source",
        "rank_source",
    ],
    "averages": ["release_id", "scope", "indicator", "value", "source"],
}


def _insert_frame(
    con: duckdb.DuckDBPyConnection,
    table: str,
    frames: list[pd.DataFrame],
    before: str | None = None,
) -> None:
    """Insert the frames' rows through the table's query in INSERT_QUERIES (after `before`)."""
    frames = [frame for frame in frames if not frame.empty]
    if not frames:
        return
    frame = pd.concat(frames, ignore_index=True).reindex(columns=FRAME_COLUMNS[table])
    con.register(f"new_{table}", frame)
    try:
        if before:
            con.execute(db.sql(before))
        con.execute(db.sql(INSERT_QUERIES[table]))
    finally:
        con.unregister(f"new_{table}")


def restore(con: duckdb.DuckDBPyConnection, release_id: int, actor: Actor) -> tuple[str, int, int]:
    """Make an earlier version current again and record it in the audit log; returns
    (index_code, year, version). Administrators only (NotAllowed for anyone else)."""
    require(actor, "admin")
    with WRITE_LOCK:
        found = con.execute(db.sql("release_by_id"), {"release_id": release_id}).fetchone()
        if found is None:
            raise LookupError(release_id)
        index_code, year, version = found
        current = con.execute(
            db.sql("current_release_by_index_year"), {"index_code": index_code, "year": year}
        ).fetchone()
        before = {"release_id": current[0], "version": current[4]} if current else None
        after = {"release_id": release_id, "version": version}
        with db.transaction(con):
            con.execute(db.sql("supersede_current"), {"index_code": index_code, "year": year})
            con.execute(db.sql("make_current"), {"release_id": release_id})
            log(con, "restored", index_code, year, None, release_id=release_id, by=actor.name)
            audit.record(con, actor, "restored", index_code, year, before, after)
    return index_code, year, version


def log(
    con: duckdb.DuckDBPyConnection,
    outcome: str,
    index_code: str,
    year: int,
    source: Source | None,
    release_id: int | None = None,
    reason: str | None = None,
    by: str | None = None,
) -> None:
    """One line of the import log: accepted, refused (with the reason) or restored."""
    con.execute(
        db.sql("insert_import_log"),
        {
            "attempted_at": datetime.now(),
            "index_code": index_code,
            "year": year,
            "file_name": source.file_name if source else None,
            "sha256": source.sha256 if source else None,
            "outcome": outcome,
            "release_id": release_id,
            "reason": reason,
            "imported_by": by or (source.imported_by if source else None),
        },
    )

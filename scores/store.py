"""Writing releases: versions, coverage, computed ranks, restore, the import log."""

import threading
from dataclasses import dataclass
from datetime import datetime

import duckdb
import pandas as pd

from scores import db
from scores.catalog import Indicators, Provinces

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


def coverage(values: pd.DataFrame, provinces: Provinces, year: int) -> str:
    """'complete' when every unit of the year has a value or rank, else 'partial'."""
    expected = {unit.province_code for unit in provinces.in_year(year)}
    return "complete" if expected <= set(values["province_code"]) else "partial"


def with_ranks(values: pd.DataFrame, catalogue: Indicators, provinces: Provinces, year: int) -> pd.DataFrame:
    """Published ranks kept and marked; missing ranks computed only for indicators every unit has."""
    out = values.copy()
    out["rank_kind"] = out["rank"].notna().map({True: "published", False: None})
    units = len(provinces.in_year(year))
    for indicator, group in out.groupby("indicator"):
        if group["value"].notna().sum() < units or group["rank"].notna().all():
            continue
        ascending = not catalogue.items[indicator].higher_is_better
        computed = group["value"].rank(method="min", ascending=ascending)
        fill = group.index[group["rank"].isna()]
        out.loc[fill, "rank"] = computed[fill]
        out.loc[fill, "rank_kind"] = "computed"
    out["rank"] = out["rank"].astype("Int64")
    return out


def write_release(
    con: duckdb.DuckDBPyConnection, index_code: str, year: int, values: pd.DataFrame,
    averages: pd.DataFrame, source: Source, cover: str,
) -> int:
    """Store a new current version of index/year in one transaction; returns its release_id."""
    with WRITE_LOCK:
        con.execute("BEGIN TRANSACTION")
        try:
            release_id = _insert(con, index_code, year, values, averages, source, cover)
            log(con, "accepted", index_code, year, source, release_id=release_id)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    return release_id


def _insert(con, index_code, year, values, averages, source, cover) -> int:
    release_id, version = con.execute(db.sql("next_release_numbers"), {"index_code": index_code, "year": year}).fetchone()
    con.execute(db.sql("supersede_current"), {"index_code": index_code, "year": year})
    con.execute(
        db.sql("insert_release"),
        {"release_id": release_id, "index_code": index_code, "year": year, "version": version,
         "coverage": cover, "publisher": source.publisher, "source": source.document,
         "source_date": source.date, "file_name": source.file_name, "sha256": source.sha256,
         "imported_at": datetime.now(), "imported_by": source.imported_by, "rows": len(values)},
    )
    frame = values.assign(release_id=release_id)
    for column in ("rank_kind", "source", "rank_source"):
        if column not in frame:
            frame[column] = None
    con.register("new_scores", frame)
    con.execute(db.sql("insert_scores_from_frame"))
    con.unregister("new_scores")
    if not averages.empty:
        frame = averages.assign(release_id=release_id)
        if "source" not in frame:
            frame["source"] = None
        con.register("new_averages", frame)
        con.execute(db.sql("insert_averages_from_frame"))
        con.unregister("new_averages")
    return release_id


def restore(con: duckdb.DuckDBPyConnection, release_id: int, imported_by: str = "unknown") -> tuple:
    """Make an earlier version current again; returns (index_code, year, version)."""
    with WRITE_LOCK:
        found = con.execute(db.sql("release_by_id"), {"release_id": release_id}).fetchone()
        if found is None:
            raise LookupError(release_id)
        index_code, year, version = found
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(db.sql("supersede_current"), {"index_code": index_code, "year": year})
            con.execute(db.sql("make_current"), {"release_id": release_id})
            log(con, "restored", index_code, year, None, release_id=release_id, by=imported_by)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    return index_code, year, version


def log(con, outcome: str, index_code, year, source: Source | None, release_id=None, reason=None, by=None) -> None:
    """One line of the import log: accepted, refused (with the reason) or restored."""
    con.execute(
        db.sql("insert_import_log"),
        {"attempted_at": datetime.now(), "index_code": index_code, "year": year,
         "file_name": source.file_name if source else None, "sha256": source.sha256 if source else None,
         "outcome": outcome, "release_id": release_id, "reason": reason,
         "imported_by": by or (source.imported_by if source else None)},
    )

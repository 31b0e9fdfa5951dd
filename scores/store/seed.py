"""Building the database from data/: the catalogue, the provinces and the seed releases."""

import fcntl
import hashlib
import os
import shutil
import sys
from datetime import datetime
from numbers import Real
from pathlib import Path

import duckdb
import pandas as pd

from scores import db
from scores.catalog import Provinces
from scores.config import DATA_DIR
from scores.ingest.importer import coverage
from scores.roles import Actor
from scores.store import audit, owners
from scores.store import releases as store
from scores.store.reference import load_reference

# The seed files of each index, read together into one release per year: PAPI's sub-dimensions
# for 2017-2024 come from another repository than its dimensions and totals, so they stay a file
# of their own, unchanged from shared/data, and join the same releases.
SEED_FILES = {
    "PAR": ("par_index.csv",),
    "SIPAS": ("sipas.csv",),
    "PAPI": ("papi.csv", "papi_subdimensions_2017_2024.csv"),
    "PCI": ("pci.csv",),
    # The city's own index has no seed file of its own: its rows come from the additions only.
    "HNPAR_DEPT": (),
    "HNPAR_LOCAL": (),
}
SEED_HEADER = "year,province,province_code,indicator,score,rank,source_url_or_repo_path"
# Additions shipped later in their own format (shared/data, byte-identical): each index takes the
# rows of its catalogue from them, each source marked with the file's independent check.
ADDITIONS = ("additions_turn3.csv",)
ADDITIONS_HEADER = "year,province,province_code,indicator,score,rank,source_url,notes,check"


def build(
    path: Path, data_dir: Path = DATA_DIR, by: Actor | None = None, fresh: bool = False
) -> dict[str, int]:
    """Bring the database at path up to date with data/; returns the seed releases written per
    index. An existing database is upgraded in place, in one transaction, keeping every
    imported release, action, target edit and audit line (see upgrade). A missing one, or one
    replaced on purpose (fresh, after a backup beside it), is written aside and moved into place."""
    if path.exists() and not fresh:
        return upgrade(path, data_dir, by)
    backup = _backup(path) if path.exists() else None
    partial = path.with_name(path.name + ".building")
    for stale in (partial, Path(str(partial) + ".wal")):
        stale.unlink(missing_ok=True)
    con = db.connect(partial)
    try:
        counts = _refresh(con, data_dir, None)
        if by is not None:
            audit.carry_over(con, path, by, backup)
    finally:
        con.close()
    Path(str(path) + ".wal").unlink(missing_ok=True)
    os.replace(partial, path)
    return counts


def upgrade(path: Path, data_dir: Path = DATA_DIR, by: Actor | None = None) -> dict[str, int]:
    """Refresh the reference tables from data/ and add a seed version only where a seed year's
    figures changed, all or nothing; staff data is never touched. A refreshed year whose current
    release is a staff import is stored behind it (superseded), never in its place."""
    con = db.connect(path)
    try:
        with db.transaction(con):
            counts = _refresh(con, data_dir, by or Actor("seed", "admin"))
    finally:
        con.close()
    os.utime(path)  # make sees the database as newer than data/ even when nothing changed
    return counts


def _refresh(con: duckdb.DuckDBPyConnection, data_dir: Path, by: Actor | None) -> dict[str, int]:
    """The reference tables anew, the seed targets not yet there, the changed seed years."""
    con.execute(db.sql("drop_reference_tables"))
    db.create_schema(con)
    load_reference(con, data_dir)
    owners.map_free_text(con)  # actions typed before their owner was a unit
    return {
        code: seed_index(
            con,
            code,
            [data_dir / "seed" / name for name in (*names, *ADDITIONS)],
            Provinces.of_index(con, code),
            by,
        )
        for code, names in SEED_FILES.items()
    }


def _backup(path: Path) -> Path:
    """A copy of the database beside it before a fresh build replaces it: written while this
    process holds the file (no other writer), after a checkpoint, so the copy is whole."""
    backup = path.with_name(f"{path.name}.backup-{datetime.now():%Y%m%d-%H%M%S}")
    con = db.connect(path)
    try:
        con.execute("CHECKPOINT")
        shutil.copyfile(path, backup)
    finally:
        con.close()
    return backup


def seed_index(
    con: duckdb.DuckDBPyConnection,
    index_code: str,
    paths: list[Path],
    provinces: Provinces,
    by: Actor | None = None,
) -> int:
    """A release for each year of an index's seed files whose figures the database does not hold
    yet as its latest seed version, all in one transaction; returns how many. by: who refreshes
    (recorded in the audit trail; None while a new database is first written)."""
    publisher = con.execute(db.sql("publisher_by_index"), {"index_code": index_code}).fetchone()[0]
    _check_headers(paths)
    paths = _load(con, index_code, paths)
    file_name = " + ".join(f"seed/{path.name}" for path in paths)
    digest = _digest(paths)
    values = _checked(db.query(con, "seed_values_by_province", index_code=index_code), file_name)
    averages = _placed_averages(db.query(con, "seed_averages_by_year"), file_name)
    documents = db.query(con, "seed_sources_by_year")
    state = db.query(con, "seed_state_by_year", index_code=index_code).set_index("year")
    by_year = dict(tuple(values.groupby("year")))
    averages_by_year = dict(tuple(averages.groupby("year")))
    releases = []
    for year, docs in zip(documents["year"].tolist(), documents["documents"], strict=True):
        source = store.Source(publisher, docs, "", file_name, digest, "seed")
        year_values = by_year.get(year, values.iloc[0:0]).drop(columns="year")
        year_averages = averages_by_year.get(year, averages.iloc[0:0]).drop(columns="year")
        held = state.loc[year] if year in state.index else None
        if held is not None and _same(con, held, year_values, year_averages, docs):
            continue
        cover = coverage(year_values, provinces, year)
        current = held is None or not held["staff_current"]
        releases.append(
            store.Release(index_code, year, year_values, year_averages, source, cover, current)
        )
    ids = store.write_releases(con, releases) if releases else []
    if by is not None:
        for release, release_id in zip(releases, ids, strict=True):
            version = con.execute(db.sql("release_by_id"), {"release_id": release_id}).fetchone()[2]
            after = {"release_id": release_id, "version": version, "current": release.current}
            audit.record(con, by, "seed_refreshed", index_code, release.year, after=after)
    return len(releases)


def _same(
    con: duckdb.DuckDBPyConnection,
    held: pd.Series,
    values: pd.DataFrame,
    averages: pd.DataFrame,
    documents: str,
) -> bool:
    """Whether the latest seed version of a year holds exactly these figures and sources."""
    if pd.isna(held["seed_release"]) or held["seed_documents"] != documents:
        return False
    release_id = int(held["seed_release"])
    stored = db.query(con, "seed_content_by_release", release_id=release_id)
    stored_averages = db.query(con, "averages_by_release", release_id=release_id)
    return _rows(stored) == _rows(values[stored.columns]) and _rows(stored_averages) == _rows(
        averages[stored_averages.columns]
    )


def _rows(frame: pd.DataFrame) -> list[tuple]:
    """A frame's rows as sorted tuples of plain values (missing as None), for comparison."""
    cells = frame.astype(object).where(frame.notna(), None)
    rows = (
        tuple(float(c) if isinstance(c, Real) and not isinstance(c, bool) else c for c in row)
        for row in cells.itertuples(index=False)
    )
    return sorted(rows, key=repr)


def _load(con: duckdb.DuckDBPyConnection, index_code: str, paths: list[Path]) -> list[Path]:
    """Read an index's seed files into seed_file; returns the files that gave it rows (an
    additions file holding none of this index's rows is not part of its releases)."""
    own = [path for path in paths if path.name not in ADDITIONS]
    if own:
        con.execute(db.sql("load_seed_file"), {"paths": [str(path) for path in own]})
    else:  # an index seeded from the additions only (the city's): they fill an empty table
        con.execute(db.sql("empty_seed_file"))
    for path in paths:
        if path.name in ADDITIONS:
            found = con.execute(
                db.sql("load_additions_file"), {"paths": [str(path)], "index_code": index_code}
            ).fetchall()[0][0]
            own += [path] if found else []
    return own


def _digest(paths: list[Path]) -> str:
    """SHA-256 of the files' bytes in the order read: one checksum per release, as for an upload;
    a single file keeps its own file checksum."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _check_headers(paths: list[Path]) -> None:
    """Refuse a seed file whose header is not the long format: load_seed_file names the columns
    instead of sniffing them, so a reordered file would otherwise be misread silently."""
    for path in paths:
        with path.open(encoding="utf-8") as file:
            header = file.readline().strip()
        expected = ADDITIONS_HEADER if path.name in ADDITIONS else SEED_HEADER
        if header != expected:
            raise ValueError(f"{path.name}: header {header!r}, expected {expected!r}")


def _placed_averages(averages: pd.DataFrame, files: str) -> pd.DataFrame:
    """Seed averages, each with its scope: a regional mean whose region name is not in
    data/regions.csv is an error, never dropped."""
    unplaced = averages[averages["scope"].isna()]
    if not unplaced.empty:
        raise ValueError(f"{files}: no region for {sorted(set(unplaced['printed']))}")
    return averages.drop(columns="printed")


def _checked(values: pd.DataFrame, files: str) -> pd.DataFrame:
    """Seed values with every province placed; out-of-range values reported (kept as missing)."""
    unplaced = values[values["province_code"].isna()]
    if not unplaced.empty:
        raise ValueError(f"{files}: no unit for {sorted(set(unplaced['province']))}")
    for row in values[values["out_of_range"]].itertuples():
        print(
            f"seed: {files} {row.year} {row.province} {row.indicator} is outside the "
            "indicator's valid range; kept as missing",
            file=sys.stderr,
        )
    return values.drop(columns=["province", "out_of_range"])


def build_once(path: Path, data_dir: Path = DATA_DIR) -> None:
    """Build the database at path if it is missing, once even when several processes or
    sessions ask at the same time: the first holds a lock on the folder, the others wait for it
    and then find the file there."""
    path.parent.mkdir(parents=True, exist_ok=True)
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        fcntl.flock(folder, fcntl.LOCK_EX)
        if not path.exists():
            build(path, data_dir)
    finally:
        os.close(folder)  # closing lets go of the lock

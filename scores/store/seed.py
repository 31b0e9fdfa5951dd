"""Building the database from data/ (new, upgraded in place, or once for many processes): the
reference tables, then the seed releases (seed_releases.py)."""

import fcntl
import os
import shutil
from datetime import datetime
from pathlib import Path

import duckdb

from scores import db
from scores.catalog import Provinces
from scores.config import DATA_DIR
from scores.roles import Actor
from scores.store import audit, owners
from scores.store.reference import load_reference
from scores.store.seed_releases import ADDITIONS, SEED_FILES, seed_index


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

"""Database access: connections, the schema, and the named .sql queries.

DuckDB lets one process hold a database file read-write, or many processes hold it read-only,
never both. Every opener here (the app, the command line) therefore opens the file only for as
long as it needs it, and an open that meets a busy file waits and retries for a bounded time
(BUSY_WAIT_SECONDS) before giving up with DatabaseBusy. A writer's close checkpoints the
write-ahead log into the file; a read-only opener also replays a .wal left by a crash.
"""

import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from scores.config import QUERY_DIR, db_path

SCHEMA = Path(__file__).with_name("schema.sql")
# How long an open waits for another process to let go of the file; $SCORES_DB_WAIT overrides
# it (tests shorten it).
BUSY_WAIT_SECONDS = float(os.environ.get("SCORES_DB_WAIT", "10"))
# How DuckDB says another process holds the file (any other error is not worth a retry).
LOCKED = "IO Error: Could not set lock on file"


class DatabaseBusy(duckdb.IOException):
    """Another process kept the database file locked for the whole bounded wait."""

    def __init__(self, path: Path, seconds: float, detail: str) -> None:
        super().__init__(detail)
        self.path = path
        self.seconds = seconds
        self.detail = detail


def connect(
    path: str | Path | None = None, read_only: bool = False, wait: float | None = None
) -> duckdb.DuckDBPyConnection:
    """Open the database chosen by config.db_path; create the schema when writable.

    A file locked by another process is retried with back-off for up to wait seconds (default
    BUSY_WAIT_SECONDS), then DatabaseBusy is raised; nothing has been written by then.
    """
    target = db_path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    con = _open(target, read_only, BUSY_WAIT_SECONDS if wait is None else wait)
    if not read_only:
        create_schema(con)
    return con


def _open(target: Path, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    """duckdb.connect, retried while another process holds a conflicting lock."""
    deadline = time.monotonic() + wait
    pause = 0.02
    while True:
        try:
            return duckdb.connect(str(target), read_only=read_only)
        except duckdb.IOException as error:
            detail = str(error).splitlines()[0]
            if not detail.startswith(LOCKED):
                raise
            left = deadline - time.monotonic()
            if left <= 0:
                raise DatabaseBusy(target, wait, detail) from error
            time.sleep(min(pause, left))
            pause = min(pause * 2, 0.5)


def data_version(path: str | Path | None = None) -> tuple[int, ...]:
    """A cheap stamp of the file's contents (no open, no lock): inode, size and change time of
    the file and its .wal. Any committed write by any process changes it."""
    target = db_path(path)
    stamp: list[int] = []
    for part in (target, Path(f"{target}.wal")):
        try:
            found = os.stat(part)
        except FileNotFoundError:
            stamp += [0, 0, 0, 0]
            continue
        stamp += [found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns]
    return tuple(stamp)


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table that does not exist yet."""
    con.execute(SCHEMA.read_text(encoding="utf-8"))


@cache
def sql(name: str) -> str:
    """The text of queries/<name>.sql."""
    return (QUERY_DIR / f"{name}.sql").read_text(encoding="utf-8")


def query(con: duckdb.DuckDBPyConnection, name: str, **params: object) -> pd.DataFrame:
    """Run queries/<name>.sql with named parameters and return a DataFrame."""
    return con.execute(sql(name), params).df()


def along(
    load: Callable[..., pd.DataFrame], line: Sequence, name: str, **params: object
) -> pd.DataFrame:
    """A per-unit query (province_code, valid_from, valid_to) run along a unit's main line.

    line: catalog.Provinces.main_line's units. load(name, **params): the query runner (the app's
    cached one, or db.query on a connection). Each row says which unit it comes from (unit_code,
    unit_from), so a page can mark the years of a predecessor; the units never overlap in years.
    """
    parts = [
        load(
            name,
            province_code=member.province_code,
            valid_from=member.valid_from,
            valid_to=member.valid_to or 9999,
            **params,
        ).assign(unit_code=member.province_code, unit_from=member.valid_from)
        for member in line
    ]
    frame = pd.concat(parts, ignore_index=True)
    order = [column for column in ("index_code", "indicator", "year") if column in frame]
    return frame.sort_values(order, kind="stable").reset_index(drop=True)


# The connections inside transaction(): an inner transaction() joins the outer one, so an
# upgrade can store releases (a transaction of their own) inside its single all-or-nothing one.
_IN_TRANSACTION: set[int] = set()


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """BEGIN ... COMMIT; on any error (an interrupt too) ROLLBACK and re-raise: all or nothing.
    Inside another transaction() on the same connection it joins that one."""
    if id(con) in _IN_TRANSACTION:
        yield con
        return
    con.execute("BEGIN TRANSACTION")
    _IN_TRANSACTION.add(id(con))
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        _IN_TRANSACTION.discard(id(con))
    con.execute("COMMIT")


def maybe(value: Any, kind: Callable | None = None) -> Any:
    """None for a missing cell (None, NaN or pd.NA), else the value, converted by kind."""
    if value is None or pd.isna(value):
        return None
    return kind(value) if kind else value

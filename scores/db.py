"""Database access: connections, the schema, and the named .sql queries."""

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from scores.config import QUERY_DIR, db_path

SCHEMA = Path(__file__).with_name("schema.sql")


def connect(path: str | Path | None = None, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the database chosen by config.db_path; create the schema when writable."""
    target = db_path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(target), read_only=read_only)
    if not read_only:
        create_schema(con)
    return con


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


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """BEGIN ... COMMIT; on any error (an interrupt too) ROLLBACK and re-raise: all or nothing."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")

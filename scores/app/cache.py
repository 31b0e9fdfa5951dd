"""The app's data access: short-lived connections, cached queries, cached figures.

The app holds no database lock between script runs, so the command line can import, export and
restore while it serves, and several app processes can share one file. A cache miss opens the
file read-only for that one query and closes it; a write (`with cursor() as con:`) opens it
read-write for the block. Cached results are keyed on db.data_version (a stat of the file and
its .wal, no open), so after a write by any process every process reads afresh on its next run
and a cache hit never touches the database.
"""

import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import NoReturn

import duckdb
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from scores import charts, db, formulas
from scores.analysis.standings import breaks_for
from scores.catalog import Provinces, Unit
from scores.config import db_path
from scores.i18n import number, t
from scores.store import seed

# One open connection at a time in this process: DuckDB refuses a read-only and a read-write
# connection to one file in one process, and sessions run in threads. Re-entrant, so a thread
# that holds the write connection reads through it.
_lock = threading.RLock()
_held = threading.local()


def _database() -> Path:
    """The database file, built from data/ first if it is missing (once, whoever asks)."""
    path = db_path()
    if not path.exists():
        seed.build_once(path)
    return path


@contextmanager
def _open(read_only: bool) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection for one block; closing it releases the file for other processes."""
    path = _database()
    with _lock:
        writer = getattr(_held, "writer", None)
        if writer is not None:
            with writer.cursor() as inner:
                yield inner
            return
        try:
            con = db.connect(path, read_only=read_only)
        except db.DatabaseBusy as busy:
            _busy(busy)
        _held.writer = None if read_only else con
        try:
            yield con
        finally:
            _held.writer = None
            con.close()


def _busy(busy: db.DatabaseBusy) -> NoReturn:
    """Another process kept the file locked past the bounded wait: say so and end this run
    (nothing was opened, so nothing was written)."""
    lang = st.session_state.get("lang", "vi")
    waited = number(busy.seconds, lang, digits=1, fixed=False)
    st.error(t("database.busy", lang, seconds=waited), icon=":material/hourglass:")
    st.stop()


def cursor() -> AbstractContextManager[duckdb.DuckDBPyConnection]:
    """A read-write connection for a with block (`with cursor() as con:`), closed at its end.

    Held only for the block: keep it short, other sessions and processes wait meanwhile (a
    process that waits longer than db.BUSY_WAIT_SECONDS gets db.DatabaseBusy).
    """
    return _open(read_only=False)


def load(name: str, **params: object) -> pd.DataFrame:
    """queries/<name>.sql with parameters, cached until the data changes (in any process)."""
    return _load(db.data_version(_database()), name, **params)


@st.cache_data(show_spinner=False, max_entries=2000)
def _load(version: tuple[int, ...], name: str, **params: object) -> pd.DataFrame:
    """One query on a read-only connection; version only keys the cache."""
    with _open(read_only=True) as con:
        return db.query(con, name, **params)


@st.cache_resource(show_spinner=False, max_entries=12)
def _provinces(path: str, version: tuple[int, ...], unit_set: str = "province") -> Provinces:
    """A unit set's table and its spellings (read again when the data changes)."""
    with _open(read_only=True) as con:
        return Provinces(con, unit_set)


def provinces(unit_set: str = "province") -> Provinces:
    """The units of one set (the provinces by default) of the database in use."""
    path = _database()
    return _provinces(str(path), db.data_version(path), unit_set)


def provinces_in(year: int, unit_set: str = "province") -> list[Unit]:
    """The units of one set (the provinces by default) that existed in a year."""
    return provinces(unit_set).in_year(year)


def unit_set(index_code: str) -> str:
    """The units an index is measured on: "province", or one of the city's sets (hn_department,
    hn_local), as the catalogue says (indices.csv)."""
    return str(load("unit_set_by_index", index_code=index_code).iloc[0, 0])


def index_units_in(index_code: str, year: int) -> list[Unit]:
    """The units an index is measured on (its unit set: provinces, the city's departments…)
    that existed in a year."""
    return provinces_in(year, unit_set(index_code))


def valued_count(index_code: str, year: int) -> int:
    """How many provinces have a value for the index's headline total in that year."""
    frame = load("indicators_by_year", index_code=index_code)
    rows = frame[(frame["year"] == year) & frame["headline"]]
    return int(rows["valued"].max()) if len(rows) else 0


def simulable_years(index_code: str) -> list[int]:
    """formulas.simulable_years of the index, once per version of the data."""
    return _simulable_years(db.data_version(_database()), index_code)


@st.cache_data(show_spinner=False, max_entries=20)
def _simulable_years(version: tuple[int, ...], index_code: str) -> list[int]:
    return formulas.simulable_years(load, index_code)


@st.cache_resource(show_spinner=False, max_entries=200)
def figure(name: str, *args: object) -> go.Figure:
    """charts.<name>(*args), cached: building a plotly figure on every run is too slow.

    A resource cache, so the figure is shared, not unpickled each run (that re-validates every
    trace); pages only pass it to st.plotly_chart and never change it.
    """
    return getattr(charts, name)(*args)


def index_breaks(index_code: str) -> tuple[int, ...]:
    """The years the whole index changed its methodology: where its trend lines split (a
    break of one dimension does not split the total)."""
    return tuple(breaks_for(load("methodology_breaks_by_year", index_code=index_code))["year"])


def history(name: str, unit: Unit, **params: object) -> pd.DataFrame:
    """A per-unit query (province_code, valid_from, valid_to) run along the unit's main line.

    Each row says which unit it comes from (unit_code, unit_from), so a page can mark the years
    that belong to a predecessor; the units never overlap in years, so nothing is counted twice.
    """
    return _history(db.data_version(_database()), name, unit, **params)


@st.cache_data(show_spinner=False, max_entries=500)
def _history(version: tuple[int, ...], name: str, unit: Unit, **params: object) -> pd.DataFrame:
    """db.along once per version of the data (joining the line's parts on every run is slow)."""
    return db.along(load, provinces().main_line(unit), name, **params)

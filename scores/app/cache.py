"""The app's data access: one connection per process, cached queries, cached figures."""

from pathlib import Path

import duckdb
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from scores import charts, db
from scores.analysis.standings import breaks_for
from scores.catalog import Provinces, Unit
from scores.config import db_path
from scores.ingest import seed


@st.cache_resource
def _connection(path: str) -> duckdb.DuckDBPyConnection:
    """One DuckDB connection per process; the database is built from data/ if it is missing."""
    if not Path(path).exists():
        seed.build(Path(path))
    return db.connect(path)


def cursor() -> duckdb.DuckDBPyConnection:
    """A fresh cursor (a shared one breaks under concurrent sessions); use it in a with block."""
    return _connection(str(db_path())).cursor()


@st.cache_data(show_spinner=False)
def load(name: str, **params: object) -> pd.DataFrame:
    """queries/<name>.sql with parameters, cached until data changes."""
    with cursor() as con:
        return db.query(con, name, **params)


@st.cache_resource
def _provinces(path: str) -> Provinces:
    """The province table and its spellings (changes only with a rebuild)."""
    with _connection(path).cursor() as con:
        return Provinces(con)


def provinces() -> Provinces:
    """The province table of the database in use."""
    return _provinces(str(db_path()))


def provinces_in(year: int) -> list[Unit]:
    """The units that existed in a year."""
    return provinces().in_year(year)


def valued_count(index_code: str, year: int) -> int:
    """How many provinces have a value for the index's headline total in that year."""
    frame = load("indicators_by_year", index_code=index_code)
    rows = frame[(frame["year"] == year) & frame["headline"]]
    return int(rows["valued"].max()) if len(rows) else 0


@st.cache_resource(show_spinner=False, max_entries=200)
def figure(name: str, *args: object) -> go.Figure:
    """charts.<name>(*args), cached: building a plotly figure costs tens of milliseconds.

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
    return db.along(load, provinces().main_line(unit), name, **params)

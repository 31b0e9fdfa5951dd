"""Shared fixtures: a database built once from data/, copied fresh for every test that writes."""

import functools
import re
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest
import streamlit as st
from streamlit.components.v2 import manifest_scanner
from streamlit.testing.v1 import AppTest

from scores import db
from scores.store import seed

ROOT = Path(__file__).resolve().parent.parent

# Each AppTest's runtime scans every installed package's metadata for Streamlit components, a
# large share of a short AppTest's time (bench/RESULTS.md); the packages installed do not change
# during a test session, so one scan per test process gives every runtime the same answer.
manifest_scanner.scan_component_manifests = functools.cache(
    manifest_scanner.scan_component_manifests
)


@pytest.fixture(scope="session")
def built_db(tmp_path_factory) -> Path:
    """The real database, built from data/ once per test session (read it, never write it)."""
    path = tmp_path_factory.mktemp("built") / "scores.duckdb"
    seed.build(path)
    return path


@pytest.fixture
def db_file(built_db, tmp_path, monkeypatch) -> Path:
    """A private copy of the built database, also set as SCORES_DB."""
    path = tmp_path / "scores.duckdb"
    shutil.copy(built_db, path)
    monkeypatch.setenv("SCORES_DB", str(path))
    return path


@pytest.fixture
def app(db_file):
    """The real app script (dashboard.py) under AppTest, on a private copy of the database."""
    st.cache_data.clear()
    st.cache_resource.clear()
    test = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    yield test
    st.cache_resource.clear()


@pytest.fixture(scope="module")
def ro(built_db) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the session's built database, shared by a module's tests that
    only read (a write through it fails)."""
    connection = duckdb.connect(str(built_db), read_only=True)
    yield connection
    connection.close()


@pytest.fixture
def con(db_file) -> duckdb.DuckDBPyConnection:
    """A writable connection to a private copy of the built database."""
    connection = db.connect(db_file)
    yield connection
    connection.close()


def open_view(app: AppTest, view: str, **params: str) -> AppTest:
    """The app on views/<view>.py with these query parameters (as a link opens it), run once
    without an exception."""
    app.query_params.update(params)
    app.switch_page(f"views/{view}.py").run()
    assert not app.exception
    return app


def as_read(table) -> pd.DataFrame:
    """An st.table's frame as a reader sees it: the Markdown escapes of text.literal undone
    (every cell and header went through it) and its invisible word joiners dropped."""

    def read(text: str) -> str:
        return re.sub(r"\\(.)", r"\1", text).replace("\u2060", "")

    return table.value.map(read).rename(columns=read)


def snapshot(con: duckdb.DuckDBPyConnection) -> dict[str, tuple]:
    """Everything an import may change (the import log aside), as each table's row count and,
    per column, the sum of its values' hashes: a row changed, added or removed changes it, in
    any order, without reading every score into Python."""
    digest = "SELECT count(*), sum(hash(COLUMNS(*))::HUGEINT) FROM {}"
    # Table names come from the literal tuple.
    return {
        name: con.execute(digest.format(name)).fetchone()
        for name in ("releases", "scores", "averages")
    }


def assert_unchanged(before: dict, con: duckdb.DuckDBPyConnection) -> None:
    """The database holds exactly what it held before."""
    after = snapshot(con)
    assert [name for name in before if after[name] != before[name]] == [], "changed tables"


def headline_table(
    con: duckdb.DuckDBPyConnection, index_code: str, year: int, lang: str = "vi"
) -> pd.DataFrame:
    """A year's headline score of every unit, as the Rankings page reads it (names in `lang`):
    province_code, name, value, rank and the rest of scores_by_province."""
    years = db.query(con, "indicators_by_year", index_code=index_code)
    (indicator,) = years.loc[(years["year"] == year) & years["headline"], "indicator"]
    found = db.query(
        con, "scores_by_province", index_code=index_code, year=year, indicator=indicator
    )
    return found.rename(columns={f"name_{lang}": "name"})


def publisher_table(
    con: duckdb.DuckDBPyConnection, index_code: str, year: int, every_rank: bool = False
) -> pd.DataFrame:
    """A real release laid out wide as publishers print it, with Vietnamese headers.

    every_rank: also a "Xếp hạng <indicator>" column for each indicator's rank (as VCCI prints
    the sub-indices' ranks), not only the headline's "Xếp hạng".
    """
    frame = db.query(con, "export_by_release", index_code=index_code, year=year)
    names = dict(
        con.execute(
            "SELECT indicator, name_vi FROM indicators WHERE index_code = $i", {"i": index_code}
        ).fetchall()
    )
    wide = frame.pivot(index="province", columns="indicator", values="value")
    if every_rank:
        ranks = frame.pivot(index="province", columns="indicator", values="rank").astype("Int64")
        ranks = ranks.drop(columns=[c for c in ranks if ranks[c].isna().all()])
        wide = wide.join(ranks.rename(columns=lambda c: f"rank::{c}"))
    headline = con.execute(
        "SELECT indicator FROM indicators WHERE index_code = $i AND headline"
        " AND $y BETWEEN coalesce(first_year, 0) AND coalesce(last_year, 9999)",
        {"i": index_code, "y": year},
    ).fetchone()[0]
    ranks = frame[frame["indicator"] == headline].set_index("province")["rank"]
    if every_rank:
        wide = wide.drop(columns=f"rank::{headline}")
    wide = wide.rename(columns=lambda c: f"Xếp hạng {names[c[6:]]}" if c[:6] == "rank::" else c)
    wide = wide.rename(columns=names)
    wide["Xếp hạng"] = ranks
    wide = wide.reset_index().rename(columns={"province": "Tỉnh/thành phố"})
    wide.insert(0, "STT", range(1, len(wide) + 1))
    return wide


@pytest.fixture
def built(built_db, monkeypatch):
    """The built database as the app's (read it, never write it), with cold Streamlit caches."""
    monkeypatch.setenv("SCORES_DB", str(built_db))
    st.cache_data.clear()
    st.cache_resource.clear()
    return built_db


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """tests/views run the whole app script under AppTest (every page a few seconds): slow too,
    so `-m "not browser and not slow"` is the quick tier of the package's own modules."""
    for item in items:
        if item.path.parent.name == "views":
            item.add_marker(pytest.mark.slow)

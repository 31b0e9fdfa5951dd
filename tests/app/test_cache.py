"""scores/app/cache.py: cached reads that follow the data, one connection, lines of units."""

import duckdb
import pytest
import streamlit as st

from scores.app import cache
from scores.store import releases as store
from scores.store.imports import import_file


@pytest.fixture(autouse=True)
def cold():
    st.cache_data.clear()
    st.cache_resource.clear()


def test_a_cached_read_follows_a_write_made_elsewhere_without_a_cache_clear(db_file, tmp_path):
    before = len(cache.load("releases_by_version"))
    assert len(cache.load("releases_by_version")) == before  # a hit
    table = tmp_path / "sipas.csv"
    table.write_text("Tỉnh/thành phố,SIPAS\nHà Nội,85.00\n", encoding="utf-8")
    with duckdb.connect(str(db_file)) as con:  # another connection, as another process would
        import_file(con, table, "SIPAS", 2025, store.Source(imported_by="tester"))
    assert len(cache.load("releases_by_version")) == before + 1


def test_a_read_inside_a_write_block_goes_through_the_write_connection(db_file):
    with cache.cursor() as con:
        con.execute("UPDATE provinces SET name_en = 'Ha Noi (test)' WHERE province_code = '01'")
        # A second connection to the file from this process would be refused by DuckDB.
        assert cache.provinces().by_key("01").name_en == "Ha Noi (test)"


@pytest.mark.slow  # builds the whole database from data/
def test_a_missing_database_is_built_from_data_on_first_use(tmp_path, monkeypatch):
    path = tmp_path / "new" / "scores.duckdb"
    monkeypatch.setenv("SCORES_DB", str(path))
    assert len(cache.provinces().today()) == 34 and path.exists()


def test_history_runs_along_the_main_line_and_says_whose_rows_they_are(db_file, tmp_path):
    table = tmp_path / "pci_2025.csv"
    table.write_text("Tỉnh/thành phố,Điểm PCI,Xếp hạng\nBắc Ninh,72.00,3\n", encoding="utf-8")
    with duckdb.connect(str(db_file)) as con:
        import_file(con, table, "PCI", 2025, store.Source(imported_by="tester"))
    unit = cache.provinces().by_key("24")  # Bắc Ninh: unit 24 from 2025, unit 27 until 2024
    frame = cache.history("headline_by_year", unit)
    whose = {(r.year, r.unit_code, r.unit_from) for r in frame.itertuples()}
    assert (2025, "24", 2025) in whose and (2022, "27", 2004) in whose
    assert {(code, start) for _, code, start in whose} == {("24", 2025), ("27", 2004)}
    # never a row of Bắc Giang (24-2004), merged in but not on the main line
    assert frame.groupby(["index_code", "year", "indicator"]).size().max() == 1  # none twice


def test_valued_count_is_the_provinces_with_a_headline_value(built):
    assert cache.valued_count("PAPI", 2024) == 61
    assert cache.valued_count("PAPI", 1999) == 0

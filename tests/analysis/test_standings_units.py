"""Standings and rank changes on the city's unit sets, from the real database: places moved
within a set, and none across the 2025 change (the districts end, the communes begin)."""

import duckdb
import pandas as pd
import pytest

from scores import db
from scores.analysis.standings import change_arrow, rank_changes, standing
from scores.catalog import Provinces


@pytest.fixture(scope="module")
def ro(built_db):
    connection = duckdb.connect(str(built_db), read_only=True)
    yield connection
    connection.close()


def table(con, index_code: str, year: int, indicator: str) -> pd.DataFrame:
    found = db.query(
        con, "scores_by_province", index_code=index_code, year=year, indicator=indicator
    )
    return found.assign(name=found["name_vi"])


def changes(con, index_code: str, unit_set: str, year: int, earlier: int) -> pd.DataFrame:
    indicator = {"HNPAR_DEPT": "hn_par_index_total_department"}.get(
        index_code, "hn_par_index_total_district"
    )
    now, before = (
        table(con, index_code, year, indicator),
        table(con, index_code, earlier, indicator),
    )
    return rank_changes(Provinces(con, unit_set), now, before, year, earlier).set_index(
        "province_code"
    )


def test_long_bien_rose_eleven_places_from_2023_to_2024(ro):
    # Printed: "bứt phá từ vị trí thứ 12 (năm 2023) vươn lên vị trí thứ nhất" (kinhtedothi.vn).
    found = changes(ro, "HNPAR_LOCAL", "hn_local", 2024, 2023).loc["HN-L-LONGBIEN"]
    assert (found["previous_rank"], found["rank"], change_arrow(found["change"])) == (12, 1, "▲ 11")


def test_departments_move_within_their_own_set(ro):
    found = changes(ro, "HNPAR_DEPT", "hn_department", 2023, 2022)
    assert change_arrow(found.loc["HN-D-NV", "change"]) == "▲ 1"  # 2nd in 2022, 1st in 2023
    assert change_arrow(found.loc["HN-D-TC", "change"]) == "▲ 1"  # 3rd, then 2nd
    assert pd.isna(found.loc["HN-D-KHCN", "previous_rank"])  # not ranked in print in 2022


def test_the_city_units_standing_counts_its_own_set(ro):
    history = db.query(
        ro, "headline_by_year", province_code="HN-L-LONGBIEN", valid_from=2020, valid_to=2024
    )
    found = standing(history)
    assert (found.year, found.rank, found.units, found.places_change) == (
        2024,
        1,
        30,
        11,
    )


def test_no_district_of_2024_continues_into_2025(ro):
    districts = Provinces(ro, "hn_local")
    assert len(districts.in_year(2024)) == 30
    assert districts.continued_codes(2025, 2024) == {}


@pytest.fixture
def with_a_commune(db_file):
    """The real database plus one unit of the local set from 2025, as data/city_units.csv will
    hold the communes (none is listed yet); its code and name are the test's own."""
    with duckdb.connect(str(db_file)) as con:
        con.execute(
            "INSERT INTO city_units VALUES ('hn_local', 'TEST-COMMUNE', 2025, NULL,"
            " 'Phường Thử', 'Test Ward', NULL)"
        )
    connection = duckdb.connect(str(db_file), read_only=True)
    yield connection
    connection.close()


def test_a_rank_change_across_the_2025_change_is_none_not_up_n(with_a_commune):
    con = with_a_commune
    before = table(con, "HNPAR_LOCAL", 2024, "hn_par_index_total_district")  # Long Biên 1st
    now = pd.DataFrame(
        {
            "rank": pd.array([1], dtype="Int64"),
            "province_code": ["TEST-COMMUNE"],
            "name": ["Phường Thử"],
            "value": [96.0],
            "rank_kind": ["published"],
        }
    )
    found = rank_changes(Provinces(con, "hn_local"), now, before, 2025, 2024)
    assert pd.isna(found.loc[0, "previous_rank"]) and pd.isna(found.loc[0, "change"])
    assert change_arrow(found.loc[0, "change"]) == "–"


def test_a_district_shown_beside_a_later_year_keeps_no_change(ro):
    # Even asked with the same frame twice, a unit absent from one of the years gets no places.
    before = table(ro, "HNPAR_LOCAL", 2024, "hn_par_index_total_district")
    found = rank_changes(Provinces(ro, "hn_local"), before, before, 2025, 2024)
    assert found["change"].isna().all() and found["previous_rank"].isna().all()

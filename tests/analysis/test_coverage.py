"""Coverage and calendar: the database's units against the publisher's, for every index and year
of the seed, counted again by hand from data/seed; and the release calendar's dates."""

from datetime import date

import pandas as pd
import pytest

from scores import db
from scores.analysis.coverage import calendar_status, expected_year, next_release, with_status
from scores.config import ROOT

SEED = ROOT / "data" / "seed"
FILES = {"PAR": "par_index.csv", "SIPAS": "sipas.csv", "PAPI": "papi.csv", "PCI": "pci.csv"}
HEADLINE = {
    "PAR": {"par_index_total"},
    "SIPAS": {"sipas_total"},
    "PAPI": {"papi_total_6dim_unweighted", "papi_total_8dim"},
    "PCI": {"pci_total_weighted"},
}


def hand_counts() -> dict[tuple[str, int], int]:
    """Units with a headline score or rank, per index and year, read straight from the seed CSVs
    (a unit is its code, or its name where the file has no code: Hà Tây in PCI 2006-2008)."""
    counts = {}
    additions = pd.read_csv(SEED / "additions_turn3.csv", dtype=str, keep_default_na=False)
    additions = additions.rename(columns={"source_url": "source_url_or_repo_path"})
    for code, name in FILES.items():
        rows = pd.read_csv(SEED / name, dtype=str, keep_default_na=False)
        rows = pd.concat([rows, additions[rows.columns]], ignore_index=True)
        rows = rows[
            rows["indicator"].isin(HEADLINE[code]) & ((rows["score"] != "") | (rows["rank"] != ""))
        ]
        unit = rows["province_code"].where(rows["province_code"] != "", rows["province"])
        for year, units in unit.groupby(rows["year"].astype(int)):
            counts[(code, year)] = units.nunique()
    return counts


@pytest.fixture(scope="module")
def coverage(built_db) -> pd.DataFrame:
    con = db.connect(built_db, read_only=True)
    found = db.query(con, "coverage_by_index_year", last_year=2025)
    con.close()
    return with_status(found)


def test_every_index_and_year_of_the_seed_against_hand_counts(coverage):
    held = {(r.index_code, int(r.year)): int(r.held) for r in coverage.itertuples()}
    counted = hand_counts()
    assert {key: held[key] for key in counted} == counted
    # Years the publisher covered and the seed has nothing for are rows too, held 0.
    assert {key for key, n in held.items() if n == 0} == {
        ("PAR", 2015), ("SIPAS", 2017), ("SIPAS", 2018),
        ("PAR", 2025), ("SIPAS", 2025), ("PAPI", 2025), ("PCI", 2025),
    }  # fmt: skip


def test_the_publishers_coverage_by_year(coverage):
    units = {(r.index_code, int(r.year)): int(r.publisher_units) for r in coverage.itertuples()}
    assert units[("PCI", 2005)] == 42  # VCCI's first PCI covered 42 provinces
    assert units[("PCI", 2007)] == 64  # 2006-2008: with Hà Tây
    assert units[("PCI", 2009)] == units[("PAPI", 2024)] == units[("PAR", 2012)] == 63
    assert units[("SIPAS", 2025)] == 34  # the merged units
    assert min(year for code, year in units if code == "PAPI") == 2011


def test_hand_counted_statuses(coverage):
    found = coverage.set_index(["index_code", "year"])["status"]
    assert found[("PCI", 2005)] == "complete"  # 42 of VCCI's 42: the release is not our gap
    assert found[("PCI", 2021)] == "complete"
    assert (found[("PAR", 2024)], found[("SIPAS", 2024)]) == ("partial", "partial")
    assert found[("PAR", 2013)] == "partial"  # 3 units from the additions of 2026-12-02
    assert found[("PAR", 2015)] == "missing"


@pytest.mark.parametrize(
    "today, year, upcoming",
    [
        (date(2026, 4, 30), 2024, (2025, 2026)),  # PAPI's April: the 2025 report is due, not late
        (date(2026, 5, 1), 2025, (2026, 2027)),
        (date(2026, 1, 15), 2024, (2025, 2026)),
        (date(2026, 12, 2), 2025, (2026, 2027)),
    ],
)
def test_papi_april_calendar(today, year, upcoming):
    assert expected_year(4, 1, today) == year
    assert next_release(4, 4, 1, today) == upcoming


def test_the_latest_expected_release_is_in_or_not(coverage):
    calendar = pd.DataFrame(
        {
            "index_code": ["PAPI", "PCI"],
            "month_from": [4, 5],
            "month_to": [4, 5],
            "lag_years": [1, 1],
        }
    )
    found = calendar_status(calendar, coverage, date(2025, 6, 1)).set_index("index_code")
    assert found.loc["PAPI", ["expected_year", "held", "publisher_units", "status"]].tolist() == [
        2024, 61, 63, "partial",
    ]  # fmt: skip
    assert found.loc["PCI", ["expected_year", "status", "next_year", "next_out"]].tolist() == [
        2024, "partial", 2025, 2026,
    ]  # fmt: skip

"""indicator_by_year.sql on the hand-written rows of test_queries: one unit, one indicator."""

import duckdb
import pytest
from test_queries import ROWS

from scores import db


@pytest.fixture
def mem() -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect(":memory:")
    db.create_schema(connection)
    connection.execute(ROWS)
    return connection


@pytest.mark.parametrize("indicator", ["headline", "pci_total_weighted"])
def test_one_units_indicator_by_year_in_the_current_release(mem, indicator):
    params = {"index_code": "PCI", "indicator": indicator}
    old = db.query(
        mem, "indicator_by_year", province_code="24", valid_from=2004, valid_to=2024, **params
    )
    rows = old[["year", "value", "rank", "units"]].astype(object)
    assert rows.where(rows.notna(), None).values.tolist() == [[2016, 62.5, None, 2]]
    new = db.query(
        mem, "indicator_by_year", province_code="24", valid_from=2025, valid_to=9999, **params
    )
    assert new[["year", "value", "units"]].values.tolist() == [[2025, 70.0, 2]]


def test_another_indicator_is_not_the_headline(mem):
    found = db.query(
        mem,
        "indicator_by_year",
        province_code="01",
        valid_from=2004,
        valid_to=2024,
        index_code="PCI",
        indicator="transparency",
    )
    assert found.empty

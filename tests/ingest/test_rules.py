"""Each rule of ingest.rules on its own, on the real catalogue."""

import duckdb
import pytest

from scores.catalog import ProvinceNotFound, Provinces
from scores.indicators import Indicators
from scores.ingest import rules
from scores.ingest.interpret import understand
from scores.ingest.readfile import RawTable
from scores.ingest.rules import Context, Entry


@pytest.fixture(scope="module")
def catalogue(built_db):
    con = duckdb.connect(str(built_db), read_only=True)
    yield Provinces(con), Indicators(con, "PCI")
    con.close()


def context(catalogue, header: list[str], year: int = 2016) -> Context:
    provinces, indicators = catalogue
    layout = understand(RawTable([header], "csv"), indicators, year)
    return Context(layout, provinces, indicators, "PCI", year)


def test_every_rule_is_listed_once_in_the_table():
    listed = [rule.__name__ for stage in rules.RULES.values() for rule in stage]
    assert len(listed) == len(set(listed))
    assert {"not_a_number", "out_of_range", "unknown_province", "year_mismatch"} <= set(listed)


@pytest.mark.parametrize(
    ("rule", "cells", "expected"),
    [
        (rules.year_mismatch, ["Hà Nội", "2015", "PCI", "60"], "year_mismatch"),
        (rules.year_mismatch, ["Hà Nội", "2016", "PCI", "60"], None),
        (rules.index_mismatch, ["Hà Nội", "2016", "PAPI", "60"], "index_mismatch"),
        (rules.index_mismatch, ["Hà Nội", "2016", "pci", "60"], None),
    ],
)
def test_row_rules(catalogue, rule, cells, expected):
    ctx = context(catalogue, ["Tỉnh", "Năm", "Index", "PCI"])
    found = rule(ctx, 2, cells)
    assert (found.rule if found else None) == expected


@pytest.mark.parametrize(
    ("rule", "text", "expected"),
    [
        (rules.not_a_number, "bảy", "not_a_number"),
        (rules.not_a_number, "7,5", None),
        (rules.not_a_number, "N/A", None),
        (rules.bad_rank, "hai", "bad_rank"),
        (rules.bad_rank, "2.5", "bad_rank"),
        (rules.bad_rank, "3/63", None),
        (rules.rank_out_of_range, "64", "rank_out_of_range"),
        (rules.rank_out_of_range, "63", None),
    ],
)
def test_cell_rules(catalogue, rule, text, expected):
    ctx = context(catalogue, ["Tỉnh", "PCI"])
    found = rule(ctx, 2, ctx.layout.columns[1], text)
    assert (found.rule if found else None) == expected
    if found:
        assert (found.row, found.column, found.value) == (2, "PCI", text)


def test_rank_out_of_range_counts_the_units_of_the_year(catalogue):
    ctx = context(catalogue, ["Tỉnh", "PCI"], year=2025)
    found = rules.rank_out_of_range(ctx, 2, ctx.layout.columns[1], "35")
    assert found.detail == {"units": 34, "year": 2025}


def test_unknown_indicator_in_a_long_table(catalogue):
    ctx = context(catalogue, ["Tỉnh", "Chỉ số", "Giá trị"])
    column = ctx.layout.first("indicator_label")
    assert rules.unknown_indicator(ctx, 3, column, "Chỉ số lạ").rule == "unknown_indicator"
    assert rules.unknown_indicator(ctx, 3, column, "Tiếp cận đất đai") is None


@pytest.mark.parametrize(
    ("name", "year", "expected"),
    [("Hà Tây", 2009, "province_not_in_year"), ("Hà Nộii Xyz", 2016, "unknown_province")],
)
def test_province_rules(catalogue, name, year, expected):
    ctx = context(catalogue, ["Tỉnh", "PCI"], year=year)
    with pytest.raises(ProvinceNotFound) as missing:
        ctx.provinces.resolve(name, year)
    found = rules.first("province", ctx, 2, "Tỉnh", name, missing.value)
    assert found.rule == expected and found.value == name


def test_no_province_name(catalogue):
    ctx = context(catalogue, ["Tỉnh", "PCI"])
    assert rules.no_province_name(ctx, 4, "Tỉnh", "").rule == "no_province_name"
    assert rules.no_province_name(ctx, 4, "Tỉnh", "Hà Nội") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [(12.5, "out_of_range"), (-0.1, "out_of_range"), (10.0, None), (None, None)],
)
def test_value_rules(catalogue, value, expected):
    ctx = context(catalogue, ["Tỉnh", "Gia nhập thị trường"])
    entry = Entry("entry_costs", "Gia nhập thị trường", value, None)
    found = rules.first("value", ctx, 3, entry, "Hà Nội")
    assert (found.rule if found else None) == expected


@pytest.mark.parametrize(("earlier", "expected"), [(2, "duplicate_province"), (None, None)])
def test_unit_rules(catalogue, earlier, expected):
    ctx = context(catalogue, ["Tỉnh", "PCI"])
    found = rules.first("unit", ctx, 5, "Tỉnh", "HN", earlier)
    assert (found.rule if found else None) == expected
    if found:
        assert (found.row, found.column, found.value, found.detail) == (
            5,
            "Tỉnh",
            "HN",
            {"other": 2},
        )

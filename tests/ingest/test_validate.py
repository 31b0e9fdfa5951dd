"""Each rule of validate on its own, then the walk over rows, on the real catalogue."""

import duckdb
import pytest

from scores.catalog import Indicators, ProvinceNotFound, Provinces
from scores.ingest import validate
from scores.ingest.interpret import understand
from scores.ingest.readfile import RawTable
from scores.ingest.validate import Context, Entry


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
    listed = [rule.__name__ for stage in validate.RULES.values() for rule in stage]
    assert len(listed) == len(set(listed))
    assert {"not_a_number", "out_of_range", "unknown_province", "year_mismatch"} <= set(listed)


@pytest.mark.parametrize(
    ("rule", "cells", "expected"),
    [
        (validate.year_mismatch, ["Hà Nội", "2015", "PCI", "60"], "year_mismatch"),
        (validate.year_mismatch, ["Hà Nội", "2016", "PCI", "60"], None),
        (validate.index_mismatch, ["Hà Nội", "2016", "PAPI", "60"], "index_mismatch"),
        (validate.index_mismatch, ["Hà Nội", "2016", "pci", "60"], None),
    ],
)
def test_row_rules(catalogue, rule, cells, expected):
    ctx = context(catalogue, ["Tỉnh", "Năm", "Index", "PCI"])
    found = rule(ctx, 2, cells)
    assert (found.rule if found else None) == expected


@pytest.mark.parametrize(
    ("rule", "text", "expected"),
    [
        (validate.not_a_number, "bảy", "not_a_number"),
        (validate.not_a_number, "7,5", None),
        (validate.not_a_number, "N/A", None),
        (validate.bad_rank, "hai", "bad_rank"),
        (validate.bad_rank, "2.5", "bad_rank"),
        (validate.bad_rank, "3/63", None),
        (validate.rank_out_of_range, "64", "rank_out_of_range"),
        (validate.rank_out_of_range, "63", None),
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
    found = validate.rank_out_of_range(ctx, 2, ctx.layout.columns[1], "35")
    assert found.detail == {"units": 34, "year": 2025}


def test_unknown_indicator_in_a_long_table(catalogue):
    ctx = context(catalogue, ["Tỉnh", "Chỉ số", "Giá trị"])
    column = ctx.layout.first("indicator_label")
    assert validate.unknown_indicator(ctx, 3, column, "Chỉ số lạ").rule == "unknown_indicator"
    assert validate.unknown_indicator(ctx, 3, column, "Tiếp cận đất đai") is None


@pytest.mark.parametrize(
    ("name", "year", "expected"),
    [("Hà Tây", 2009, "province_not_in_year"), ("Hà Nộii Xyz", 2016, "unknown_province")],
)
def test_province_rules(catalogue, name, year, expected):
    ctx = context(catalogue, ["Tỉnh", "PCI"], year=year)
    with pytest.raises(ProvinceNotFound) as missing:
        ctx.provinces.resolve(name, year)
    found = validate._first("province", ctx, 2, "Tỉnh", name, missing.value)
    assert found.rule == expected and found.value == name


def test_no_province_name(catalogue):
    ctx = context(catalogue, ["Tỉnh", "PCI"])
    assert validate.no_province_name(ctx, 4, "Tỉnh", "").rule == "no_province_name"
    assert validate.no_province_name(ctx, 4, "Tỉnh", "Hà Nội") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [(12.5, "out_of_range"), (-0.1, "out_of_range"), (10.0, None), (None, None)],
)
def test_value_rules(catalogue, value, expected):
    ctx = context(catalogue, ["Tỉnh", "Gia nhập thị trường"])
    entry = Entry("entry_costs", "Gia nhập thị trường", value, None)
    found = validate._first("value", ctx, 3, entry, "Hà Nội")
    assert (found.rule if found else None) == expected


@pytest.mark.parametrize(("earlier", "expected"), [(2, "duplicate_province"), (None, None)])
def test_unit_rules(catalogue, earlier, expected):
    ctx = context(catalogue, ["Tỉnh", "PCI"])
    found = validate._first("unit", ctx, 5, "Tỉnh", "HN", earlier)
    assert (found.rule if found else None) == expected
    if found:
        assert (found.row, found.column, found.value, found.detail) == (
            5,
            "Tỉnh",
            "HN",
            {"other": 2},
        )


def walk(catalogue, rows: list[list[str]]) -> validate.Parsed:
    provinces, indicators = catalogue
    raw = RawTable(rows, "csv")
    return validate.check(
        raw, understand(raw, indicators, 2016), provinces, indicators, "PCI", 2016
    )


def test_a_province_given_twice_in_a_wide_table_is_one_problem_per_row(catalogue):
    header = ["Tỉnh", "PCI", "Tính minh bạch", "Chi phí thời gian", "Tiếp cận đất đai"]
    parsed = walk(
        catalogue,
        [
            header,
            ["Hà Nội", "60,74", "6,04", "5,87", "4,16"],
            ["Đà Nẵng", "70,00", "7,00", "7,00", "7,00"],
            ["HN", "60,74", "6,04", "5,87", "4,16"],
            ["TP. Hà Nội", "61", "", "", ""],
        ],
    )
    assert [(p.rule, p.row, p.column, p.value, p.detail) for p in parsed.problems] == [
        ("duplicate_province", 4, "Tỉnh", "HN", {"other": 2}),
        ("duplicate_province", 5, "Tỉnh", "TP. Hà Nội", {"other": 2}),
    ]
    # The repeated rows leave the first one's values as they were.
    hanoi = parsed.values[parsed.values["province_code"] == "01"]
    assert hanoi["row"].unique().tolist() == [2] and len(hanoi) == 4


def test_a_province_on_two_rows_with_different_indicators_is_no_duplicate(catalogue):
    parsed = walk(
        catalogue,
        [
            ["Tỉnh", "Chỉ số", "Giá trị"],
            ["Hà Nội", "PCI", "60,74"],
            ["HN", "Tính minh bạch", "6,04"],
            ["Hà Nội", "PCI", "60,8"],
        ],
    )
    assert [(p.rule, p.row, p.detail) for p in parsed.problems] == [
        ("duplicate_province", 4, {"other": 2})
    ]
    assert parsed.values["indicator"].tolist() == ["pci_total_weighted", "transparency"]


def test_the_walk_keeps_values_averages_and_skips_blank_rows(catalogue):
    provinces, indicators = catalogue
    rows = [
        ["Tỉnh", "PCI", "Xếp hạng"],
        ["Hà Nội", "60,74", "13"],
        ["Ghi chú: số liệu VCCI", "", ""],
        ["Toàn quốc", "59,5", ""],
        ["Đà Nẵng", "N/A", "1"],
    ]
    raw = RawTable(rows, "csv")
    layout = understand(raw, indicators, 2016)
    parsed = validate.check(raw, layout, provinces, indicators, "PCI", 2016)
    assert parsed.problems == []
    values = parsed.values.astype(object).where(parsed.values.notna(), None)
    assert values[["province_code", "value", "decimals", "rank"]].values.tolist() == [
        ["01", 60.74, 2, 13],
        ["48", None, None, 1],
    ]
    assert parsed.averages[["scope", "value"]].values.tolist() == [["national", 59.5]]
    assert parsed.skipped_rows == [3]
    assert parsed.missing == 1

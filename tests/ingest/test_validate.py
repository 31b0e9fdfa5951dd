"""The walk over rows of ingest.validate, on the real catalogue (each rule: test_rules)."""

import duckdb
import pytest

from scores.catalog import Provinces
from scores.indicators import Indicators
from scores.ingest import validate
from scores.ingest.interpret import understand
from scores.ingest.readfile import RawTable


@pytest.fixture(scope="module")
def catalogue(built_db):
    con = duckdb.connect(str(built_db), read_only=True)
    yield Provinces(con), Indicators(con, "PCI")
    con.close()


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

"""How a table is understood: the header row, each column's role, long or wide."""

import duckdb
import pytest

from scores.indicators import Indicators
from scores.ingest.interpret import find_header, suggest_indicators, understand
from scores.ingest.readfile import RawTable


@pytest.fixture(scope="module")
def pci(built_db):
    con = duckdb.connect(str(built_db), read_only=True)
    yield Indicators(con, "PCI")
    con.close()


def roles(layout) -> list[tuple[str, str, str | None]]:
    return [(c.header, c.role, c.indicator) for c in layout.columns]


def test_title_rows_above_the_header_are_skipped():
    raw = RawTable(
        [["BẢNG XẾP HẠNG PCI 2016"], [""], ["STT", "Tỉnh", "PCI"], ["1", "Hà Nội", "60"]], "csv"
    )
    assert find_header(raw) == 2


def test_no_province_column_means_no_header():
    assert find_header(RawTable([["Chỉ số", "Điểm"], ["PCI", "60"]], "csv")) is None


def test_a_wide_table_maps_every_column(pci):
    header = ["STT", "Tỉnh/thành phố", "Gia nhập thị trường", "PCI 2016", "Xếp hạng", "Nhóm"]
    layout = understand(
        RawTable([header, ["1", "Hà Nội", "7", "60", "13", "Khá"]], "csv"), pci, 2016
    )
    assert layout.layout == "wide" and layout.problems == []
    assert roles(layout) == [
        ("STT", "skipped", None),
        ("Tỉnh/thành phố", "province", None),
        ("Gia nhập thị trường", "value", "entry_costs"),
        ("PCI 2016", "value", "pci_total_weighted"),
        ("Xếp hạng", "rank", None),
        ("Nhóm", "skipped", None),
    ]


def test_a_long_table_is_recognised(pci):
    header = ["Tỉnh", "Chỉ số", "Giá trị", "Xếp hạng"]
    layout = understand(RawTable([header, ["Hà Nội", "PCI", "60", "13"]], "csv"), pci, 2016)
    assert layout.layout == "long"
    assert [c.role for c in layout.columns] == ["province", "indicator_label", "value_cell", "rank"]


def test_a_rank_column_of_one_indicator(pci):
    header = ["Tỉnh", "Gia nhập thị trường", "Xếp hạng Gia nhập thị trường"]
    layout = understand(RawTable([header, ["Hà Nội", "7", "3"]], "csv"), pci, 2016)
    assert roles(layout)[2] == ("Xếp hạng Gia nhập thị trường", "rank", "entry_costs")


def test_an_unknown_column_is_a_problem_with_suggestions(pci):
    header = ["Tỉnh", "Gia nhap thi truong moi"]
    layout = understand(RawTable([header, ["Hà Nội", "7"]], "csv"), pci, 2016)
    assert [p.rule for p in layout.problems] == ["unknown_column"]
    assert layout.problems[0].detail["suggestions"].startswith("Chi phí gia nhập thị trường")


def test_map_and_skip_resolve_unknown_columns(pci):
    header = ["Tỉnh", "Điểm lạ", "Ghi chú nội bộ"]
    raw = RawTable([header, ["Hà Nội", "60", "x"]], "csv")
    layout = understand(raw, pci, 2016, {"Điểm lạ": "pci_total_weighted"}, {"Ghi chú nội bộ"})
    assert layout.problems == []
    assert roles(layout)[1:] == [
        ("Điểm lạ", "value", "pci_total_weighted"),
        ("Ghi chú nội bộ", "skipped", None),
    ]


@pytest.mark.parametrize(
    ("header", "rule"),
    [
        (["Tỉnh", "Ưu đãi DNNN"], "indicator_not_in_year"),
        (["Tỉnh", "Tiếp cận đất đai", "Tiếp cận đất đai"], "duplicate_column"),
    ],
)
def test_column_problems(pci, header, rule):
    layout = understand(
        RawTable([header, ["Hà Nội", *["5"] * (len(header) - 1)]], "csv"), pci, 2016
    )
    assert rule in [p.rule for p in layout.problems]


def test_suggestions_are_catalogue_names(pci):
    assert suggest_indicators("Tiep can dat dai", pci)[0].startswith("Tiếp cận đất đai")

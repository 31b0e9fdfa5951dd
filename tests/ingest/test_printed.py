"""A printed table's pages joined into one: grouped headers flattened, the chosen table of each
page, a repeated header dropped, a table of another shape left out, doubts moved with their rows."""

import pytest

from scores.errors import ImportRefused
from scores.ingest.printed import Doubt, Found, chosen, combine, flat, most_tables, text

HEADER = ["STT", "Tỉnh", "PCI", "Xếp hạng"]


def test_a_cells_lines_join_with_single_spaces():
    assert text("TP. Hải\n  Phòng ") == "TP. Hải Phòng" and text(None) == ""


def test_a_label_spanning_columns_gives_way_to_the_labels_below_it():
    rows = [
        ["STT", "Tỉnh", "Chỉ số thành phần", None],
        [None, None, "Tính minh bạch", "Chi phí\nthời gian"],
        ["1", "Hà Nội", "6,57", "7,74"],
    ]
    assert flat(rows) == [
        ["STT", "Tỉnh", "Tính minh bạch", "Chi phí thời gian"],
        ["1", "Hà Nội", "6,57", "7,74"],
    ]


def page(number: int, rows: list[list[str]], doubts: list[Doubt] | None = None) -> Found:
    return Found(number, (0, 0, 100, 100), rows, doubts or [])


def test_the_chosen_table_of_each_page_or_its_last_when_it_prints_fewer():
    one, two, three = page(1, [["a"]]), page(1, [["b"]]), page(2, [["c"]])
    assert chosen([one, two, three], 2) == [two, three]
    with pytest.raises(ImportRefused) as refused:
        chosen([one], 0)
    assert refused.value.problems[0].rule == "printed_pages.bad_table"


def test_pages_join_under_the_first_header_and_a_doubt_moves_with_its_row():
    first = page(3, [HEADER, ["1", "Đà Nẵng", "70,00", "1"]])
    doubt = Doubt(4, 1, 2, "6?,74", 41.0)
    second = page(4, [HEADER, ["2", "Hà Nội", "60,74", "14"]], [doubt])
    beside = page(4, [["Ghi chú"], ["1", "2", "3"]])  # page 4's second table: not chosen
    shaped = page(5, [["Vùng", "Số tỉnh"], ["1", "2", "3"]])  # another header: left out
    rows, source = combine([first, second, beside, shaped], [3, 4, 5], "pdf")
    assert rows == [HEADER, ["1", "Đà Nẵng", "70,00", "1"], ["2", "Hà Nội", "60,74", "14"]]
    assert [(d.row, d.position, d.text) for d in source.doubts] == [(2, 2, "6?,74")]
    assert source.outlines == [(3, (0, 0, 100, 100)), (4, (0, 0, 100, 100))]
    assert (source.cells, source.ocr_share, most_tables(source)) == (12, 0.0, 2)


def test_pages_with_no_line_of_numbers_are_refused_naming_the_pages():
    with pytest.raises(ImportRefused) as refused:
        combine([page(5, [HEADER])], [5], "pdf")
    assert refused.value.problems[0].rule == "printed.no_table"

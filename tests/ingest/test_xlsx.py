"""Excel workbooks read into rows of text: percentages on the 0-100 scale, the decimals a
number's format prints, a sheet by name."""

import io

import pytest
from openpyxl import Workbook

from scores.errors import ImportRefused
from scores.ingest.readfile import read_bytes
from scores.ingest.xlsx import format_decimals


def _xlsx(rows, percent_column=None) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Tổng hợp"
    for row in rows:
        sheet.append(row)
    if percent_column:
        for cell in sheet[percent_column][1:]:
            cell.number_format = "0.00%"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_excel_cells_read_as_text_with_percentages_on_the_0_100_scale():
    data = _xlsx([["Tỉnh", "SIPAS", "Xếp hạng"], ["Hà Nội", 0.865, 11], ["Huế", None, 2]], "B")
    table = read_bytes(data, "sipas.xlsx")
    assert table.kind == "xlsx"
    assert table.rows == [
        ["Tỉnh", "SIPAS", "Xếp hạng"],
        ["Hà Nội", "86.50", "11"],
        ["Huế", "", "2"],
    ]


@pytest.mark.parametrize(
    ("value", "number_format", "text"),
    [
        (60.5, "0.00", "60.50"),
        (60, "0.00", "60.00"),
        (60.7409934998, "0.00", "60.7409934998"),  # the stored value, never cut to the format
        (60.74, "General", "60.74"),
        (60, "General", "60"),
        (7.5, "#,##0.0#", "7.5"),
        (1234.5, '"VND" #,##0.000;(#,##0.000)', "1234.500"),
    ],
)
def test_excel_numbers_keep_the_decimals_their_format_prints(value, number_format, text):
    book = Workbook()
    book.active.append(["Tỉnh", "PCI"])
    book.active.append(["Hà Nội", value])
    book.active["B2"].number_format = number_format
    buffer = io.BytesIO()
    book.save(buffer)
    assert read_bytes(buffer.getvalue()).rows[1] == ["Hà Nội", text]


def test_excel_sheet_by_name_and_a_missing_sheet():
    data = _xlsx([["Tỉnh", "PCI"], ["Hà Nội", 60.74]])
    assert read_bytes(data, sheet="Tổng hợp").rows[1] == ["Hà Nội", "60.74"]
    with pytest.raises(ImportRefused) as refused:
        read_bytes(data, sheet="Sheet9")
    assert refused.value.problems[0].rule == "no_sheet"
    assert refused.value.problems[0].detail["sheets"] == "Tổng hợp"


@pytest.mark.parametrize(
    ("number_format", "decimals"),
    [("0.00", 2), ("0.0#%", 1), ("#,##0", 0), ("General", 0), ('0.000;"(-)"0.0', 3)],
)
def test_the_decimals_a_number_format_prints(number_format, decimals):
    assert format_decimals(number_format) == decimals

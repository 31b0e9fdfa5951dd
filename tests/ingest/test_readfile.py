"""Reading uploads by kind: delimited text into rows, title rows kept, Excel workbooks, refusals."""

import codecs
import io

import pytest
from openpyxl import Workbook

from scores.errors import ImportRefused
from scores.ingest.importer import prepare
from scores.ingest.readfile import read_bytes

# Excel's "Unicode text" export: UTF-16 LE with BOM, tab-separated, CRLF; a comma in a header cell
# and decimal commas in the values (PCI 2016 as VCCI prints it, 2 decimals).
UNICODE_TEXT = (
    "STT\tTỉnh, thành phố\tPCI\tXếp hạng\r\n1\tĐà Nẵng\t70,00\t1\r\n2\tHà Nội\t60,74\t14\r\n"
)


def test_excel_unicode_text_with_a_comma_in_the_header_reads_into_its_columns():
    table = read_bytes(codecs.BOM_UTF16_LE + UNICODE_TEXT.encode("utf-16-le"), "pci_2016.txt")
    assert (table.encoding, table.separator) == ("UTF-16", "\t")
    assert table.rows == [
        ["STT", "Tỉnh, thành phố", "PCI", "Xếp hạng"],
        ["1", "Đà Nẵng", "70,00", "1"],
        ["2", "Hà Nội", "60,74", "14"],
    ]


def test_excel_unicode_text_with_a_comma_in_the_header_imports(con):
    data = codecs.BOM_UTF16_LE + UNICODE_TEXT.encode("utf-16-le")
    prepared = prepare(con, data, "pci_2016.txt", "PCI", 2016)
    assert prepared.problems == []
    understood = [(c.header, c.role, c.indicator) for c in prepared.layout.columns]
    assert understood[1:] == [
        ("Tỉnh, thành phố", "province", None),
        ("PCI", "value", "pci_total_weighted"),
        ("Xếp hạng", "rank", None),
    ]
    values = prepared.parsed.values.sort_values("province_code")
    assert values[["province_code", "value", "rank"]].values.tolist() == [
        ["01", 60.74, 14],
        ["48", 70.0, 1],
    ]


def test_rows_keep_title_lines_and_cells_are_stripped():
    table = read_bytes("Tiêu đề\n\nTỉnh , PCI\n Hà Nội ,60\n".encode())
    assert table.rows == [["Tiêu đề"], [], ["Tỉnh", "PCI"], ["Hà Nội", "60"]]
    assert (table.kind, table.encoding, table.separator) == ("csv", "UTF-8", ",")


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
    ("data", "rule"),
    [
        (b"", "empty_file"),
        (b"  \n\n", "empty_file"),
        (b"PK\x03\x04broken", "bad_excel"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "old_excel"),
        (bytes(range(256)) * 4, "not_text"),
    ],
)
def test_unreadable_files_are_refused(data, rule):
    with pytest.raises(ImportRefused) as refused:
        read_bytes(data)
    assert refused.value.problems[0].rule == rule

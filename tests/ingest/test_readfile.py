"""Reading uploads: encodings, separators, title rows, Excel workbooks."""

import codecs
import io
import unicodedata

import pytest
from openpyxl import Workbook

from scores.errors import ImportRefused
from scores.ingest.delimited import decode, sniff_separator
from scores.ingest.importer import prepare
from scores.ingest.readfile import read_bytes

TABLE = "Tỉnh/thành phố;Chỉ số\nThừa Thiên Huế;92,57\nĐắk Lắk;88,1\n"


def cp1258(text: str) -> bytes:
    """Text as Vietnamese Windows stores it: precomposed where possible, else base + tone."""
    out = b""
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", char)
            out += unicodedata.normalize("NFC", base + "".join(marks[:-1])).encode("cp1258")
            out += marks[-1].encode("cp1258")
    return out


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TABLE.encode("utf-8"), "UTF-8"),
        (codecs.BOM_UTF8 + TABLE.encode("utf-8"), "UTF-8 (BOM)"),
        (TABLE.encode("utf-16"), "UTF-16"),
        (TABLE.encode("utf-16-le"), "UTF-16"),
        (cp1258(TABLE), "Windows-1258"),
    ],
)
def test_encodings_decode_to_the_same_text(data, encoding):
    text, found = decode(data)
    assert found == encoding
    assert text.replace("\r\n", "\n") == TABLE


@pytest.mark.parametrize(("separator", "name"), [(",", "comma"), (";", "semicolon"), ("\t", "tab")])
def test_separators_are_detected(separator, name):
    text = (
        f"Báo cáo PCI\nTỉnh{separator}PCI{separator}Xếp hạng\nHà Nội{separator}60,74{separator}14\n"
    )
    if separator == ",":
        text = text.replace("60,74", '"60,74"')
    assert sniff_separator(text) == separator


# Excel's "Unicode text" export: UTF-16 LE with BOM, tab-separated, CRLF; a comma in a header cell
# and decimal commas in the values (PCI 2016 as VCCI prints it, 2 decimals).
UNICODE_TEXT = (
    "STT\tTỉnh, thành phố\tPCI\tXếp hạng\r\n1\tĐà Nẵng\t70,00\t1\r\n2\tHà Nội\t60,74\t14\r\n"
)


@pytest.mark.parametrize(
    ("text", "separator"),
    [
        (UNICODE_TEXT, "\t"),
        # Decimal commas in every row and no header: as many rows split by comma as by semicolon.
        ("Hà Nội;60,74\nĐà Nẵng;70,00\n", ";"),
        ("Tỉnh, thành phố;PCI;Xếp hạng\nHà Nội;60,74;14\nĐà Nẵng;70,00;1\n", ";"),
        ('Tỉnh,Ghi chú\nHà Nội,"PCI; PAPI"\nĐà Nẵng,"PAR; SIPAS"\n', ","),
        ("Báo cáo PCI, VCCI\nTỉnh\tPCI\nHà Nội\t60,74\n", "\t"),
        ("Tỉnh\nHà Nội\n", ","),
    ],
    ids=[
        "excel-unicode-text",
        "semicolon-decimal-commas-no-header",
        "semicolon-comma-in-header",
        "comma-quoted-semicolons",
        "tab-below-a-title-with-a-comma",
        "one-column",
    ],
)
def test_the_separator_is_judged_on_the_structure_of_the_first_rows(text, separator):
    assert sniff_separator(text) == separator


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

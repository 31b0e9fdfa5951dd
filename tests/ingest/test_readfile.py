"""Reading uploads by kind: delimited text into rows, title rows kept, Excel workbooks, refusals."""

import codecs

import pytest

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

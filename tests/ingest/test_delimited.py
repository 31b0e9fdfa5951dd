"""Delimited text: encodings decoded, the separator judged on the first rows, rows bounded."""

import codecs
import unicodedata

import pytest

from scores.errors import ImportRefused
from scores.ingest.delimited import decode, read_rows, sniff_separator

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


def test_rows_are_cut_by_the_sniffed_separator_and_their_cells_stripped():
    rows, separator = read_rows("Tỉnh ; PCI\nHà Nội; 60,74\n")
    assert (rows, separator) == ([["Tỉnh", "PCI"], ["Hà Nội", "60,74"]], ";")


def test_text_that_is_mostly_control_characters_is_refused_as_not_text():
    with pytest.raises(ImportRefused) as refused:
        read_rows("\x01\x02\x03\x04 Tỉnh,PCI\n")
    assert refused.value.problems[0].rule == "not_text"

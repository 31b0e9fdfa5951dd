"""No silent loss: a value the file holds is either imported as written or refused by name."""

import io

import pytest
from openpyxl import Workbook
from store.test_imports import accept, refuse, stored

from scores.ingest.readfile import read_bytes

HEADER = "Tỉnh,Gia nhập thị trường"


@pytest.mark.parametrize(
    ("row", "rule", "value"),
    [
        ("Hà Nội,6 0.5", "not_a_number", "6 0.5"),
        ("=Hà Nội!!,7.5", "unknown_province", "=Hà Nội!!"),
        ('"' + '""' * 200 + "Hà Nội" + '""' * 200 + '",7.5', "unknown_province", None),
    ],
    ids=["space-inside-a-number", "name-in-junk", "name-in-quotes"],
)
def test_a_cell_is_read_as_written_or_refused(con, tmp_path, row, rule, value):
    problems = refuse(con, tmp_path, f"{HEADER}\n{row}\n")
    assert [p.rule for p in problems] == [rule]
    if value is not None:
        assert problems[0].value == value


@pytest.mark.parametrize(
    ("header", "name"), [("", "#3"), ("***", "***")], ids=["blank", "punctuation"]
)
def test_values_under_no_readable_header_are_an_error_naming_the_column(
    con, tmp_path, header, name
):
    problems = refuse(con, tmp_path, f"{HEADER},{header}\nHà Nội,7.5,6.1\n")
    assert [(p.rule, p.column) for p in problems] == [("unknown_column", name)]


def test_a_spaced_percent_sign_still_reads(con, tmp_path):
    release = accept(con, tmp_path, f"{HEADER}\nHà Nội,7.5 %\n")
    assert stored(con, release)["value"].tolist() == [7.5]


@pytest.mark.parametrize("written", ["1.234,5", "1,234.5"])
def test_a_thousands_group_is_read_as_one_number(con, tmp_path, written):
    # Entry costs run from 0 to 10: read as 1234.5 the cell is out of range and refused by name;
    # read with the group mark taken for a decimal point (1.2345) it would be stored unnoticed.
    problems = refuse(con, tmp_path, f'{HEADER}\nHà Nội,"{written}"\n')
    assert [(p.rule, p.value) for p in problems] == [("out_of_range", written)]


def test_a_row_number_column_headed_hash_is_still_skipped(con, tmp_path):
    release = accept(con, tmp_path, f"#,{HEADER}\n1,Hà Nội,7.5\n")
    assert stored(con, release)["value"].tolist() == [7.5]


def test_a_tiny_excel_number_is_written_without_an_exponent(con, tmp_path):
    book = Workbook()
    book.active.append(["Tỉnh", "Gia nhập thị trường"])
    book.active.append(["Hà Nội", 0.00001])
    buffer = io.BytesIO()
    book.save(buffer)
    assert read_bytes(buffer.getvalue()).rows[1] == ["Hà Nội", "0.00001"]
    release = accept(con, tmp_path, buffer.getvalue(), name="tiny.xlsx")
    assert stored(con, release)["value"].tolist() == [0.00001]


def test_every_stored_digit_of_an_excel_number_is_kept():
    book = Workbook()
    book.active.append(["Tỉnh", "Gia nhập thị trường", "PCI"])
    book.active.append(["Hà Nội", 5.48621273041, 0.6074])  # PCI keeps 11 decimals
    book.active["C2"].number_format = "0.00%"
    buffer = io.BytesIO()
    book.save(buffer)
    assert read_bytes(buffer.getvalue()).rows[1] == ["Hà Nội", "5.48621273041", "60.74"]


@pytest.mark.parametrize(
    ("text", "number"), [("1 234,5", 1234.5), ("92,57 %", 92.57), ("1\u00a0234", 1234.0)]
)
def test_spaces_between_thousands_groups_are_allowed(text, number):
    from scores.ingest.cells import parse_number

    assert parse_number(text) == number


@pytest.mark.parametrize("text", ["6 0.5", "1 23", "12 3456"])
def test_other_spaces_inside_a_number_are_not(text):
    from scores.ingest.cells import BadNumber, parse_number

    with pytest.raises(BadNumber):
        parse_number(text)


def _formula_book(cached: bool) -> bytes:
    """A workbook whose B2 is a formula, with or without the result Excel would store."""
    from ingest.hostile import xlsx_with_sheet

    value = "<v>7.5</v>" if cached else ""
    return xlsx_with_sheet(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Tỉnh</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>Gia nhập thị trường</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>Hà Nội</t></is></c>'
        f'<c r="B2"><f>C2*1.5</f>{value}</c><c r="C2" s="0"/></row>'
    )


def test_a_formula_without_a_stored_result_is_an_error_naming_the_cell(con, tmp_path):
    problems = refuse(con, tmp_path, _formula_book(cached=False), name="f.xlsx")
    assert [(p.rule, p.row, p.column, p.value) for p in problems] == [
        ("formula_without_value", 2, "B2", "=C2*1.5")
    ]


def test_a_formula_with_its_stored_result_imports_the_result(con, tmp_path):
    release = accept(con, tmp_path, _formula_book(cached=True), name="f.xlsx")
    assert stored(con, release)["value"].tolist() == [7.5]

"""Reading an .xlsx workbook into rows of text, within bounds, refusing hostile workbooks."""

import io
import re
import zipfile
from array import array
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from openpyxl import load_workbook
from openpyxl.cell.read_only import ReadOnlyCell

from scores.config import MAX_COLUMNS, MAX_ROWS, MAX_XLSX_EXPANDED_MB
from scores.errors import ImportRefused, Problem
from scores.ingest.bounds import bounded_row, too_wide

# What a damaged or hostile workbook raises from openpyxl's reader and the XML parser under it
# (ParseError is a SyntaxError; a number cell holding "abc" is a ValueError).
EXCEL_ERRORS = (
    zipfile.BadZipFile,
    KeyError,
    IndexError,
    OSError,
    ValueError,
    TypeError,
    SyntaxError,
    NotImplementedError,  # a zip part compressed with a method zipfile does not support
)


def read_xlsx(data: bytes, sheet: str | None) -> tuple[list[list[str]], str]:
    """The rows of the named (else the first) sheet as text, and the sheet's name;
    ImportRefused when it cannot be read or holds nothing."""
    check_expanded(data)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except EXCEL_ERRORS as error:
        raise ImportRefused([Problem("bad_excel")]) from error
    try:
        table = _pick_sheet(book, sheet)
        rows, blanks = _sheet_rows(table)
        if blanks:
            check_formulas(data, table.title, blanks)
        if not any(any(row) for row in rows):
            detail = {"sheet": table.title, "sheets": ", ".join(book.sheetnames)}
            raise ImportRefused([Problem("empty_sheet", detail=detail)])
        return rows, table.title
    except EXCEL_ERRORS as error:
        raise ImportRefused([Problem("bad_excel")]) from error
    finally:
        book.close()


def check_expanded(data: bytes) -> None:
    """Refuse a workbook whose parts would unfold past the limit, before any is inflated.

    The declared sizes can be trusted as a bound: zipfile never returns more than a part
    declares. A DOCTYPE has no place in a workbook and is where entity bombs live.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = archive.infolist()
        declared = sum(part.file_size for part in parts)
        if declared > MAX_XLSX_EXPANDED_MB * 2**20:
            mb = round(declared / 2**20)
            limit = MAX_XLSX_EXPANDED_MB
            raise ImportRefused([Problem("xlsx_too_large", detail={"mb": mb, "limit": limit})])
        if any(b"<!DOCTYPE" in archive.open(part).read(4096) for part in parts):
            raise ImportRefused([Problem("bad_excel")])
    except EXCEL_ERRORS as error:
        raise ImportRefused([Problem("bad_excel")]) from error


def _pick_sheet(book: Any, sheet: str | None) -> Any:
    if sheet is not None and sheet not in book.sheetnames:
        raise ImportRefused(
            [Problem("no_sheet", value=sheet, detail={"sheets": ", ".join(book.sheetnames)})]
        )
    return book[sheet] if sheet else book.worksheets[0]


def _sheet_rows(table: Any) -> tuple[list[list[str]], array]:
    """The sheet's rows as text within the bounds, and where a written cell had no value.

    The declared dimension is checked first; then it is dropped, because openpyxl pads every
    row to it (XFD: 16,384 cells a row) and stops at its last row (cells below it lost).
    The blanks (row * MAX_COLUMNS + column, packed: there may be millions) are the cells a
    formula without a stored result would leave; padding cells are not ReadOnlyCells.
    """
    check_dimension(table)
    table.reset_dimensions()
    rows: list[list[str]] = []
    blanks = array("q")
    for number, row in enumerate(table.iter_rows(), start=1):
        rows.append(bounded_row([_cell_text(cell) for cell in row], number))
        blanks.extend(
            number * MAX_COLUMNS + pos
            for pos, cell in enumerate(row)
            if isinstance(cell, ReadOnlyCell) and cell.value is None and cell.data_type == "n"
        )
    return rows, blanks


def check_formulas(data: bytes, title: str, blanks: array) -> None:
    """Refuse formulas that were read as blank because the file stores no result for them.

    Files written by programs other than Excel often keep the formula only; reading it as
    blank would store the value as missing without a word. Every such cell is named.
    """
    book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        table = book[title]
        table.reset_dimensions()
        problems = [
            Problem("formula_without_value", number, cell.coordinate, str(cell.value)[:80])
            for number, pos, cell in _cells_at(table, blanks)
            if cell.data_type == "f"
        ]
    finally:
        book.close()
    if problems:
        raise ImportRefused(problems)


def _cells_at(table: Any, places: array) -> Iterator[tuple[int, int, Any]]:
    """The cells at the packed places, in one pass (the places are in reading order)."""
    ahead = iter(places)
    wanted = next(ahead, None)
    for number, row in enumerate(table.iter_rows(), start=1):
        while wanted is not None and wanted // MAX_COLUMNS == number:
            pos = wanted % MAX_COLUMNS
            if pos < len(row):
                yield number, pos, row[pos]
            wanted = next(ahead, None)
        if wanted is None:
            return


def check_dimension(table: Any) -> None:
    """Refuse a sheet whose declared size (its <dimension>) is past the row or column limit."""
    if (table.max_row or 0) > MAX_ROWS:
        raise ImportRefused([Problem("too_many_rows", detail={"limit": MAX_ROWS})])
    if (table.max_column or 0) > MAX_COLUMNS:
        raise ImportRefused([too_wide(1)])


def _cell_text(cell: Any) -> str:
    """A cell as the text a person sees; percent-formatted fractions back on the 0-100 scale.

    The full stored value is kept, padded with the zeros its number format prints (60.5 shown
    as 60.50 reads "60.50"), so the decimals a file printed can be counted as in a CSV.
    """
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value).strip()
    number_format = getattr(cell, "number_format", "") or ""
    # The shortest text that is the stored number (repr), in decimal arithmetic so that neither
    # the percent scaling adds float noise nor a rounding drops a stored digit (PCI keeps 11).
    # Positional, never exponent notation: repr(0.00001) is "1e-05", no number as written.
    number = Decimal(repr(float(value)))
    if "%" in number_format:
        number *= 100
    text = format(number.normalize(), "f")
    whole, _, fraction = text.partition(".")
    fraction = fraction.ljust(format_decimals(number_format), "0")
    return f"{whole}.{fraction}" if fraction else whole


def format_decimals(number_format: str) -> int:
    """The decimals an Excel number format always prints ('0.00' -> 2, '0.0#%' -> 1)."""
    positive = re.sub(r'"[^"]*"', "", number_format.split(";")[0])
    found = re.search(r"\.(0+)", positive)
    return len(found.group(1)) if found else 0

"""Reading an uploaded file into rows of text: encodings, separators, Excel."""

import codecs
import csv
import io
import re
import stat
import unicodedata
import zipfile
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from scores.config import (
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_UPLOAD_BYTES,
    MAX_UPLOAD_MB,
    MAX_XLSX_EXPANDED_MB,
)
from scores.ingest.errors import ImportRefused, Problem

SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab"}
SNIFF_ROWS = 60
SNIFF_PREFERENCE = ",;\t"  # on a tie the later wins: the rarer inside a cell


@dataclass
class RawTable:
    """Every row of the file as text cells, with how it was read."""

    rows: list[list[str]]
    kind: str
    encoding: str | None = None
    separator: str | None = None


def check_size(size: int) -> None:
    """Refuse a file over the upload limit before anything reads it."""
    if size > MAX_UPLOAD_BYTES:
        mb = round(size / 2**20, 1)
        raise ImportRefused([Problem("too_large", detail={"mb": mb, "limit": MAX_UPLOAD_MB})])


def read_path(path: Path) -> bytes:
    """The bytes of a regular, readable file within the size limit.

    The kind of file is checked before it is opened: opening a named pipe blocks until
    something writes to it, and a device could be endless.
    """
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ImportRefused([Problem("not_a_file", value=str(path))])
        check_size(info.st_size)
        with path.open("rb") as handle:
            data = handle.read(MAX_UPLOAD_BYTES + 1)  # it may have grown since stat
    except FileNotFoundError as error:
        raise ImportRefused([Problem("no_file", value=str(path))]) from error
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise ImportRefused(
            [Problem("unreadable_file", value=str(path), detail={"reason": reason})]
        ) from error
    check_size(len(data))
    return data


def read_bytes(data: bytes, name: str = "", sheet: str | None = None) -> RawTable:
    """Read an upload's bytes: .xlsx by content, anything else as delimited text."""
    check_size(len(data))
    if not data.strip():
        raise ImportRefused([Problem("empty_file")])
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(data, sheet)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportRefused([Problem("old_excel")])
    text, encoding = decode(data)
    return _read_text(text, encoding)


def decode(data: bytes) -> tuple[str, str]:
    """Text and encoding name: UTF-8 (with or without BOM), UTF-16, else Windows-1258.

    Windows-1258 is the ANSI code page of Vietnamese Windows, so it is what Excel writes
    there; detectors cannot tell it from Windows-1252 on short files, so it is tried last
    and only for bytes that are not UTF-8.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="strict"), "UTF-8 (BOM)"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "UTF-16"
    if b"\x00" in data[:4096]:
        guess = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        return _strict(data, guess), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return unicodedata.normalize("NFC", _strict(data, "cp1258")), "Windows-1258"


def _strict(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ImportRefused([Problem("not_text")]) from error
    if not looks_like_text(text):
        raise ImportRefused([Problem("not_text")])
    return text


def looks_like_text(text: str) -> bool:
    """Few control characters and mostly Latin/Vietnamese letters: not a mis-decoded binary."""
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t")
    latin = sum(
        1
        for ch in sample
        if ord(ch) < 0x250 or 0x1E00 <= ord(ch) < 0x2070 or 0x300 <= ord(ch) < 0x370
    )
    return controls <= 2 and latin >= 0.9 * len(sample)


def _read_text(text: str, encoding: str) -> RawTable:
    if not looks_like_text(text):
        raise ImportRefused([Problem("not_text")])
    check_line_width(text)
    separator = sniff_separator(text)
    return RawTable(_csv_rows(text, separator), "csv", encoding, separator)


def _csv_rows(text: str, separator: str) -> list[list[str]]:
    """Rows of delimited text within the bounds; a lone CR (old Mac files) ends a line too."""
    reader = csv.reader(io.StringIO(text, newline=None), delimiter=separator)
    rows: list[list[str]] = []
    try:
        for row in reader:
            rows.append(bounded_row([cell.strip() for cell in row], len(rows) + 1))
    except csv.Error as error:
        # csv has one exception class; its field limit (131,072) is the only error left once
        # line ends are universal and NULs are refused as not text, so it is reported as such.
        raise ImportRefused([too_long(len(rows) + 1, None)]) from error
    return rows


def check_line_width(text: str) -> None:
    """Refuse a line of more cells than the limit before csv splits it (3 million cells take
    seconds and hundreds of MB); only a bounded prefix of a suspect line is parsed to confirm."""
    for number, line in enumerate(text.splitlines(), start=1):
        separator = max(SEPARATORS, key=line.count)
        if line.count(separator) < MAX_COLUMNS:
            continue
        prefix = line[: MAX_COLUMNS * (MAX_CELL_CHARS + 3)]
        cells = next(csv.reader([prefix], delimiter=separator), [])
        if len(cells) > MAX_COLUMNS:
            raise ImportRefused([too_wide(number)])


def bounded_row(cells: list[str], number: int) -> list[str]:
    """The row, if it is within the row, column and cell-length limits."""
    if number > MAX_ROWS:
        raise ImportRefused([Problem("too_many_rows", detail={"limit": MAX_ROWS})])
    if len(cells) > MAX_COLUMNS:
        raise ImportRefused([too_wide(number)])
    for index, cell in enumerate(cells):
        if len(cell) > MAX_CELL_CHARS:
            raise ImportRefused([too_long(number, index)])
    return cells


def too_wide(row: int) -> Problem:
    return Problem("too_many_columns", row=row, detail={"limit": MAX_COLUMNS})


def too_long(row: int, index: int | None) -> Problem:
    column = None if index is None else get_column_letter(index + 1)
    return Problem("cell_too_long", row=row, column=column, detail={"limit": MAX_CELL_CHARS})


def sniff_separator(text: str) -> str:
    """Comma, semicolon or tab: the one that cuts the most of the first rows into the same number
    (more than one) of cells; on a tie, the one giving more cells, then tab before semicolon
    before comma; comma when none cuts anything.

    The structure of the first rows is judged, not the first separator seen: a comma also sits
    inside cells ("Tỉnh, thành phố" in the header of Excel's tab-separated "Unicode text", decimal
    commas in a semicolon file), while a tab or semicolon inside a cell is rare.
    """
    sample = "\n".join(text.splitlines()[:SNIFF_ROWS])
    scores = {sep: _consistency(sample, sep) for sep in SNIFF_PREFERENCE}
    best = max(scores, key=lambda sep: (*scores[sep], SNIFF_PREFERENCE.index(sep)))
    return best if scores[best] != (0, 0) else ","


def _consistency(sample: str, separator: str) -> tuple[int, int]:
    """How many rows share the commonest number of cells above one, and that number (0, 0: none).

    Rows are cut as csv does (quoted cells kept whole); a row left with a quote character in a
    cell was cut at the wrong character (`Hà Nội,"a;b"` read with semicolons), so it does not count.
    """
    try:
        rows = list(csv.reader(io.StringIO(sample), delimiter=separator))
    except csv.Error:
        return 0, 0
    counts = Counter(
        len(row) for row in rows if len(row) > 1 and not any('"' in cell for cell in row)
    )
    if not counts:
        return 0, 0
    width, rows_of_width = max(counts.items(), key=lambda item: (item[1], item[0]))
    return rows_of_width, width


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
)


def _read_xlsx(data: bytes, sheet: str | None) -> RawTable:
    check_expanded(data)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except EXCEL_ERRORS as error:
        raise ImportRefused([Problem("bad_excel")]) from error
    try:
        return RawTable(_sheet_rows(_pick_sheet(book, sheet)), "xlsx")
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
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as error:
        raise ImportRefused([Problem("bad_excel")]) from error


def _pick_sheet(book: Any, sheet: str | None) -> Any:
    if sheet is not None and sheet not in book.sheetnames:
        raise ImportRefused(
            [Problem("no_sheet", value=sheet, detail={"sheets": ", ".join(book.sheetnames)})]
        )
    return book[sheet] if sheet else book.worksheets[0]


def _sheet_rows(table: Any) -> list[list[str]]:
    """The sheet's rows as text within the bounds.

    The declared dimension is checked first; then it is dropped, because openpyxl pads every
    row to it (XFD: 16,384 cells a row) and stops at its last row (cells below it lost).
    """
    check_dimension(table)
    table.reset_dimensions()
    rows: list[list[str]] = []
    for row in table.iter_rows():
        rows.append(bounded_row([_cell_text(cell) for cell in row], len(rows) + 1))
    return rows


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
    if "%" in number_format:
        value = value * 100
    value = round(float(value), 10)
    # Positional, never exponent notation: repr(0.00001) is "1e-05", which is no number as written.
    text = str(int(value)) if value.is_integer() else format(Decimal(repr(value)), "f")
    whole, _, fraction = text.partition(".")
    fraction = fraction.ljust(format_decimals(number_format), "0")
    return f"{whole}.{fraction}" if fraction else whole


def format_decimals(number_format: str) -> int:
    """The decimals an Excel number format always prints ('0.00' -> 2, '0.0#%' -> 1)."""
    positive = re.sub(r'"[^"]*"', "", number_format.split(";")[0])
    found = re.search(r"\.(0+)", positive)
    return len(found.group(1)) if found else 0

"""Delimited text (CSV, semicolon, tab): the encoding of its bytes, its separator, its rows."""

import codecs
import csv
import io
import unicodedata
from collections import Counter

from scores.config import MAX_CELL_CHARS, MAX_COLUMNS
from scores.errors import ImportRefused, Problem
from scores.ingest.bounds import bounded_row, too_long, too_wide

SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab"}
SNIFF_ROWS = 60
SNIFF_PREFERENCE = ",;\t"  # on a tie the later wins: the rarer inside a cell


def decode(data: bytes) -> tuple[str, str]:
    """Text and encoding name: UTF-8 (with or without BOM), UTF-16, else Windows-1258.

    Windows-1258 is the ANSI code page of Vietnamese Windows, so it is what Excel writes
    there; detectors cannot tell it from Windows-1252 on short files, so it is tried last
    and only for bytes that are not UTF-8.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8"), "UTF-8 (BOM)"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "UTF-16"
    if b"\x00" in data[:4096]:
        guess = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        return _strict(data, guess), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        check_one_encoding(data)
        return unicodedata.normalize("NFC", _strict(data, "cp1258")), "Windows-1258"


def check_one_encoding(data: bytes) -> None:
    """Refuse text whose lines are partly UTF-8 and partly not (rows pasted from two files).

    Read as Windows-1258, the UTF-8 lines would turn into mojibake ("HĂ  Ná»™i") and be
    reported as unknown names or a missing header; the line that breaks UTF-8 is named instead.
    """
    lines = data.splitlines()
    if not any(not line.isascii() and _is_utf8(line) for line in lines):
        return
    first_bad = next(number for number, line in enumerate(lines, 1) if not _is_utf8(line))
    raise ImportRefused([Problem("mixed_encoding", row=first_bad)])


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


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


def read_rows(text: str) -> tuple[list[list[str]], str]:
    """The rows of decoded delimited text within the bounds, and the separator they were cut by."""
    if not looks_like_text(text):
        raise ImportRefused([Problem("not_text")])
    check_line_width(text)
    separator = sniff_separator(text)
    return _csv_rows(text, separator), separator


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
    """Refuse a line of more cells than the limit before csv splits it (splitting millions of
    cells costs time and memory a refusal need not spend); only a bounded prefix of a suspect line
    is parsed to confirm."""
    for number, line in enumerate(text.splitlines(), start=1):
        separator = max(SEPARATORS, key=line.count)
        if line.count(separator) < MAX_COLUMNS:
            continue
        prefix = line[: MAX_COLUMNS * (MAX_CELL_CHARS + 3)]
        cells = next(csv.reader([prefix], delimiter=separator), [])
        if len(cells) > MAX_COLUMNS:
            raise ImportRefused([too_wide(number)])


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

"""Table downloads: CSV and XLSX bytes, with cells guarded against formula injection."""

import io

import pandas as pd
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def guard(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells and headers that a spreadsheet would run as a formula get a leading apostrophe."""
    out = frame.copy()
    for position in range(out.shape[1]):  # by position: headers may repeat
        column = out.iloc[:, position]
        if column.dtype == object or pd.api.types.is_string_dtype(column):
            out.iloc[:, position] = column.map(_inert)
    out.columns = [_inert(header) for header in out.columns]
    return out


def _inert(value: object) -> object:
    """A text cell a spreadsheet shows as written: a formula start made text, and control
    characters (refused at write time since #23, but older rows may hold them) dropped, as
    openpyxl cannot write them and the whole file would fail."""
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def to_csv(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a BOM, so Excel shows Vietnamese correctly."""
    return guard(frame).to_csv(index=False).encode("utf-8-sig")


def to_xlsx(frame: pd.DataFrame, sheet: str = "data") -> bytes:
    """An .xlsx workbook with one sheet."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        guard(frame).to_excel(writer, index=False, sheet_name=sheet[:31])
    return buffer.getvalue()

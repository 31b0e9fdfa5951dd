"""The size limits a row of an upload must keep, checked as each row is read, and the dates
people may type."""

import re
from datetime import date, datetime

from openpyxl.utils import get_column_letter

from scores.config import MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS
from scores.errors import ImportRefused, Problem


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


# Dates people type (an action's due date, a release's publication date): four-digit years in
# this range only, so "0001-01-01" or a typo of 20204 never reaches a sort or a chart.
FIRST_YEAR, LAST_YEAR = 2000, 2100
# Each accepted form as a pattern of ASCII digits: strptime alone takes "2024-1-5" and
# date.fromisoformat takes week dates ("2024-W01-1") and "20240101".
DAY_FORMS = {"%Y-%m-%d": r"[0-9]{4}-[0-9]{2}-[0-9]{2}", "%d/%m/%Y": r"[0-9]{2}/[0-9]{2}/[0-9]{4}"}


def calendar_day(text: str, forms: tuple[str, ...] = ("%Y-%m-%d",)) -> date | None:
    """The date written in one of `forms` (ISO by default), from FIRST_YEAR to LAST_YEAR;
    None for anything else."""
    text = str(text).strip()
    for form in forms:
        if re.fullmatch(DAY_FORMS[form], text):
            try:
                day = datetime.strptime(text, form).date()
            except ValueError:
                return None
            return day if FIRST_YEAR <= day.year <= LAST_YEAR else None
    return None

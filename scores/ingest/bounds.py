"""The size limits a row of an upload must keep, checked as each row is read."""

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

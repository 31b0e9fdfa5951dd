"""Tables found on printed pages (PDF text, OCR), joined into one table of text rows.

A report prints its annex over several pages, each repeating the header, sometimes in two rows
with grouped columns; names wrap inside a cell. The rows given to the import are the header once,
flattened to one row, and every data row in page order. What was read by OCR, and every cell
that was not read with confidence (a Doubt), travels with the rows to the checks and the page.
"""

import re
from dataclasses import dataclass, field, replace

from scores.errors import ImportRefused, Problem
from scores.ingest.unruled import MIN_NUMBERS, is_number


@dataclass
class Doubt:
    """A cell OCR could not read with confidence: never guessed, shown to a person instead."""

    page: int
    row: int  # 0-based in the joined rows
    position: int  # 0-based column
    text: str  # what was read, possibly nothing
    confidence: float
    crop: bytes = b""  # the cell cut out of the page image (PNG)


@dataclass
class Found:
    """One table found on one page: its box (PDF points or image pixels) and its text rows."""

    page: int
    box: tuple[float, float, float, float]
    rows: list[list[str]]
    doubts: list[Doubt] = field(default_factory=list)  # rows counted within this table
    ocr_cells: int = 0  # cells read by OCR (0 for a text layer)
    size: tuple[float, float] = (0.0, 0.0)  # the page in the box's units (points, pixels)
    turn: float = 0.0  # degrees the page image was turned to level it (a scan)


@dataclass
class PrintedSource:
    """Where a printed table came from: pages, the tables' outlines, the OCR share, doubts."""

    kind: str  # pdf or image
    pages: list[int]
    outlines: list[tuple[int, tuple[float, float, float, float]]]
    cells: int
    ocr_cells: int
    doubts: list[Doubt]
    corrected: list[dict] = field(default_factory=list)  # {row, position, page, read, typed}
    found: list[Found] = field(default_factory=list)  # every table on the pages, rows left out
    table: int = 1  # which table of a page that prints several was read (1-based)

    @property
    def ocr_share(self) -> float:
        """The share of the table's cells read by OCR (0 for a text layer, 1 for a scan)."""
        return self.ocr_cells / self.cells if self.cells else 0.0


def text(cell: str | None) -> str:
    """A cell's lines joined by single spaces ('TP. Hải\\nPhòng' -> 'TP. Hải Phòng')."""
    return re.sub(r"\s+", " ", cell or "").strip()


def is_data_row(row: list[str | None]) -> bool:
    """A row printing numbers in several cells (values, STT, rank), not a header line."""
    return sum(is_number(text(cell)) for cell in row) >= MIN_NUMBERS


def flat(rows: list[list[str | None]]) -> list[list[str]]:
    """A ruled table's rows with its header rows flattened into one.

    Each column's header is its cells top to bottom, except a label spanning several columns
    (its right neighbour is None, a merged cell) over a column that has its own label below:
    "Chỉ số thành phần" above "Tính minh bạch" gives "Tính minh bạch".
    """
    first = next((n for n, row in enumerate(rows) if is_data_row(row)), len(rows))
    head, body = rows[:first], rows[first:]
    width = max((len(row) for row in rows), default=0)
    header = [_column_header(head, column) for column in range(width)] if head else []
    return ([header] if any(header) else []) + [[text(cell) for cell in row] for row in body]


def _column_header(head: list[list[str | None]], column: int) -> str:
    parts = []
    for level, row in enumerate(head):
        cell = text(row[column]) if column < len(row) else ""
        spans = column + 1 < len(row) and row[column + 1] is None
        below = any(text(r[column]) for r in head[level + 1 :] if column < len(r))
        if cell and not (spans and below):
            parts.append(cell)
    return " ".join(parts)


def chosen(found: list[Found], table: int) -> list[Found]:
    """The `table`-th table of each page (1-based, top to bottom), or the page's last when it
    prints fewer: an annex chosen on its first page runs on alone over the next ones."""
    if table < 1:
        raise ImportRefused([Problem("printed_pages.bad_table", value=str(table))])
    by_page: dict[int, list[Found]] = {}
    for one in found:
        by_page.setdefault(one.page, []).append(one)
    return [tables[min(table, len(tables)) - 1] for tables in by_page.values()]


def most_tables(source: PrintedSource) -> int:
    """The most tables any one page of the source prints."""
    pages = [one.page for one in source.found]
    return max((pages.count(page) for page in set(pages)), default=0)


def combine(
    found: list[Found], pages: list[int], kind: str, table: int = 1
) -> tuple[list[list[str]], PrintedSource]:
    """One table from the pages' tables: the chosen one of a page printing several (the first
    unless told), the first header kept, a repeated one dropped; a table with another header
    or width is left out."""
    every, found = found, chosen(found, table)
    rows: list[list[str]] = []
    header: list[str] | None = None
    kept: list[Found] = []
    doubts: list[Doubt] = []
    for one in found:
        head, body = _split(one.rows)
        if header is None:
            header = head or []
            rows += [header] if header else []
        elif (head and head != header) or (not head and body and len(body[0]) != len(header)):
            continue
        offset = len(rows) - (len(one.rows) - len(body))
        doubts += [_moved(d, offset) for d in one.doubts]
        rows += body
        kept.append(one)
    if not any(is_data_row(row) for row in rows):
        raise ImportRefused([Problem("printed.no_table", detail={"pages": _pages_text(pages)})])
    source = PrintedSource(
        kind,
        pages,
        [(t.page, t.box) for t in kept],
        sum(len(row) for row in rows),
        sum(t.ocr_cells for t in kept),
        doubts,
        found=[replace(one, rows=[], doubts=[]) for one in every],
        table=table,
    )
    return rows, source


def _split(rows: list[list[str]]) -> tuple[list[str] | None, list[list[str]]]:
    if rows and not is_data_row(rows[0]):
        return rows[0], rows[1:]
    return None, rows


def _moved(doubt: Doubt, offset: int) -> Doubt:
    return replace(doubt, row=doubt.row + offset)


def _pages_text(pages: list[int]) -> str:
    return f"{pages[0]}–{pages[-1]}" if len(pages) > 1 else str(pages[0]) if pages else "–"


def correct(
    rows: list[list[str]], source: PrintedSource | None, typed: dict[tuple[int, int], str]
) -> None:
    """Put the values a person typed into the cells OCR was unsure of; those doubts are settled
    and kept, with what was read and what was typed, for the change history."""
    if source is None or not typed:
        return
    for doubt in list(source.doubts):
        text_typed = typed.get((doubt.row, doubt.position))
        if text_typed is None or not text_typed.strip():
            continue
        rows[doubt.row][doubt.position] = text_typed.strip()
        source.doubts.remove(doubt)
        source.corrected.append(
            {
                "row": doubt.row + 1,
                "position": doubt.position,  # the column's header is named on commit
                "page": doubt.page,
                "read": doubt.text,
                "typed": text_typed.strip(),
                "doubt": doubt,  # its cut-out stays on the page beside what was typed
            }
        )


def doubt_problems(source: PrintedSource | None, columns: list) -> list[Problem]:
    """Each cell still in doubt as a problem naming its row and column (never a guessed value)."""
    if source is None:
        return []
    header = {c.position: c.header for c in columns}
    return [
        Problem(
            "printed.ocr_doubt",
            doubt.row + 1,
            header.get(doubt.position, f"#{doubt.position + 1}"),
            detail={
                "read": doubt.text or "–",
                "confidence": round(doubt.confidence),
                "page": doubt.page,
            },
        )
        for doubt in source.doubts
    ]

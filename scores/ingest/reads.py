"""Tesseract's reads of a page's cells (the grid found by grid.py, cut out by cutouts.py):
whole columns as strips, header cells, and unsure number cells alone; the reads of one step run
side by side."""

import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pytesseract
from PIL import Image

from scores.config import MAX_READ_SECONDS
from scores.errors import ImportRefused, Problem
from scores.ingest import cutouts, grid, unruled
from scores.ingest.unruled import is_number

LANGUAGE = "vie"
DIGITS = "0123456789,.%-"
RETRY_ZOOMS = (1, 3)
WORKERS = 2  # tesseract runs at once: the machine's two cores
SURE = 85  # the lowest word confidence (0-100) a value cell may have and be taken as read
EDGE = 6  # pixels an unruled table's drawn grid keeps outside its outer words


def _words(image: Image.Image, config: str, deadline: float, lang: str = LANGUAGE) -> dict:
    """Tesseract's words with boxes and confidences, within what is left of the time bound."""
    seconds = max(1, int(deadline - time.monotonic()))
    try:
        return pytesseract.image_to_data(
            image, lang=lang, config=config, output_type=pytesseract.Output.DICT, timeout=seconds
        )
    except RuntimeError as error:  # pytesseract's timeout
        detail = {"seconds": MAX_READ_SECONDS}
        raise ImportRefused([Problem("printed.too_slow", detail=detail)]) from error


def _config(chars: str | None, psm: int = 6) -> str:
    return f"--psm {psm}" + (f" -c tessedit_char_whitelist={chars}" if chars else "")


def unruled_grid(image: Image.Image, deadline: float) -> "grid.Grid | None":
    """The grid of a table printed without rules (an infographic's or a report's table), drawn
    from its words: the page is read once as Vietnamese text, the table found the way a text
    PDF's unruled one is (unruled.layout), and cell borders put halfway between its columns
    and between its rows; its cells are then read as a ruled table's are. None when no line of
    the page reads as a data row."""
    words = _words(image, _config(None, 11), deadline)  # 11: sparse text, cells apart
    boxes = [
        {
            "x0": words["left"][n],
            "x1": words["left"][n] + words["width"][n],
            "top": words["top"][n],
            "bottom": words["top"][n] + words["height"][n],
            "text": text,
        }
        for n, text in enumerate(words["text"])
        if text.strip() and float(words["conf"][n]) >= 0
    ]
    found = unruled.layout(boxes)
    if found is None or len(found.columns) < 2 or len(found.bands) < 2:
        return None
    x0, y0, x1, y1 = found.box  # the header may print wider than the data lines
    xs = _borders(found.columns, x0, x1, image.width)
    ys = _borders(found.bands, y0, y1, image.height)
    return grid.Grid(
        ys, xs, {(r, c): (r, c) for r in range(len(ys) - 1) for c in range(len(xs) - 1)}
    )


def _borders(spans: list[tuple[float, float]], start: float, end: float, limit: int) -> list[int]:
    """Borders around spans (columns or rows): halfway between neighbours, EDGE outside the
    table's box at either end, within the image."""
    inner = [round((one[1] + other[0]) / 2) for one, other in zip(spans, spans[1:], strict=False)]
    first = max(0, round(min(start, spans[0][0])) - EDGE)
    last = min(limit, round(max(end, spans[-1][1])) + EDGE)
    return [first, *inner, last]


@dataclass
class Reader:
    """The reads of one page's cells, each step's reads run side by side in the pool."""

    found: "grid.Grid"
    clean: Image.Image
    deadline: float
    pool: ThreadPoolExecutor

    def columns(
        self, rows: list, sure: dict, columns: object, first: int, chars: str | None
    ) -> None:
        """Columns' cells from row `first` down, each read as one strip (digits only, or text)."""
        columns = list(columns)
        for c, (texts, confidences) in zip(
            columns, self.pool.map(lambda c: self._strip(c, first, chars), columns), strict=True
        ):
            for r in range(first, self.found.rows):
                if rows[r][c] is not None:
                    rows[r][c] = texts.get(r, "")
                    sure[(r, c)] = confidences.get(r, 100.0 if not texts.get(r) else 0.0)

    def _strip(self, c: int, first: int, chars: str | None) -> tuple[dict, dict]:
        strip, (_, y0) = cutouts.strip(self.found, self.clean, c, first)
        lang = "eng" if chars else LANGUAGE
        return cutouts.fill_column(
            self.found, _words(strip, _config(chars), self.deadline, lang), y0
        )

    def header(self, rows: list, first: int) -> None:
        """Each header cell (merged ones whole) read as Vietnamese text."""
        cells = [
            (r, c)
            for r in range(first)
            for c in range(self.found.columns)
            if rows[r][c] is not None
        ]

        def one(cell: tuple[int, int]) -> str:
            cut = cutouts.cell_image(self.found, self.clean, *cell)
            return cutouts.joined(_words(cut, _config(None), self.deadline))

        for (r, c), text in zip(cells, self.pool.map(one, cells), strict=True):
            rows[r][c] = text

    def unsure(self, rows: list, sure: dict, first: int) -> None:
        """A number cell read without confidence, read once more on its own as one line."""
        cells = [
            (r, c)
            for r in range(first, self.found.rows)
            for c in range(self.found.columns)
            if _worth_rereading(rows, sure, self.found, self.clean, first, r, c)
        ]
        reread = self.pool.map(lambda cell: self._reread(rows, sure, *cell), cells)
        for (r, c), (text, confidence) in zip(cells, reread, strict=True):
            rows[r][c], sure[(r, c)] = text, confidence

    def _reread(self, rows: list, sure: dict, r: int, c: int) -> tuple[str, float]:
        """One number cell read alone as one line, at the scan's size then enlarged
        (tesseract's segmentation of a lone number changes with its size): the first confident
        read, else what was read before (or, if nothing was, the first read here)."""
        text_now, sure_now = rows[r][c], sure.get((r, c), 0.0)
        for zoom in RETRY_ZOOMS:
            cut = cutouts.cell_image(self.found, self.clean, r, c, zoom)
            words = _words(cut, _config(DIGITS, 7), self.deadline, "eng")
            text, confidence = cutouts.joined(words), cutouts.lowest(words)
            if is_number(text) and confidence >= SURE:
                return text, confidence
            if not text_now:
                text_now, sure_now = text, confidence
        return text_now, sure_now


def _worth_rereading(
    rows: list, sure: dict, found: "grid.Grid", clean: Image.Image, first: int, r: int, c: int
) -> bool:
    """A number column's cell not read with confidence, or empty where there is ink."""
    cell = rows[r][c]
    if cell is None or not numeric_column(rows, c, first):
        return False
    if sure.get((r, c), 0) >= SURE and is_number(cell):
        return False
    return bool(cell) or grid.has_ink(found, clean, r, c)


def numeric_column(rows: list[list[str | None]], column: int, start: int) -> bool:
    """A column whose cells from row `start` down are mostly numbers: more than half of them,
    empty ones counted (a names column read for digits gives a few stray ones, mostly nothing)."""
    cells = [row[column] for row in rows[start:] if column < len(row) and row[column] is not None]
    return bool(cells) and sum(is_number(c) for c in cells if c) > len(cells) / 2

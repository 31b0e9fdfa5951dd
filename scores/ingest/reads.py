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
from scores.ingest import cutouts, grid
from scores.ingest.unruled import is_number

LANGUAGE = "vie"
DIGITS = "0123456789,.%-"
RETRY_ZOOMS = (1, 3)
WORKERS = 2  # tesseract runs at once: the machine's two cores
SURE = 85  # the lowest word confidence (0-100) a value cell may have and be taken as read


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
    """A column whose cells from row `start` down are mostly numbers."""
    cells = [row[column] for row in rows[start:] if column < len(row) and row[column]]
    return bool(cells) and sum(is_number(c) for c in cells) > len(cells) / 2

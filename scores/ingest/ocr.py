"""Reading a scanned page or an image: deskew, find the ruled grid, OCR the page once with word
confidences (tesseract, Vietnamese) and give each cell its words; a cell not read with confidence
becomes a Doubt carrying its cut-out, never a guess."""

import io
import os
import shutil
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytesseract
from PIL import Image, UnidentifiedImageError

from scores.config import MAX_PIXELS, MAX_READ_SECONDS
from scores.errors import ImportRefused, Problem
from scores.ingest import grid
from scores.ingest.printed import Doubt, Found, PrintedSource, combine, flat
from scores.ingest.reads import (
    DIGITS,
    LANGUAGE,
    SURE,
    WORKERS,
    Reader,
    numeric_column,
    unruled_grid,
)
from scores.ingest.unruled import MIN_NUMBERS, is_number

# One thread per tesseract run: the runs already go side by side (WORKERS), and each run's own
# OpenMP threads would fight them for the same cores (timings in bench/RESULTS.md).
os.environ.setdefault("OMP_THREAD_LIMIT", "1")
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")
DPI = 300  # tesseract reads best at 300 dpi
SURE_NAME = 50  # names are matched exactly against the units of the year, a second check


def is_image(data: bytes) -> bool:
    """A PNG or JPEG by its first bytes."""
    return data.startswith(IMAGE_MAGIC)


def available() -> bool:
    """Whether tesseract and its Vietnamese data are installed."""
    if shutil.which("tesseract") is None:
        return False
    try:
        return LANGUAGE in pytesseract.get_languages()
    except pytesseract.TesseractError:
        return False


def _check_pixels(width: float, height: float, page: int) -> None:
    if width * height > MAX_PIXELS:
        detail = {"page": page, "pixels": round(width * height / 1e6), "limit": MAX_PIXELS // 10**6}
        raise ImportRefused([Problem("printed.image_too_large", detail=detail)])


def render(page: object) -> Image.Image:
    """A PDF page without text as a greyscale image at DPI; a page showing an image larger than
    the pixel bound is refused before anything decodes it."""
    number = page.page_number
    for image in page.images:
        _check_pixels(*image["srcsize"], number)
    _check_pixels(page.width / 72 * DPI, page.height / 72 * DPI, number)
    _need_ocr(number)
    # At 300 dpi even from a 200 dpi scan: the resolution tesseract reads headers and
    # continuation pages right at (the lower one is compared in bench/RESULTS.md).
    return page.to_image(resolution=DPI).original.convert("L")


def _need_ocr(page: int) -> None:
    if not available():
        raise ImportRefused([Problem("printed.no_ocr", detail={"page": page})])


def read_image(data: bytes, table: int = 1) -> tuple[list[list[str]], PrintedSource]:
    """A PNG or JPEG page (a scan, an infographic) read into rows."""
    try:
        image = Image.open(io.BytesIO(data))
        _check_pixels(*image.size, 1)  # the header only: nothing is decoded yet
        image = image.convert("L")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise ImportRefused([Problem("printed.bad_image")]) from error
    _need_ocr(1)
    found = read_page_image(image, 1, time.monotonic() + MAX_READ_SECONDS)
    return combine(found, [1], "image", table)


def read_page_image(image: Image.Image, page: int, deadline: float) -> list[Found]:
    """The table of one page image (ruled, else unruled), every cell with its text and its
    doubts.

    Read column by column: as strips of digits first (tesseract reads numbers far better when
    told they are numbers, so '7,74' does not come out '7/74'), then the columns that are not
    numbers and the header cells again as Vietnamese text; a number cell still unsure is read
    once more alone before it becomes a Doubt. The reads of one step are independent: they run
    WORKERS at a time, one tesseract process each (timings in bench/RESULTS.md).
    """
    _need_ocr(page)
    straight, turn = grid.deskew(image)
    found = grid.cells(np.asarray(straight))
    clean = grid.without_lines(straight, found) if found else straight
    if found is None:  # printed without rules: the grid is drawn from the words
        found = unruled_grid(straight, deadline)
    if found is None:
        raise ImportRefused([Problem("printed.no_grid", detail={"page": page})])
    rows = [
        ["" if found.anchor[(r, c)] == (r, c) else None for c in range(found.columns)]
        for r in range(found.rows)
    ]
    sure: dict[tuple[int, int], float] = {}
    with ThreadPoolExecutor(WORKERS) as pool:
        read = Reader(found, clean, deadline, pool)
        read.columns(rows, sure, range(found.columns), 0, DIGITS)
        first = next((r for r in range(found.rows) if _sure_row(rows[r], sure, r)), None)
        if first is None:
            return []
        text = [c for c in range(found.columns) if not numeric_column(rows, c, first)]
        read.columns(rows, sure, text, first, None)
        read.header(rows, first)
        read.unsure(rows, sure, first)
    doubts = _doubts(rows, sure, found, straight, page, first)
    table = flat(rows)
    cells = sum(len(row) for row in table)
    return [Found(page, found.box, table, doubts, cells, image.size, turn)]


def _sure_row(row: list, sure: dict, r: int) -> bool:
    """A data row: at least half its cells numbers read with confidence."""
    read = [
        c for c, cell in enumerate(row) if cell and is_number(cell) and sure.get((r, c), 0) >= SURE
    ]
    return len(read) >= max(MIN_NUMBERS, len(row) // 2)


def _doubts(
    rows: list[list[str | None]],
    sure: dict[tuple[int, int], float],
    found: "grid.Grid",
    image: Image.Image,
    page: int,
    first: int,
) -> list[Doubt]:
    """Every cell of a data row not read with confidence: low confidence, or a value column's
    cell that is not a number (a smudge, a blot, a digit half gone)."""
    offset = first - (1 if first else 0)  # header rows flattened into one
    doubts = []
    for r, row in enumerate(rows):
        if r < first:
            continue
        for c, cell in enumerate(row):
            if cell is None:
                continue
            numeric = numeric_column(rows, c, first)
            confidence = sure.get((r, c), 100.0 if not cell else 0.0)
            unsure = confidence < (SURE if numeric else SURE_NAME) or (
                numeric and cell and not is_number(cell)
            )
            if numeric and not cell and grid.has_ink(found, image, r, c):
                unsure = True
            if unsure:
                crop = grid.crop_png(found, image, r, c)
                doubts.append(Doubt(page, r - offset, c, cell, confidence, crop))
    return doubts

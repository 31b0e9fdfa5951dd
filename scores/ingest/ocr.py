"""Reading a scanned page or an image: deskew, find the ruled grid, OCR the page once with word
confidences (tesseract, Vietnamese) and give each cell its words; a cell not read with confidence
becomes a Doubt carrying its cut-out, never a guess."""

import io
import os
import shutil
import time

import numpy as np
import pytesseract
from PIL import Image, UnidentifiedImageError

from scores.config import MAX_PIXELS, MAX_READ_SECONDS
from scores.errors import ImportRefused, Problem
from scores.ingest import grid
from scores.ingest.printed import Doubt, Found, PrintedSource, combine, flat
from scores.ingest.unruled import MIN_NUMBERS, is_number

# One thread per tesseract run: on a shared machine its OpenMP threads fight for the cores
# (a page took 50 s instead of 10).
os.environ.setdefault("OMP_THREAD_LIMIT", "1")
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")
DPI = 300  # tesseract reads best at 300 dpi
SURE_NAME = 50  # names are matched exactly against the units of the year, a second check
SURE = 85  # the lowest word confidence (0-100) a value cell may have and be taken as read
LANGUAGE = "vie"
DIGITS = "0123456789,.%-"
RETRY_ZOOMS = (1, 3)


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
    return page.to_image(resolution=DPI).original.convert("L")


def _need_ocr(page: int) -> None:
    if not available():
        raise ImportRefused([Problem("printed.no_ocr", detail={"page": page})])


def read_image(data: bytes) -> tuple[list[list[str]], PrintedSource]:
    """A PNG or JPEG page (a scan, an infographic) read into rows."""
    try:
        image = Image.open(io.BytesIO(data))
        _check_pixels(*image.size, 1)  # the header only: nothing is decoded yet
        image = image.convert("L")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise ImportRefused([Problem("printed.bad_image")]) from error
    _need_ocr(1)
    found = read_page_image(image, 1, time.monotonic() + MAX_READ_SECONDS)
    return combine(found, [1], "image")


def read_page_image(image: Image.Image, page: int, deadline: float) -> list[Found]:
    """The ruled table of one page image, every cell with its text and its doubts.

    Read column by column: as strips of digits first (tesseract reads numbers far better when
    told they are numbers: '7,74' no longer comes out '7/74'), then the columns that are not
    numbers and the header cells again as Vietnamese text; a number cell still unsure is read
    once more alone before it becomes a Doubt.
    """
    _need_ocr(page)
    straight = grid.deskew(image)
    found = grid.cells(np.asarray(straight))
    if found is None:
        raise ImportRefused([Problem("printed.no_grid", detail={"page": page})])
    clean = grid.without_lines(straight, found)
    rows = [
        ["" if found.anchor[(r, c)] == (r, c) else None for c in range(found.columns)]
        for r in range(found.rows)
    ]
    sure: dict[tuple[int, int], float] = {}
    for c in range(found.columns):
        _read_column(rows, sure, found, clean, c, 0, DIGITS, deadline)
    first = next((r for r in range(found.rows) if _sure_row(rows[r], sure, r)), None)
    if first is None:
        return []
    for c in range(found.columns):
        if not _numeric_column(rows, c, first):
            _read_column(rows, sure, found, clean, c, first, None, deadline)
    _read_header(rows, found, clean, first, deadline)
    _reread_unsure(rows, sure, found, clean, first, deadline)
    doubts = _doubts(rows, sure, found, straight, page, first)
    table = flat(rows)
    return [Found(page, found.box, table, doubts, sum(len(row) for row in table))]


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


def _read_column(
    rows: list,
    sure: dict,
    found: "grid.Grid",
    clean: Image.Image,
    c: int,
    first: int,
    chars: str | None,
    deadline: float,
) -> None:
    """One column's cells from row `first` down, read as one strip (digits only, or text)."""
    strip, (x0, y0) = grid.strip(found, clean, c, first)
    lang = "eng" if chars else LANGUAGE
    texts, confidences = grid.fill_column(found, _words(strip, _config(chars), deadline, lang), y0)
    for r in range(first, found.rows):
        if rows[r][c] is not None:
            rows[r][c] = texts.get(r, "")
            sure[(r, c)] = confidences.get(r, 100.0 if not texts.get(r) else 0.0)


def _sure_row(row: list, sure: dict, r: int) -> bool:
    """A data row: at least half its cells numbers read with confidence."""
    read = [
        c for c, cell in enumerate(row) if cell and is_number(cell) and sure.get((r, c), 0) >= SURE
    ]
    return len(read) >= max(MIN_NUMBERS, len(row) // 2)


def _read_header(
    rows: list, found: "grid.Grid", clean: Image.Image, first: int, deadline: float
) -> None:
    """Each header cell (merged ones whole) read as Vietnamese text."""
    for r in range(first):
        for c in range(found.columns):
            if rows[r][c] is not None:
                cut = grid.cell_image(found, clean, r, c)
                rows[r][c] = grid.joined(_words(cut, _config(None), deadline))


def _reread_unsure(
    rows: list, sure: dict, found: "grid.Grid", clean: Image.Image, first: int, deadline: float
) -> None:
    """A number cell read without confidence, read once more on its own as one line."""
    for r in range(first, found.rows):
        for c in range(found.columns):
            cell = rows[r][c]
            if cell is None or not _numeric_column(rows, c, first):
                continue
            if sure.get((r, c), 0) >= SURE and is_number(cell):
                continue
            if not cell and not grid.has_ink(found, clean, r, c):
                continue
            _reread_cell(rows, sure, found, clean, r, c, deadline)


def _reread_cell(
    rows: list, sure: dict, found: "grid.Grid", clean: Image.Image, r: int, c: int, deadline: float
) -> None:
    """One number cell read alone as one line, at the scan's size then enlarged (tesseract's
    segmentation of a lone number changes with its size); the first confident read is kept."""
    for zoom in RETRY_ZOOMS:
        cut = grid.cell_image(found, clean, r, c, zoom)
        words = _words(cut, _config(DIGITS, 7), deadline, "eng")
        text, confidence = grid.joined(words), grid.lowest(words)
        if is_number(text) and confidence >= SURE:
            rows[r][c], sure[(r, c)] = text, confidence
            return
        if not rows[r][c]:
            rows[r][c], sure[(r, c)] = text, confidence


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
            numeric = _numeric_column(rows, c, first)
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


def _numeric_column(rows: list[list[str | None]], column: int, start: int) -> bool:
    cells = [row[column] for row in rows[start:] if column < len(row) and row[column]]
    return bool(cells) and sum(is_number(c) for c in cells) > len(cells) / 2

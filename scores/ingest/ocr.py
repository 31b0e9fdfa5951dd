"""Reading a scanned page or an image: deskew, find the grid, OCR each cell with its confidence
(tesseract, Vietnamese); a cell not read with confidence becomes a Doubt, never a guess."""

import shutil

from PIL import Image

from scores.ingest.errors import ImportRefused, Problem
from scores.ingest.printed import Found


def available() -> bool:
    """Whether tesseract and its Vietnamese data are installed."""
    return shutil.which("tesseract") is not None


def render(page: object) -> Image.Image:
    raise ImportRefused([Problem("printed.no_ocr", detail={"page": page.page_number})])


def read_page_image(image: Image.Image, page: int, deadline: float) -> list[Found]:
    raise ImportRefused([Problem("printed.no_ocr", detail={"page": page})])


IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


def is_image(data: bytes) -> bool:
    """A PNG or JPEG by its first bytes."""
    return data.startswith(IMAGE_MAGIC)


def read_image(data: bytes) -> tuple:
    raise ImportRefused([Problem("printed.no_ocr", detail={"page": 1})])

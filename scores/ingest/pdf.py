"""Reading a report PDF: the table on the chosen pages, from the text layer (pdfplumber), or by
OCR where a page has none; the pages' tables joined into the rows the CSV path produces."""

import io
import itertools
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfpage import PDFPage
from pdfminer.psparser import PSException
from pdfplumber.page import Page
from pdfplumber.utils.exceptions import PdfminerException

from scores.config import MAX_PAGE_POINTS, MAX_PAGES_READ, MAX_PDF_PAGES, MAX_READ_SECONDS
from scores.errors import ImportRefused, Problem
from scores.ingest import ocr, printed, unruled
from scores.ingest.printed import Found

PDF_MAGIC = b"%PDF-"


def is_pdf(data: bytes) -> bool:
    """The PDF header, which the format allows anywhere in the first 1024 bytes."""
    return PDF_MAGIC in data[:1024]


def parse_pages(spec: str | None, count: int) -> list[int]:
    """Page numbers (1-based) from '3-5', '2,4-6' or '7'; every page when no choice is given."""
    if not spec or not spec.strip():
        chosen = list(range(1, count + 1))
    else:
        chosen = []
        for part in spec.replace(" ", "").split(","):
            found = re.fullmatch(r"(\d{1,6})(?:-(\d{1,6}))?", part)
            if not found:
                raise ImportRefused([Problem("printed.bad_pages", value=spec)])
            first, last = int(found[1]), int(found[2] or found[1])
            if not 1 <= first <= last <= count:
                detail = {"count": count}
                raise ImportRefused([Problem("printed.pages_beyond", value=spec, detail=detail)])
            chosen += range(first, last + 1)
        chosen = list(dict.fromkeys(chosen))
    if len(chosen) > MAX_PAGES_READ:
        detail = {"limit": MAX_PAGES_READ, "count": len(chosen)}
        raise ImportRefused([Problem("printed.too_many_pages", detail=detail)])
    return chosen


@contextmanager
def opened(data: bytes) -> Iterator[pdfplumber.PDF]:
    """The parsed document; an encrypted or broken file refused in plain words."""
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PdfminerException as error:
        cause = error.args[0] if error.args else None
        locked = isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError)
        rule = "printed.encrypted" if locked else "printed.broken_pdf"
        raise ImportRefused([Problem(rule)]) from error
    try:
        yield pdf
    finally:
        pdf.close()


def pages_of(pdf: pdfplumber.PDF, chosen: list[int] | None = None) -> tuple[int, list[Page]]:
    """How many pages the file has (refused past the limit, counted without reading them) and
    the chosen ones; a page tree of a million pages is walked no further than the limit."""
    try:
        heads = list(itertools.islice(PDFPage.create_pages(pdf.doc), MAX_PDF_PAGES + 1))
    except (PSException, ValueError, KeyError, TypeError) as error:
        raise ImportRefused([Problem("printed.broken_pdf")]) from error
    if len(heads) > MAX_PDF_PAGES:
        detail = {"limit": MAX_PDF_PAGES}
        raise ImportRefused([Problem("printed.too_many_pages_in_file", detail=detail)])
    if not heads:
        raise ImportRefused([Problem("printed.broken_pdf")])
    chosen = chosen or []
    return len(heads), [Page(pdf, heads[n - 1], page_number=n, initial_doctop=0) for n in chosen]


def check_page(page: Page) -> None:
    """Refuse a page larger than any report prints (a bomb's 200 x 200 inch page)."""
    if max(page.width, page.height) > MAX_PAGE_POINTS:
        detail = {"page": page.page_number, "mm": round(max(page.width, page.height) / 72 * 25.4)}
        raise ImportRefused([Problem("printed.page_too_large", detail=detail)])


def read_pdf(
    data: bytes, pages: str | None = None, table: int = 1
) -> tuple[list[list[str]], printed.PrintedSource]:
    """The table(s) of the chosen pages joined into one, every page read within the bounds;
    table: which one of a page printing several (1-based, top to bottom)."""
    deadline = time.monotonic() + MAX_READ_SECONDS
    with opened(data) as pdf:
        count, _ = pages_of(pdf)
        chosen = parse_pages(pages, count)
        found: list[Found] = []
        for page in pages_of(pdf, chosen)[1]:
            check_page(page)
            found += _page_tables(page, deadline)
            page.close()
            if time.monotonic() > deadline:
                detail = {"seconds": MAX_READ_SECONDS}
                raise ImportRefused([Problem("printed.too_slow", detail=detail)])
    return printed.combine(found, chosen, "pdf", table)


def _page_tables(page: Page, deadline: float) -> list[Found]:
    """The tables on one page: ruled ones by their lines, else one unruled table from the words;
    a page without text is read by OCR."""
    try:
        if not page.chars:
            return ocr.read_page_image(ocr.render(page), page.page_number, deadline)
        ruled = [t for t in page.find_tables() if len(t.rows) >= 2 and len(t.columns) >= 3]
        size = (float(page.width), float(page.height))
        if ruled:
            return [
                Found(page.page_number, t.bbox, printed.flat(t.extract()), size=size) for t in ruled
            ]
        words = unruled.table(page.extract_words())
    except (PSException, ValueError, KeyError, TypeError) as error:
        detail = {"page": page.page_number}
        raise ImportRefused([Problem("printed.broken_page", detail=detail)]) from error
    return [Found(page.page_number, words[1], words[0], size=size)] if words else []

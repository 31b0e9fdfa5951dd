"""Reading an uploaded file into rows of text by what it is: delimited text (delimited.py), Excel,
a report PDF or a page image; within the size limit."""

import stat
from dataclasses import dataclass
from pathlib import Path

from scores.config import MAX_UPLOAD_BYTES, MAX_UPLOAD_MB
from scores.errors import ImportRefused, Problem
from scores.ingest import delimited, ocr, pdf
from scores.ingest.bounds import bounded_row
from scores.ingest.printed import PrintedSource
from scores.ingest.xlsx import read_xlsx

IMAGE_SUFFIXES = {"", ".png", ".jpg", ".jpeg"}


@dataclass
class RawTable:
    """Every row of the file as text cells, with how it was read."""

    rows: list[list[str]]
    kind: str
    encoding: str | None = None
    separator: str | None = None
    sheet: str | None = None  # the worksheet read, for a workbook
    printed: PrintedSource | None = None  # pages, outlines, OCR share: a PDF or an image


def check_size(size: int) -> None:
    """Refuse a file over the upload limit before anything reads it."""
    if size > MAX_UPLOAD_BYTES:
        mb = round(size / 2**20, 1)
        raise ImportRefused([Problem("too_large", detail={"mb": mb, "limit": MAX_UPLOAD_MB})])


def read_path(path: Path) -> bytes:
    """The bytes of a regular, readable file within the size limit.

    The kind of file is checked before it is opened: opening a named pipe blocks until
    something writes to it, and a device could be endless.
    """
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ImportRefused([Problem("not_a_file", value=str(path))])
        check_size(info.st_size)
        with path.open("rb") as handle:
            data = handle.read(MAX_UPLOAD_BYTES + 1)  # it may have grown since stat
    except FileNotFoundError as error:
        raise ImportRefused([Problem("no_file", value=str(path))]) from error
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise ImportRefused(
            [Problem("unreadable_file", value=str(path), detail={"reason": reason})]
        ) from error
    check_size(len(data))
    return data


def read_bytes(
    data: bytes,
    name: str = "",
    sheet: str | None = None,
    pages: str | None = None,
    table: int = 1,
) -> RawTable:
    """Read an upload's bytes: .xlsx, PDF and images by content, anything else as delimited
    text; pages: the PDF pages to read ('3-5'), every page when None; table: which table of a
    page printing several (1-based)."""
    check_size(len(data))
    if not data.strip():
        raise ImportRefused([Problem("empty_file")])
    # An image is read as one only under an image's name: a PNG named .csv is a wrong file.
    image = ocr.is_image(data) and Path(name).suffix.lower() in IMAGE_SUFFIXES
    if pages and not pdf.is_pdf(data):
        raise ImportRefused([Problem("printed.pages_of_table_file", value=pages)])
    if pdf.is_pdf(data) or image:
        return _read_printed(data, pages, table)
    if name.lower().endswith(".pdf"):
        raise ImportRefused([Problem("printed.not_a_pdf")])
    if data.startswith(b"PK\x03\x04"):
        rows, title = read_xlsx(data, sheet)
        return RawTable(rows, "xlsx", sheet=title)
    if data.startswith(CFB_MAGIC):
        raise ImportRefused([Problem("encrypted_excel" if is_encrypted(data) else "old_excel")])
    if sheet is not None:  # --sheet on a CSV would be ignored without a word
        raise ImportRefused([Problem("sheet_of_text_file", value=sheet)])
    text, encoding = delimited.decode(data)
    rows, separator = delimited.read_rows(text)
    return RawTable(rows, "csv", encoding, separator)


def _read_printed(data: bytes, pages: str | None, table: int = 1) -> RawTable:
    """A report PDF or a page image, its table read into rows within the row bounds."""
    if pdf.is_pdf(data):
        rows, source = pdf.read_pdf(data, pages, table)
    else:
        rows, source = ocr.read_image(data, table)
    bounded = [bounded_row(row, number) for number, row in enumerate(rows, start=1)]
    return RawTable(bounded, source.kind, printed=source)


CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: .xls, .doc, encrypted .xlsx
# Excel saves a password-protected .xlsx as a compound file holding the encrypted workbook
# in a stream of this name (MS-OFFCRYPTO 2.3.4); directory entries store names in UTF-16-LE.
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")


def is_encrypted(data: bytes) -> bool:
    """A compound file holding an encrypted workbook, not an old .xls."""
    return ENCRYPTED_STREAM in data

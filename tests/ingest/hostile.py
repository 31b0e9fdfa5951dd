"""Small hostile files built in memory: crafted .xlsx parts, bombs, oversized text."""

import io
import unicodedata
import zipfile

from openpyxl import Workbook

SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def workbook() -> bytes:
    """A valid one-sheet workbook to take apart."""
    book = Workbook()
    book.active.append(["Tỉnh", "PCI"])
    book.active.append(["Hà Nội", 60.74])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def replace_parts(data: bytes, parts: dict[str, bytes]) -> bytes:
    """The workbook with some of its zip members replaced or added."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename not in parts:
                target.writestr(item, source.read(item))
        for name, content in parts.items():
            target.writestr(name, content)
    return out.getvalue()


def sheet(rows_xml: str, dimension: str | None = None) -> bytes:
    """A worksheet part holding the given <row> elements."""
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return f"<worksheet {NS}>{dim}<sheetData>{rows_xml}</sheetData></worksheet>".encode()


def xlsx_with_sheet(rows_xml: str, dimension: str | None = None) -> bytes:
    return replace_parts(workbook(), {SHEET: sheet(rows_xml, dimension)})


def far_cell(dimension: str | None = "A1:XFD1048576") -> bytes:
    """One cell at XFD1048576: the reader must not pad a million rows of 16,384 cells."""
    return xlsx_with_sheet('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', dimension)


def zip_bomb(megabytes: int = 300) -> bytes:
    """A sheet that inflates to `megabytes` of XML from a file of a few hundred KB."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook())) as source:
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                if item.filename != SHEET:
                    target.writestr(item, source.read(item))
            with target.open(SHEET, "w") as part:  # written in chunks: bounded memory
                part.write(f"<worksheet {NS}><!-- ".encode())
                for _ in range(megabytes):
                    part.write(b" " * 2**20)
                part.write(b" --><sheetData/></worksheet>")
    return out.getvalue()


def huge_shared_string(megabytes: int = 150) -> bytes:
    """A 150 MB string stored once in the shared strings and used by one cell."""
    strings = f'<sst {NS} count="1" uniqueCount="1"><si><t>'.encode()
    strings += b"a" * (megabytes * 2**20) + b"</t></si></sst>"
    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
    return replace_parts(workbook(), {SHEET: sheet(rows), STRINGS: strings})


def entity_expansion() -> bytes:
    """A 'billion laughs' sheet: must be refused, never expanded."""
    doctype = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    doctype += '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row>'
    return replace_parts(workbook(), {SHEET: doctype.encode() + sheet(rows)})


def broken_xml() -> bytes:
    return replace_parts(workbook(), {SHEET: b"<worksheet><sheetData><row>"})


def number_cell_with_text() -> bytes:
    return xlsx_with_sheet('<row r="1"><c r="A1" t="n"><v>abc</v></c></row>')


def wide_csv(cells: int = 3_000_000) -> bytes:
    return (",".join("x" * 4 for _ in range(cells)) + "\nHà Nội,1\n").encode()


def long_field_csv(chars: int = 200_000) -> bytes:
    return f"Tỉnh,PCI\nHà Nội,{'9' * chars}\n".encode()


def far_cell_undeclared() -> bytes:
    """The same far cell with no <dimension>: rows are counted as they are read."""
    return far_cell(None)


def cr_only_csv() -> bytes:
    return "Tỉnh,PCI\rHà Nội,60.74\rHải Phòng,65.1\r".encode()


TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def cp1258(text: str) -> bytes:
    """Vietnamese text as Windows-1258 writes it: base letters precomposed, tones combining."""
    out = b""
    for char in text:
        decomposed = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
        out += (base + "".join(c for c in decomposed if c in TONES)).encode("cp1258")
    return out


# Each hostile case and the rule it is refused with.
CASES = {
    "far_cell": "too_many_rows",
    "far_cell_undeclared": "too_many_rows",
    "zip_bomb": "xlsx_too_large",
    "huge_shared_string": "xlsx_too_large",
    "entity_expansion": "bad_excel",
    "broken_xml": "bad_excel",
    "number_cell_with_text": "bad_excel",
    "wide_csv": "too_many_columns",
    "long_field_csv": "cell_too_long",
}

"""The state administration's document format (Decree 30/2020/NĐ-CP) as python-docx helpers:
A4 page and margins, Times New Roman, the motto and issuing-body block, tables, pictures."""

import io
from datetime import date

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

FONT = "Times New Roman"  # Decree 30, Appendix I: Times New Roman, 13-14 pt for the body
BODY = Pt(14)
SMALL = Pt(13)  # the issuing body, tables
MOTTO = Pt(12)  # the motto's first line and the body above the issuer: 12-13 pt, on one line
LEFT = WD_ALIGN_PARAGRAPH.LEFT
TEXT_WIDTH = Cm(16)  # A4 (21 cm) less the left (3 cm) and right (2 cm) margins


def new_document() -> Document:
    """An A4 document with the decree's margins and Times New Roman 14 pt as its normal style."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)
    style = document.styles["Normal"]
    style.font.name, style.font.size = FONT, BODY
    # East-Asian and complex-script slots too, or Word falls back to another font for some letters.
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:eastAsia", "w:cs", "w:hAnsi"):
        fonts.set(qn(slot), FONT)
    style.paragraph_format.space_after = Pt(6)
    style.paragraph_format.line_spacing = 1.15
    _page_numbers(section)
    return document


def _page_numbers(section: WD_SECTION) -> None:
    """The page number centred in the header, from the second page (Decree 30, Appendix I)."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.text = text
        run._r.append(element)


def line(cell_or_doc: object, text: str, size: Pt = BODY, **style: object) -> object:
    """One paragraph: centred unless align is given, bold/italic/underline as asked."""
    paragraph = cell_or_doc.add_paragraph()
    paragraph.alignment = style.pop("align", WD_ALIGN_PARAGRAPH.CENTER)
    paragraph.paragraph_format.space_after = Pt(style.pop("after", 0))
    run = paragraph.add_run(text)
    run.font.name, run.font.size = FONT, size
    run.bold, run.italic, run.underline = (style.get(k, False) for k in ("bold", "italic", "under"))
    return paragraph


def heading_block(
    document: Document, body: tuple[str, str, str], motto: tuple[str, str], place: str
) -> None:
    """The top of the first page: the issuing body above it, the body and the document's number
    (left); the national motto, then place and date (right)."""
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths(table, [Cm(6), Cm(10)])
    left, right = table.rows[0].cells
    line(left, body[0], MOTTO)
    line(left, body[1], SMALL, bold=True, under=True, after=6)
    line(left, body[2], SMALL)
    line(right, motto[0], MOTTO, bold=True)
    line(right, motto[1], BODY, bold=True, under=True, after=6)
    line(right, place, BODY, italic=True)
    for cell in (left, right):  # python-docx starts a cell with an empty paragraph
        cell._tc.remove(cell.paragraphs[0]._p)


def widths(table: object, columns: list) -> None:
    """Fixed column widths, in the grid (LibreOffice reads it) and in every cell (Word does)."""
    table.autofit = False
    for column, width in zip(table.columns, columns, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, columns, strict=True):
            cell.width = width


def body(document: Document, text: str) -> None:
    """A body paragraph: justified, the first line indented 1 cm."""
    paragraph = line(document, text, BODY, align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=6)
    paragraph.paragraph_format.first_line_indent = Cm(1)


def section_title(document: Document, text: str, italic: bool = False) -> None:
    """A section's title (I., II., ...; italic: a sub-section's), bold, flush left, kept on the
    page of what follows it."""
    found = line(document, text, BODY, bold=True, italic=italic, align=LEFT, after=6)
    found.paragraph_format.keep_with_next = True


def table(document: Document, header: list[str], rows: list[list[str]], first: float = 0.3) -> None:
    """A bordered table in 13 pt across the text width, its header bold, the first column
    `first` of the width and the others equal: figures as the pages and slides show them."""
    found = document.add_table(rows=1, cols=len(header))
    found.style = "Table Grid"
    found.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cells, values, bold in [(found.rows[0].cells, header, True)] + [
        (found.add_row().cells, row, False) for row in rows
    ]:
        row = cells[0]._tc.getparent().get_or_add_trPr()
        row.append(OxmlElement("w:cantSplit"))  # a row stays on one page
        if bold:
            row.append(OxmlElement("w:tblHeader"))  # the header repeats on the next page
        for cell, value in zip(cells, values, strict=True):
            cell.paragraphs[0].text = ""
            run = cell.paragraphs[0].add_run(value)
            run.font.name, run.font.size, run.bold = FONT, SMALL, bold
    rest = (1 - first) / (len(header) - 1)
    widths(found, [int(TEXT_WIDTH * first)] + [int(TEXT_WIDTH * rest)] * (len(header) - 1))
    document.add_paragraph()


def picture(document: Document, image: bytes) -> None:
    """A chart image across the text width, centred."""
    document.add_picture(io.BytesIO(image), width=TEXT_WIDTH)
    document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER


def written_date(day: date) -> str:
    """A date as Decree 30 writes it: a 0 before days under 10 and before months 1 and 2."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def saved(document: Document) -> bytes:
    """The document as .docx bytes."""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()

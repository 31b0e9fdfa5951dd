"""The document format of Decree 30/2020/NĐ-CP as python-docx helpers, each read back from the
document it writes: page and margins, type, the heading block, tables, pictures, dates."""

import io
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from scores import db
from scores.export import docx_format as fmt
from scores.i18n import catalogue, number

ROOT = Path(__file__).resolve().parents[2]
SAID = catalogue("vi")  # the report's own words for the heading block


def cm(*lengths) -> list[float]:
    """Lengths in cm to 0.01: a saved document keeps twentieths of a point, not EMU."""
    return [round(length.cm, 2) for length in lengths]


@pytest.fixture(scope="module")
def pci_2021(built_db) -> tuple[list[str], list[list[str]]]:
    """The first five of PCI 2021 (a complete release) as the report's tables print figures."""
    con = db.connect(built_db, read_only=True)
    (indicator,) = con.execute(
        "SELECT indicator FROM indicators WHERE index_code = 'PCI' AND headline"
        " AND 2021 BETWEEN coalesce(first_year, 0) AND coalesce(last_year, 9999)"
    ).fetchone()
    frame = db.query(con, "scores_by_province", index_code="PCI", year=2021, indicator=indicator)
    con.close()
    rows = [
        [r.name_vi, number(r.value, "vi"), str(int(r.rank))] for r in frame.head(5).itertuples()
    ]
    return [SAID["report.col_index"], SAID["report.col_score"], SAID["report.col_rank"]], rows


def test_a_new_document_is_a4_with_the_decrees_margins_in_times_new_roman_14_pt():
    document = fmt.new_document()
    section = document.sections[0]
    assert cm(section.page_width, section.page_height) == [21, 29.7]
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert cm(*margins) == [2, 2, 3, 2]
    normal = document.styles["Normal"]
    assert (normal.font.name, normal.font.size) == ("Times New Roman", Pt(14))
    # Every script's slot names it, or Word draws some Vietnamese letters in another font.
    fonts = normal.element.rPr.rFonts
    assert [fonts.get(qn(s)) for s in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")] == [
        "Times New Roman"
    ] * 4


def test_page_numbers_are_centred_in_the_header_from_the_second_page():
    section = fmt.new_document().sections[0]
    assert section.different_first_page_header_footer
    assert "PAGE" not in section.first_page_header._element.xml  # the first page has none
    (paragraph,) = section.header.paragraphs
    assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.runs[0]._r
    field = [(e.get(qn("w:fldCharType")), e.text) for e in run if e.tag != qn("w:rPr")]
    assert field == [("begin", None), (None, "PAGE"), ("end", None)]


def test_the_heading_block_puts_the_issuer_left_the_motto_right_and_no_blank_first_line():
    document = fmt.new_document()
    body = ("UBND THÀNH PHỐ HÀ NỘI", SAID["report.body"], SAID["report.number"])
    motto = (SAID["report.motto"], SAID["report.motto_2"])
    place = f"Hà Nội, {fmt.written_date(date(2024, 12, 31))}"
    fmt.heading_block(document, body, motto, place)
    (table,) = document.tables
    left, right = table.rows[0].cells
    assert [p.text for p in left.paragraphs] == list(body)
    assert [p.text for p in right.paragraphs] == [*motto, place]
    issuer, motto_2 = left.paragraphs[1].runs[0], right.paragraphs[1].runs[0]
    assert issuer.bold and issuer.underline and issuer.font.size == Pt(13)
    assert motto_2.bold and motto_2.underline and right.paragraphs[0].runs[0].bold
    said_place = right.paragraphs[2].runs[0]
    assert said_place.italic and not said_place.bold
    assert cm(left.width, right.width) == [6, 10]


def test_a_line_is_centred_unless_told_and_styled_as_asked():
    document = fmt.new_document()
    centred = fmt.line(document, SAID["report.kind"], fmt.BODY, bold=True)
    flush = fmt.line(document, SAID["report.body"], fmt.SMALL, align=fmt.LEFT, italic=True, after=6)
    assert centred.alignment == WD_ALIGN_PARAGRAPH.CENTER and flush.alignment == fmt.LEFT
    assert flush.paragraph_format.space_after == Pt(6)
    bold, italic = centred.runs[0], flush.runs[0]
    assert (bold.bold, bold.italic, bold.font.size) == (True, False, Pt(14))
    assert (italic.bold, italic.italic, italic.font.size) == (False, True, Pt(13))
    assert bold.font.name == italic.font.name == "Times New Roman"


def test_a_table_has_a_bold_repeating_header_rows_kept_whole_across_the_text_width(pci_2021):
    header, rows = pci_2021
    document = fmt.new_document()
    fmt.table(document, header, rows, first=0.4)
    (table,) = document.tables
    assert [[c.text for c in row.cells] for row in table.rows] == [header, *rows]
    runs = [[[r for r in c.paragraphs[0].runs if r.text] for c in row.cells] for row in table.rows]
    assert all(r.bold for cell in runs[0] for r in cell)
    assert not any(r.bold for row in runs[1:] for cell in row for r in cell)
    assert {r.font.size for row in runs for cell in row for r in cell} == {Pt(13)}
    properties = [row._tr.trPr for row in table.rows]
    assert all(p.find(qn("w:cantSplit")) is not None for p in properties)  # a row on one page
    assert [p.find(qn("w:tblHeader")) is not None for p in properties] == [True] + [False] * 5
    widths = cm(*(cell.width for cell in table.rows[0].cells))
    assert round(sum(widths), 1) == 16  # A4 less the margins
    assert widths[0] == 16 * 0.4 and widths[1] == widths[2]


def test_a_body_paragraph_is_justified_with_a_1_cm_first_line_indent():
    document = fmt.new_document()
    fmt.body(document, SAID["report.no_targets"])
    paragraph = document.paragraphs[-1]
    assert paragraph.text == SAID["report.no_targets"]
    assert paragraph.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert cm(paragraph.paragraph_format.first_line_indent) == [1]
    assert paragraph.runs[0].font.size == Pt(14)


@pytest.mark.parametrize("italic", [False, True])
def test_a_section_title_is_bold_flush_left_and_kept_with_what_follows(italic):
    document = fmt.new_document()
    fmt.section_title(document, "I. " + SAID["report.section_standing"].upper(), italic=italic)
    paragraph = document.paragraphs[-1]
    assert paragraph.alignment == fmt.LEFT and paragraph.paragraph_format.keep_with_next
    assert paragraph.runs[0].bold and bool(paragraph.runs[0].italic) == italic


def test_a_picture_spans_the_text_width_centred():
    document = fmt.new_document()
    fmt.picture(document, (ROOT / "docs" / "overview.png").read_bytes())
    (shape,) = document.inline_shapes
    assert shape.width == fmt.TEXT_WIDTH
    assert document.paragraphs[-1].alignment == WD_ALIGN_PARAGRAPH.CENTER


@pytest.mark.parametrize(
    ("day", "written"),
    [
        (date(2026, 2, 5), "ngày 05 tháng 02 năm 2026"),  # a 0 before days under 10, month 2
        (date(2025, 1, 31), "ngày 31 tháng 01 năm 2025"),
        (date(2024, 3, 9), "ngày 09 tháng 3 năm 2024"),  # from March, the month as it is
        (date(2024, 12, 10), "ngày 10 tháng 12 năm 2024"),
    ],
)
def test_dates_as_the_decree_writes_them(day, written):
    assert fmt.written_date(day) == written


def test_saved_bytes_open_as_the_same_document(pci_2021):
    document = fmt.new_document()
    fmt.body(document, SAID["report.no_components"])
    fmt.table(document, *pci_2021)
    opened = Document(io.BytesIO(fmt.saved(document)))
    assert [p.text for p in opened.paragraphs] == [p.text for p in document.paragraphs]
    assert [c.text for c in opened.tables[0].rows[1].cells] == pci_2021[1][0]
    assert cm(opened.sections[0].left_margin) == [3]

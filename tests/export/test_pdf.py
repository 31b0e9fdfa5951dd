"""The briefing pack as PDF, read back with pdfplumber and pypdf: Hà Nội 2024's real slides, the
text-only ones without Chromium, those with a chart (slow) drawn under one image server."""

import io
from dataclasses import replace

import pdfplumber
import pytest
from pypdf import PdfReader

from scores.charts.base import smallest_font
from scores.export import pdf
from scores.export.briefing import made_on
from scores.export.images import BOXES, footer_line, image_server, placed_px
from scores.export.slide_kinds import pack
from scores.export.slides import for_screen
from tests.export.test_briefing import context, needs_chromium, whole_pack
from tests.export.test_pack_type import one_chart_per_kind

MM = 72 / 25.4  # PDF points in a millimetre


def box_pt(name: str) -> tuple[float, float, float, float]:
    """A slide box on the page in points: left, top, right, bottom."""
    left, top, width, height = BOXES[name]
    x, y = 10 + left * pdf.AREA_W, pdf.TOP + top * pdf.AREA_H
    return x * MM, y * MM, (x + width * pdf.AREA_W) * MM, (y + height * pdf.AREA_H) * MM


@pytest.fixture(scope="module")
def text_only(built_db) -> list:
    """The scorecard (cards), the changes (sentences) and the SIPAS target's sentences without
    its chart (its gap in **bold**): no image, so no Chromium."""
    made = whole_pack(built_db)
    sipas = next(s for s in made if s.key == "targets" and "SIPAS" in s.title)
    return [made[0], next(s for s in made if s.key == "changes"), replace(sipas, figures=[])]


@pytest.fixture(scope="module")
def pages(text_only):
    with pdfplumber.open(io.BytesIO(pdf.write(text_only, made_on("vi"), "vi"))) as document:
        yield document.pages


def words(page, box: str, **attrs) -> list[dict]:
    left, top, right, bottom = box_pt(box)
    return page.crop((0, top - 1, page.width, bottom + 1)).extract_words(**attrs)


def test_one_a4_landscape_page_for_each_slide(pages, text_only):
    assert len(pages) == len(text_only)
    assert all((round(p.width / MM), round(p.height / MM)) == (297, 210) for p in pages)


def test_the_title_is_bold_22_pt_at_the_top(pages, text_only):
    for page, made in zip(pages, text_only, strict=True):
        found = words(page, "title", extra_attrs=["fontname", "size"])
        assert " ".join(w["text"] for w in found) == made.title
        assert {w["size"] for w in found} == {22}
        # Noto Sans Bold, but for a status glyph (✓) it lacks: DejaVu Sans draws that.
        assert all(w["fontname"].endswith("NotoSansBold") for w in found if w["text"] != "✓")


def test_the_scorecard_is_one_column_per_index_name_figure_then_its_lines(pages, text_only):
    cards, found = text_only[0].cards, pages[0].extract_words(extra_attrs=["size"])
    left, _, right, _ = box_pt("full")
    step, starts = (right - left) / len(cards), []
    for card in cards:
        (name,) = [w for w in found if w["text"] == card.title.split()[0] and w["size"] == 18]
        (value,) = [w for w in found if w["text"] == card.value]
        assert round(name["x0"], 1) == round(value["x0"], 1)
        assert value["size"] == 30 and value["top"] > name["top"]
        starts.append(name["x0"])
    # One step of the body's width apart (the first inside the box by the cell's margin).
    assert [round(x - starts[0], 1) for x in starts] == [round(i * step, 1) for i in range(4)]
    assert left < starts[0] < left + 5
    _, top, _, bottom = box_pt("full")
    for i, card in enumerate(cards):  # each column holds its own card's lines
        column = pages[0].crop((left + i * step, top, left + (i + 1) * step, bottom))
        text = " ".join(column.extract_text().split())
        assert all(line in text for line in [*card.lines, card.target]), card.title


def test_sentences_are_written_without_markdown_marks(pages, text_only):
    text = pages[2].extract_text()
    assert "**" not in text and "cao hơn mục tiêu 85% là 1,50 điểm" in text


def test_every_page_ends_with_its_grey_footer_numbered_n_of_n(pages, text_only):
    for number, (page, made) in enumerate(zip(pages, text_only, strict=True), start=1):
        found = words(page, "footer", extra_attrs=["size", "non_stroking_color"])
        said = footer_line(made, made_on("vi"), number, len(text_only), "vi")
        assert " ".join(w["text"] for w in found) == " ".join(said.split())
        grey = tuple(round(c / 255, 4) for c in pdf.GREY)
        assert {(w["size"], tuple(w["non_stroking_color"])) for w in found} == {(10, grey)}


def test_status_glyphs_that_noto_sans_lacks_come_from_dejavu_sans(pages):
    glyphs = {c["text"]: c["fontname"] for c in pages[0].chars if c["text"] in "✓▲▼"}
    assert set(glyphs) == {"✓", "▲", "▼"}  # met targets, rises and falls on the scorecard
    assert all(name.endswith("DejaVuSansBook") for name in glyphs.values())


def test_without_its_font_the_pdf_refuses_with_no_font(monkeypatch, text_only, tmp_path):
    monkeypatch.setattr(pdf, "TEXT", (tmp_path / "NotoSans-Regular.ttf", pdf.TEXT[1]))
    with pytest.raises(pdf.NoFont, match="NotoSans-Regular.ttf"):
        pdf.write(text_only, made_on("vi"), "vi")


@pytest.fixture(scope="module")
def charted(built_db) -> dict:
    """With charts, under one image server: the scorecard, changes and targets in English, and
    one Vietnamese slide with a chart of each kind."""
    english = pack(context(built_db, "en"), ["scorecard", "changes", "targets"])
    kinds = one_chart_per_kind(whole_pack(built_db))
    with image_server():
        return {
            "english": pdf.write(english[:3], "x"),
            "kinds": kinds,
            "each": pdf.write(kinds, "x"),
        }


@needs_chromium
def test_pdf_read_back(charted):
    reader = PdfReader(io.BytesIO(charted["english"]))
    assert len(reader.pages) == 3
    page = reader.pages[0]
    assert page.mediabox.width > page.mediabox.height  # landscape
    text = reader.pages[0].extract_text()
    assert "Hanoi: the four indices up to 2024" in text and "92.57%" in text
    assert "VCCI" in text  # the footer names each publisher
    assert "Components with a notable change" in reader.pages[1].extract_text()
    assert "Ministry of Home Affairs" in reader.pages[2].extract_text()


@needs_chromium
def test_pdf_chart_text_is_at_least_14_pt_and_footers_10_pt_read_back_from_the_file(charted):
    """The PDF read back with pdfplumber: each chart image's placed width and pixel width
    (points = px x 3 x placed width in pt / image width: png draws at scale 3), and the footer's
    own character sizes."""
    footer_top = (pdf.TOP + BOXES["footer"][1] * pdf.AREA_H) * 72 / 25.4  # mm -> pt
    with pdfplumber.open(io.BytesIO(charted["each"])) as document:
        assert len(document.pages) == len(charted["kinds"])
        for made, page in zip(charted["kinds"], document.pages, strict=True):
            (image,) = page.images
            image_width = image["srcsize"][0]
            drawn_css_px = placed_px("figure", pdf.AREA_W / 25.4)
            font_px = smallest_font(for_screen(made.figures[0], drawn_css_px[1]))
            # The image's own width says how large it was drawn: a chart drawn wider than it is
            # placed has smaller type on the page.
            points = font_px * 3 * (image["x1"] - image["x0"]) / image_width
            assert points >= 14, (made.title, points)
            footer = [c for c in page.chars if c["top"] >= footer_top - 1 and c["text"].strip()]
            assert "".join(c["text"] for c in footer).startswith("Nguồn:"), made.title
            assert min(c["size"] for c in footer) >= 10, (made.title, footer[0]["size"])

"""Type for the room (issue #22): chart text and footers measured at their placed size."""

import io
import shutil
from datetime import date

import pdfplumber
import pytest
from pptx import Presentation
from pypdf import PdfReader

from scores import db
from scores.charts.base import smallest_font
from scores.export import pdf, powerpoint
from scores.export.images import BOXES, image_server, placed_px
from scores.export.slide_kinds import pack
from scores.export.slides import for_screen
from scores.roles import Actor
from scores.store.actions import Action, add
from tests.export.test_briefing import context, whole_pack

needs_chromium = pytest.mark.skipif(not shutil.which("chromium"), reason="no Chromium")


def one_chart_per_kind(slides) -> list:
    """The first slide with a chart of each kind that has one."""
    seen, kept = set(), []
    for slide in slides:
        if slide.figures and slide.key not in seen:
            seen.add(slide.key)
            kept.append(slide)
    return kept


@pytest.fixture(scope="module")
def charted(built_db) -> list:
    """Hà Nội 2024's pack: one slide with a chart of each kind that has one."""
    return one_chart_per_kind(whole_pack(built_db))


@pytest.mark.slow  # starts the chart image server (Chromium)
@needs_chromium
def test_pdf_chart_text_is_at_least_14_pt_and_footers_10_pt_read_back_from_the_file(charted):
    """The PDF read back with pdfplumber: each chart image's placed width and pixel width
    (points = px x placed width / image width x 72 / 96), and the footer's own character sizes."""
    with image_server():
        written = pdf.write(charted, "x")
    footer_top = (pdf.TOP + BOXES["footer"][1] * pdf.AREA_H) * 72 / 25.4  # mm -> pt
    with pdfplumber.open(io.BytesIO(written)) as document:
        assert len(document.pages) == len(charted)
        for made, page in zip(charted, document.pages, strict=True):
            (image,) = page.images
            image_width = image["srcsize"][0]
            placed_css_px = (image["x1"] - image["x0"]) * 96 / 72
            drawn_css_px = placed_px("figure", pdf.AREA_W / 25.4)
            # The chart's smallest font in the image's pixels (drawn at its placed size, scaled).
            font_px = smallest_font(for_screen(made.figures[0], drawn_css_px[1]))
            font_image_px = font_px * image_width / drawn_css_px[0]
            points = font_image_px * placed_css_px / image_width * 72 / 96
            assert points >= 14, (made.title, points)
            footer = [c for c in page.chars if c["top"] >= footer_top - 1 and c["text"].strip()]
            assert "".join(c["text"] for c in footer).startswith("Nguồn:"), made.title
            assert min(c["size"] for c in footer) >= 10, (made.title, footer[0]["size"])


def test_every_slide_chart_text_is_at_least_20_px(charted):
    assert charted and all(smallest_font(for_screen(s.figures[0], 640)) >= 20 for s in charted)


def test_page_charts_start_at_16_px(charted):
    assert all(smallest_font(s.figures[0]) >= 16 for s in charted)


@needs_chromium
def test_twelve_actions_continue_on_a_second_slide_in_pptx_and_pdf(db_file):
    with db.connect(db_file) as con:
        editor = Actor("Sở Nội vụ", "editor")
        for i in range(12):
            due = date(2030, 1, 1 + i).isoformat()
            add(
                con,
                Action("01", "PCI", "informal_charges", "Sở Tài chính", f"Việc {i}", due),
                editor,
            )
    slides = pack(context(db_file, "vi"), ["plan"])
    assert [s.title for s in slides] == [
        "Hà Nội: tiến độ khắc phục (1/3)",
        "Hà Nội: tiến độ khắc phục (2/3)",
        "Hà Nội: tiến độ khắc phục (3/3)",
    ]
    assert sum(len(s.sentences) for s in slides) == 13  # the summary and twelve actions
    deck = Presentation(io.BytesIO(powerpoint.write(slides, "x")))
    assert len(deck.slides) == 3
    reader = PdfReader(io.BytesIO(pdf.write(slides, "x")))
    assert len(reader.pages) == 3 and "Việc 11" in reader.pages[2].extract_text()

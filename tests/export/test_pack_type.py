"""Type for the room (issue #22): chart text on slides and pages, and a long plan across slides
(the PPTX and PDF measured at their placed size: test_powerpoint.py, test_pdf.py)."""

import io
import shutil
from datetime import date

import pytest
from pptx import Presentation
from pypdf import PdfReader

from scores import db
from scores.charts.base import smallest_font
from scores.export import pdf, powerpoint
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

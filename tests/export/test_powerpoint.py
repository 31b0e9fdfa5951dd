"""The briefing pack as PowerPoint, read back with python-pptx: Hà Nội 2024's real slides, the
text-only ones without Chromium, those with a chart (slow) drawn under one image server."""

import io
from dataclasses import replace

import pytest
from PIL import Image
from pptx import Presentation
from pptx.util import Emu, Pt

from scores.charts.base import smallest_font
from scores.export import powerpoint
from scores.export.briefing import made_on
from scores.export.images import BOXES, footer_line, image_server, plain
from scores.export.slides import for_screen
from tests.export.test_briefing import needs_chromium, whole_pack
from tests.export.test_pack_type import one_chart_per_kind

PICTURE = 13  # python-pptx's MSO_SHAPE_TYPE.PICTURE


@pytest.fixture(scope="module")
def text_only(built_db) -> list:
    """The scorecard (cards), the changes (sentences) and the SIPAS target's sentences without
    its chart (its gap in **bold**): no image, so no Chromium."""
    made = whole_pack(built_db)
    sipas = next(s for s in made if s.key == "targets" and "SIPAS" in s.title)
    return [made[0], next(s for s in made if s.key == "changes"), replace(sipas, figures=[])]


@pytest.fixture(scope="module")
def deck(text_only):
    return Presentation(io.BytesIO(powerpoint.write(text_only, made_on("vi"), "vi")))


def texts(shape) -> list[str]:
    return [p.text for p in shape.text_frame.paragraphs]


def test_one_16_by_9_slide_for_each_slide_of_the_pack(deck, text_only):
    inches = [round(Emu(side).inches, 3) for side in (deck.slide_width, deck.slide_height)]
    assert inches == [13.333, 7.5]  # PowerPoint's widescreen
    assert len(deck.slides) == len(text_only)


def test_each_slide_opens_with_its_title_bold_30_pt_in_arial(deck, text_only):
    for page, made in zip(deck.slides, text_only, strict=True):
        (run,) = page.shapes[0].text_frame.paragraphs[0].runs
        assert run.text == made.title
        assert (run.font.name, run.font.size, run.font.bold) == ("Arial", Pt(30), True)


def test_the_scorecard_is_one_column_per_index_name_figure_then_its_lines(deck, text_only):
    cards, shapes = text_only[0].cards, list(deck.slides[0].shapes)
    left, _, width, _ = BOXES["full"]
    step = int(width * powerpoint.WIDTH) // len(cards)
    for i, card in enumerate(cards):
        name, value, lines = shapes[1 + 3 * i : 4 + 3 * i]
        assert [texts(name), texts(value), texts(lines)] == [
            [card.title],
            [card.value],
            [*card.lines, card.target] if card.target else card.lines,
        ]
        assert name.left == value.left == lines.left == int(left * powerpoint.WIDTH) + i * step
        assert value.top > name.top and lines.top > value.top  # name, figure, lines downwards
        big = value.text_frame.paragraphs[0].runs[0].font
        assert big.size == Pt(40) and big.bold
    assert texts(shapes[1 + 3 * len(cards)]) == text_only[0].sentences  # the lineage under them


def test_sentences_fill_the_body_in_20_pt_without_markdown_marks(deck, text_only):
    for page, made in zip(list(deck.slides)[1:], text_only[1:], strict=True):
        body = page.shapes[1]
        assert texts(body) == [plain(s) for s in made.sentences]
        assert {r.font.size for p in body.text_frame.paragraphs for r in p.runs} == {Pt(20)}
    assert "1,50 điểm" in deck.slides[2].shapes[1].text_frame.text  # **1,50 điểm** on the page


def test_every_slide_ends_with_its_grey_footer_numbered_n_of_n(deck, text_only):
    for number, (page, made) in enumerate(zip(deck.slides, text_only, strict=True), start=1):
        (run,) = page.shapes[-1].text_frame.paragraphs[0].runs
        assert run.text == footer_line(made, made_on("vi"), number, len(text_only), "vi")
        assert run.font.color.rgb == powerpoint.GREY and run.font.size == Pt(12)


def test_the_speaker_notes_are_the_slides_notes_in_plain_text(deck, text_only):
    for page, made in zip(deck.slides, text_only, strict=True):
        assert page.notes_slide.notes_text_frame.text == "\n".join(plain(n) for n in made.notes)


@pytest.fixture(scope="module")
def charted(built_db) -> dict:
    """With charts, under one image server: the pack's first three slides, and one slide with a
    chart of each kind."""
    made = whole_pack(built_db)
    kinds = one_chart_per_kind(made)
    with image_server():
        return {
            "first": Presentation(io.BytesIO(powerpoint.write(list(made[:3]), "x"))),
            "kinds": kinds,
            "each": Presentation(io.BytesIO(powerpoint.write(kinds, "x"))),
        }


@needs_chromium
def test_pptx_read_back(charted, built_db):
    deck, slides = charted["first"], whole_pack(built_db)[:3]
    assert len(deck.slides) == 3
    assert deck.slide_width * 9 == deck.slide_height * 16
    for slide, made in zip(deck.slides, slides, strict=True):
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
        assert texts[0] == made.title
        pictures = [shape for shape in slide.shapes if shape.shape_type == PICTURE]
        assert len(pictures) == len(made.figures[:1])
        assert slide.notes_slide.notes_text_frame.text.split("\n")[0] == made.notes[0].replace(
            "**", ""
        )
    first = deck.slides[0].notes_slide.notes_text_frame.text
    assert "PAR INDEX 2024: 92,57%, xếp thứ 3/63, giữ nguyên thứ hạng và tăng 1,14 điểm" in first
    assert deck.slides[0].shapes[0].text_frame.paragraphs[0].runs[0].font.name == "Arial"


@needs_chromium
def test_pptx_chart_text_is_at_least_14_pt_at_its_placed_size(charted):
    for made, page in zip(charted["kinds"], charted["each"].slides, strict=True):
        (picture,) = [shape for shape in page.shapes if shape.shape_type == PICTURE]
        image_width = Image.open(io.BytesIO(picture.image.blob)).size[0]
        placed_px = Emu(picture.width).inches * 96
        # images.png draws at scale 3: the image's pixels per CSS pixel of the chart
        font_image_px = smallest_font(for_screen(made.figures[0], 100)) * 3
        points = font_image_px * placed_px / image_width * 72 / 96
        assert points >= 14, (made.title, points)
        footer = page.shapes[-1].text_frame.paragraphs[0].runs[0]
        assert footer.font.size.pt >= 10 and footer.text.startswith("Nguồn: ")

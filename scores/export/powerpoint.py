"""A briefing pack as a PowerPoint file: 16:9, one slide per view, chart images, speaker notes."""

import io

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Pt

from scores.export.images import BOXES, footer_line, placed_px, plain, png
from scores.export.slides import Slide

# Arial: PowerPoint has it everywhere and LibreOffice maps it to the metric-compatible
# Liberation Sans; both carry every Vietnamese letter.
FONT = "Arial"
WIDTH, HEIGHT = Emu(12192000), Emu(6858000)  # 13.333 x 7.5 in
INK, GREY = RGBColor(0x1F, 0x23, 0x28), RGBColor(0x5A, 0x63, 0x6E)


def write(slides: list[Slide], footer: str, lang: str = "vi") -> bytes:
    """The pack as .pptx bytes; `footer` (the date it was prepared) closes each source line."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    blank = deck.slide_layouts[6]
    for number, slide in enumerate(slides, start=1):
        page = deck.slides.add_slide(blank)
        _text(page, "title", [slide.title], 30, bold=True)
        if slide.figures:
            # Drawn at the size it is placed at: its 20 px type is 15 pt on the slide.
            image = png(slide.figures[0], placed_px("figure", WIDTH.inches))
            _picture(page, image)
            _text(page, "text", [plain(s) for s in slide.sentences], 16)
        elif slide.cards:
            _cards(page, slide)
        else:
            _text(page, "full", [plain(s) for s in slide.sentences], 20)
        _text(page, "footer", [footer_line(slide, footer, number, len(slides), lang)], 12, GREY)
        page.notes_slide.notes_text_frame.text = "\n".join(plain(s) for s in slide.notes)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def _box(name: str) -> tuple[Emu, Emu, Emu, Emu]:
    left, top, width, height = BOXES[name]
    return (
        Emu(int(left * WIDTH)),
        Emu(int(top * HEIGHT)),
        Emu(int(width * WIDTH)),
        Emu(int(height * HEIGHT)),
    )


def _picture(page: object, image: bytes) -> None:
    left, top, width, height = _box("figure")
    page.shapes.add_picture(io.BytesIO(image), left, top, width, height)


def _text(
    page: object,
    box: str | tuple,
    lines: list[str],
    size: int,
    colour: RGBColor = INK,
    bold: bool = False,
) -> None:
    frame = page.shapes.add_textbox(*(_box(box) if isinstance(box, str) else box)).text_frame
    frame.word_wrap = True
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.space_after = Pt(size * 0.6)
        run = paragraph.add_run()
        run.text = line
        run.font.name, run.font.size, run.font.bold = FONT, Pt(size), bold
        run.font.color.rgb = colour


def _cards(page: object, slide: Slide) -> None:
    """The scorecard: one column per index, name, headline figure, then its lines."""
    left, top, width, height = _box("full")
    step = width // max(len(slide.cards), 1)
    for i, card in enumerate(slide.cards):
        x, w = Emu(left + i * step), Emu(step - 150000)
        _text(page, (x, top, w, Emu(600000)), [card.title], 26, bold=True)
        _text(page, (x, Emu(top + 600000), w, Emu(800000)), [card.value], 40, bold=True)
        lines = [*card.lines, card.target] if card.target else card.lines
        _text(page, (x, Emu(top + 1450000), w, Emu(height - 2100000)), lines, 16)
    if slide.sentences:  # the lineage, under the cards
        _text(page, (left, Emu(top + height - 600000), width, Emu(600000)), slide.sentences, 14)

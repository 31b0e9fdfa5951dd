"""A briefing pack as PDF: A4 landscape, one 16:9 slide per page, the same boxes as the PPTX."""

import io
from pathlib import Path

from fpdf import FPDF

from scores.export.images import BOXES, footer_line, placed_px, plain, png
from scores.export.slides import Slide

# Noto Sans (fonts-noto-core, OFL) for every Vietnamese letter; DejaVu Sans, when present, for
# the status glyphs and the minus sign Noto Sans lacks.
FONTS = Path("/usr/share/fonts/truetype")
TEXT = (FONTS / "noto/NotoSans-Regular.ttf", FONTS / "noto/NotoSans-Bold.ttf")
FALLBACK = FONTS / "dejavu/DejaVuSans.ttf"
PAGE_W, PAGE_H = 297.0, 210.0
AREA_W = 277.0
AREA_H = AREA_W * 9 / 16
TOP = (PAGE_H - AREA_H) / 2
INK, GREY = (31, 35, 40), (90, 99, 110)


class NoFont(RuntimeError):
    """The Unicode font the PDF needs is not installed."""


def write(slides: list[Slide], footer: str, lang: str = "vi") -> bytes:
    """The pack as PDF bytes; `footer` (e.g. the date it was prepared) closes every source line."""
    pdf = _document()
    for number, slide in enumerate(slides, start=1):
        pdf.add_page()
        _text(pdf, "title", [slide.title], 22, bold=True)
        if slide.figures:
            left, top, width, height = _box("figure")
            # Drawn at the size it is placed at (A4's 16:9 area): 20 px type is 15 pt.
            image = io.BytesIO(png(slide.figures[0], placed_px("figure", AREA_W / 25.4)))
            pdf.image(image, x=left, y=top, w=width, h=height)
            _text(pdf, "text", [plain(s) for s in slide.sentences], 11)
        elif slide.cards:
            _cards(pdf, slide)
        else:
            _text(pdf, "full", [plain(s) for s in slide.sentences], 14)
        _text(pdf, "footer", [footer_line(slide, footer, number, len(slides), lang)], 10, GREY)
    return bytes(pdf.output())


def _document() -> FPDF:
    if not all(path.exists() for path in TEXT):
        raise NoFont(str(TEXT[0]))
    pdf = FPDF(orientation="landscape", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("body", "", TEXT[0])
    pdf.add_font("body", "B", TEXT[1])
    if FALLBACK.exists():
        pdf.add_font("symbols", "", FALLBACK)
        pdf.set_fallback_fonts(["symbols"], exact_match=False)
    return pdf


def _box(name: str) -> tuple[float, float, float, float]:
    left, top, width, height = BOXES[name]
    return 10 + left * AREA_W, TOP + top * AREA_H, width * AREA_W, height * AREA_H


def _text(
    pdf: FPDF,
    box: str | tuple,
    lines: list[str],
    size: float,
    colour: tuple = INK,
    bold: bool = False,
) -> None:
    left, top, width, _ = _box(box) if isinstance(box, str) else box
    pdf.set_font("body", "B" if bold else "", size)
    pdf.set_text_color(*colour)
    pdf.set_xy(left, top)
    for line in lines:
        pdf.set_x(left)
        pdf.multi_cell(width, size * 0.45, line, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(size * 0.25)


def _cards(pdf: FPDF, slide: Slide) -> None:
    """The scorecard: one column per index, name, headline figure, then its lines."""
    left, top, width, height = _box("full")
    step = width / max(len(slide.cards), 1)
    for i, card in enumerate(slide.cards):
        x, w = left + i * step, step - 4
        _text(pdf, (x, top, w, 10), [card.title], 18, bold=True)
        _text(pdf, (x, top + 12, w, 16), [card.value], 30, bold=True)
        lines = [*card.lines, card.target] if card.target else card.lines
        _text(pdf, (x, top + 32, w, height - 32), lines, 12)
    if slide.sentences:  # the lineage, under the cards
        _text(pdf, (left, top + height - 12, width, 12), slide.sentences, 10)

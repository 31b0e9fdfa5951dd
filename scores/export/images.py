"""Chart images for the exports: one kaleido server (Debian's Chromium) for a whole pack."""

import re
import shutil
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import kaleido
import plotly.graph_objects as go

from scores.export.slides import Slide, for_screen
from scores.i18n import t

# Slide boxes as fractions of a 16:9 slide (left, top, width, height), shared by PPTX and PDF.
BOXES = {
    "title": (0.04, 0.04, 0.92, 0.13),
    "figure": (0.03, 0.18, 0.63, 0.72),
    "text": (0.68, 0.19, 0.29, 0.70),
    "full": (0.04, 0.19, 0.92, 0.70),
    "footer": (0.04, 0.915, 0.92, 0.07),
}
SLIDE_PX = (1920, 1080)  # the size the boxes are drawn for: charts keep their on-screen type sizes


class NoBrowser(RuntimeError):
    """Chart images need Chromium (kaleido drives it); it is not installed."""


_SERVER = {"started": False}


def has_browser() -> bool:
    """Whether Chromium, which kaleido drives to draw the images, is installed."""
    return bool(shutil.which("chromium") or shutil.which("chromium-browser"))


@contextmanager
def image_server() -> Iterator[None]:
    """One kaleido server for the images of a pack (about 0.2 s an image once it runs).

    Started by the first image only: a pack without charts never waits for Chromium, and is
    written where Chromium is not installed.
    """
    try:
        yield
    finally:
        if _SERVER["started"]:
            kaleido.stop_sync_server(silence_warnings=True)
            _SERVER["started"] = False


def placed_px(name: str, slide_width_in: float) -> tuple[int, int]:
    """A slide box's size in CSS pixels (96 per inch) as placed on a slide `slide_width_in`
    inches wide: a chart drawn at this size keeps its type size when placed (pt = px x 0.75)."""
    _, _, width, height = BOXES[name]
    return round(width * slide_width_in * 96), round(height * slide_width_in * 9 / 16 * 96)


def box_px(name: str) -> tuple[int, int]:
    """A slide box's size in pixels at 1920x1080."""
    _, _, width, height = BOXES[name]
    return round(width * SLIDE_PX[0]), round(height * SLIDE_PX[1])


def png(figure: go.Figure, size: tuple[int, int], scale: float = 3) -> bytes:
    """The figure as a PNG of `size` CSS pixels at `scale` (3: sharp on a projector); NoBrowser
    where Chromium is not installed."""
    shown = for_screen(figure, size[1]).update_layout(width=size[0])
    if not _SERVER["started"]:
        if not has_browser():
            raise NoBrowser()
        kaleido.start_sync_server(silence_warnings=True)
        _SERVER["started"] = True
    with warnings.catch_warnings():  # plotly warns that a running server ignores its options
        warnings.simplefilter("ignore", UserWarning)
        return shown.to_image(format="png", width=size[0], height=size[1], scale=scale)


def footer_line(slide: Slide, footer: str, number: int, count: int, lang: str) -> str:
    """'Nguồn: …' · what the database holds (a partial table) · prepared on · n/N."""
    parts = [t("slides.source", lang, source=slide.source)] if slide.source else []
    if slide.coverage:
        parts.append(slide.coverage)
    return " · ".join([*parts, footer, f"{number}/{count}"])


def plain(text: str) -> str:
    """Markdown emphasis removed (**1,50 điểm** -> 1,50 điểm): the files carry plain text."""
    return re.sub(r"\*\*(.+?)\*\*", r"\1", text)


def chart_png(figure: go.Figure, source: str) -> bytes:
    """One chart as a 1920x1080 picture for a slide, its title on top and its source burnt in."""
    shown = for_screen(figure, SLIDE_PX[1])
    bottom = shown.layout.margin.b or 40
    # Off the picture's edges: the title and the labels of a chart that fills a slide.
    shown.update_layout(margin_b=bottom + 70, margin_l=40, margin_r=40, title_x=0.02)
    shown.update_layout(title_font_size=32)
    shown.add_annotation(
        text=source,
        x=0,
        y=0,
        xref="paper",
        yref="paper",
        xanchor="left",
        yanchor="top",
        yshift=-(bottom + 10),
        showarrow=False,
        font={"size": 18, "color": "#4A525C"},
    )
    with image_server():
        return png(shown, SLIDE_PX, scale=1)

"""The look every chart shares: palette, fonts, number separators, the layout."""

import textwrap
from collections.abc import Iterable

import pandas as pd
import plotly.graph_objects as go

from scores.i18n import separators

# Chart text is at least 18 px: read from the back of a room at 1920x1080 (FONT, ticks, labels).
# Okabe-Ito, safe for the common colour-vision deficiencies; the focus province is always vermilion,
# Okabe-Ito's #D55E00 darkened to 4.96:1 on white: its name labels text (>= 4.5:1 to be read).
FOCUS = "#BA5000"
OTHERS = "#A7B4C2"
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
SEQUENTIAL = "Blues"
# Status is carried by a word and a glyph as well as by colour (plain glyphs: no icon font needed).
STATUS_LOOK = {
    "met": ("green", "✓"),
    "on_track": ("blue", "↗"),
    "at_risk": ("orange", "⚠"),
    "missed": ("red", "✗"),
    None: ("gray", "?"),
}
FONT = {"family": "Source Sans Pro, Noto Sans, Arial, sans-serif", "size": 18, "color": "#1F2328"}
TEXT = {"size": 18, "color": "#1F2328"}  # ticks, legends, axis titles: 15.6:1 on white


def layout(figure: go.Figure, title: str, lang: str, height: int) -> go.Figure:
    """Title left, large type, the language's decimal and thousands separators, white ground."""
    figure.update_layout(
        title={"text": title, "font": {"size": 24}, "x": 0, "xanchor": "left"},
        font=FONT,
        height=height,
        margin={"l": 10, "r": 20, "t": 70, "b": 40},
        separators=separators(lang),
        plot_bgcolor="white",
        paper_bgcolor="white",
        hoverlabel={"font_size": 18},
        showlegend=False,
        legend_font=TEXT,
    )
    # Spelled out, not inherited: Streamlit's chart theme would draw ticks at 12.75 px in grey
    # (3.7:1 on white); explicit values win over its template.
    figure.update_xaxes(tickfont=TEXT, title_font=TEXT)
    figure.update_yaxes(tickfont=TEXT, title_font=TEXT)
    return figure


def with_gaps(frame: pd.DataFrame, column: str, breaks: Iterable[int] = ()) -> pd.DataFrame:
    """The rows with a value in `column`, oldest first, with an empty row between two years that
    are not consecutive and before every methodology break: plotly stops a line at an empty
    point, so a missing year shows as a gap and a break splits the line (nothing is bridged)."""
    data = frame.dropna(subset=[column]).sort_values("year")
    breaks = set(breaks)
    rows, last = [], None
    for row in data.to_dict("records"):
        year = int(row["year"])
        split = last is not None and (year - last > 1 or any(last < b <= year for b in breaks))
        if split:
            rows.append(
                {"year": last + 0.5 if year - last == 1 else (last + year) / 2, column: None}
            )
        rows.append(row)
        last = year
    return pd.DataFrame(rows, columns=data.columns)


def enlarge(figure: go.Figure, size: float) -> go.Figure:
    """Every text of the chart at least `size` px: base font, title, ticks, legend, bar values
    and annotations (a slide is read from the back of a room). Changes the figure in place."""
    figure.update_layout(font_size=max(figure.layout.font.size or 12, size))
    figure.update_layout(title_font_size=max(figure.layout.title.font.size or size, size))
    figure.update_layout(legend_font_size=max(figure.layout.legend.font.size or size, size))
    figure.update_xaxes(tickfont_size=size, title_font_size=size)
    figure.update_yaxes(tickfont_size=size, title_font_size=size)
    figure.update_traces(textfont_size=size, selector={"type": "bar"})
    for note in figure.layout.annotations:
        note.font.size = max(note.font.size or size, size)
    return figure


def smallest_font(figure: go.Figure) -> float:
    """The smallest text size (px) the chart draws with, plotly's defaults included (12 px)."""
    base = figure.layout.font.size or 12
    sizes = [base, figure.layout.title.font.size or base, figure.layout.legend.font.size or base]
    for axis in (*figure.select_xaxes(), *figure.select_yaxes()):
        sizes.append(axis.tickfont.size or base)
    sizes += [note.font.size or base for note in figure.layout.annotations]
    sizes += [
        trace.textfont.size or base
        for trace in figure.data
        if getattr(trace, "text", None) is not None and hasattr(trace, "textfont")
    ]
    return float(min(sizes))


def wrapped(title: str, wrap: int | None) -> str:
    """A title in lines of at most wrap characters (a phone's chart), as plotly breaks them."""
    return textwrap.fill(title, wrap).replace("\n", "<br>") if wrap else title

"""Several units over the years on one chart: score above, rank below, one colour per unit."""

from collections.abc import Iterable

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from scores.charts.base import FOCUS, PALETTE, layout, with_gaps
from scores.charts.trends import _unit_changes, mark_breaks
from scores.i18n import t

# The focus unit is vermilion as everywhere; the others take Okabe-Ito's remaining colours.
COLOURS = [c for c in PALETTE if c != FOCUS]


def compare_lines(
    frame: pd.DataFrame,
    names: dict[str, str],
    focus: str,
    breaks: Iterable[int],
    lang: str,
    title: str,
) -> go.Figure:
    """Score (top) and rank (bottom, 1 on top) by year, one line per unit of `names`' order.

    frame: unit_key, year, indicator, value, rank, units. A missing year is a gap; a methodology
    break splits each line; ranks of different numbers of units (63, then 34) are never joined.
    """
    breaks = tuple(breaks)
    figure = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.1)
    others = iter(COLOURS * 2)
    for key, name in names.items():
        part = frame[frame["unit_key"] == key]
        colour = FOCUS if key == focus else next(others)
        _unit_lines(figure, part, name, colour, key == focus, breaks)
    years = frame["year"].dropna()
    mark_breaks(figure, breaks, years, lang)
    figure.update_xaxes(tickformat="d", dtick=1, gridcolor="#EEF1F4")
    figure.update_yaxes(title=t("compare.score", lang), gridcolor="#EEF1F4", row=1, col=1)
    figure.update_yaxes(
        title=t("chart.rank", lang), autorange="reversed", gridcolor="#EEF1F4", row=2, col=1
    )
    figure = layout(figure, title, lang, height=720)
    # The legend names the units: as large as the ticks, read from the back of a room.
    figure.update_layout(
        showlegend=True, legend={"orientation": "h", "y": -0.08, "font": {"size": 20}}
    )
    return figure


def _unit_lines(
    figure: go.Figure, part: pd.DataFrame, name: str, colour: str, focus: bool, breaks: tuple
) -> None:
    """One unit's score line and rank line, in one legend group (a click hides both)."""
    width = 4 if focus else 2.5
    shown = {"legendgroup": name, "name": name, "mode": "lines+markers"}
    for i, (_, values) in enumerate(part.groupby("indicator", sort=False)):
        values = with_gaps(values, "value", breaks)
        figure.add_trace(
            go.Scatter(
                x=values["year"],
                y=values["value"],
                line={"color": colour, "width": width},
                showlegend=i == 0,
                hovertemplate=f"{name} · %{{x}}: %{{y}}<extra></extra>",
                **shown,
            ),
            row=1,
            col=1,
        )
    ranked = part.dropna(subset=["rank"])
    ranks = with_gaps(ranked, "rank", [*breaks, *_unit_changes(ranked)])
    figure.add_trace(
        go.Scatter(
            x=ranks["year"],
            y=ranks["rank"],
            line={"color": colour, "width": width, "dash": "solid"},
            showlegend=False,
            customdata=ranks["units"],
            hovertemplate=f"{name} · %{{x}}: %{{y}}/%{{customdata}}<extra></extra>",
            **shown,
        ),
        row=2,
        col=1,
    )

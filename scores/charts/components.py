"""Charts across the components of an index for the focus province: bars against the field,
percentiles by year."""

import textwrap

import pandas as pd
import plotly.graph_objects as go

from scores.charts.base import FOCUS, OTHERS, PALETTE, layout
from scores.charts.trends import mark_breaks
from scores.i18n import number, t


def component_bars(
    table: pd.DataFrame, labels: dict[str, str], lang: str, title: str, slide: bool = False
) -> go.Figure:
    """Per component: the focus province against the median, the top-5 average and the best.

    table: indicator, value, median, top5, best (weakest component first). slide: only the focus
    province and the best, each bar with its value (one message, read from the back of a room).
    """
    figure = go.Figure()
    series = [
        ("best", PALETTE[2], "best"),
        ("top5", PALETTE[0], "top5"),
        ("median", OTHERS, "median"),
        ("value", FOCUS, "focus"),
    ]
    if slide:
        series = [series[0], series[3]]
    names = [_wrap(labels[code], 28) if slide else labels[code] for code in table["indicator"]]
    for column, colour, key in series:
        figure.add_trace(
            go.Bar(
                y=names,
                x=table[column],
                orientation="h",
                name=t(f"chart.{key}", lang),
                marker_color=colour,
                hovertemplate="%{y}: %{x}<extra>%{fullData.name}</extra>",
                text=[number(v, lang) for v in table[column]] if slide else None,
                textposition="outside",
                cliponaxis=False,
            )
        )
    figure.update_yaxes(autorange="reversed")
    figure.update_xaxes(rangemode="tozero", gridcolor="#EEF1F4")
    height = max(360, 120 + 90 * len(table))
    figure = layout(figure, title, lang, height=height)
    figure.update_layout(
        barmode="group",
        showlegend=True,
        # Title and legend pinned to the figure's top (container coordinates), the legend under
        # the title and growing downwards: plotly makes room above the bars for as many rows as
        # it wraps to (four on a phone, where a legend anchored to the bars grew into the title).
        title={"y": 1 - 14 / height, "yref": "container", "yanchor": "top"},
        legend={
            "orientation": "h",
            "x": 0,
            "y": 1 - 56 / height,
            "yref": "container",
            "yanchor": "top",
            "traceorder": "reversed",
        },
        margin={"l": 10, "r": 20, "t": 70, "b": 40},
    )
    return figure


def _wrap(text: str, width: int) -> str:
    """A long label over lines of at most `width` characters (plotly never wraps an axis label)."""
    return "<br>".join(textwrap.wrap(text, width)) or text


def _row_labels(grid: pd.DataFrame, labels: dict[str, str]) -> list[str]:
    """One label per row: codes that share a name (a sub-dimension renumbered, e.g. People's
    Inspection Boards as 3.2 then 3.3) get their years, or plotly would merge their rows."""
    names = [labels[code] for code in grid.index]
    shown = []
    for code, name in zip(grid.index, names, strict=True):
        if names.count(name) > 1:
            years = grid.loc[code].dropna().index
            span = sorted({int(years.min()), int(years.max())}) if len(years) else []
            name = f"{name} ({'–'.join(map(str, span))})" if span else code
        shown.append(name)
    return shown


# More cells than this: colours only, the number on hover (a 60 x 30 grid of numbers is not
# readable, and thousands of labels are slow for the browser to draw).
TEXT_CELLS = 600


def percentile_heatmap(
    frame: pd.DataFrame, labels: dict[str, str], breaks: list[int], lang: str, title: str
) -> go.Figure:
    """Percentile (0-100) of the focus province by component and year; method breaks marked.

    frame: indicator, year, percentile (0-1).
    """
    grid = frame.pivot(index="indicator", columns="year", values="percentile") * 100
    grid = grid.loc[[code for code in labels if code in grid.index]]
    figure = go.Figure(
        go.Heatmap(
            z=grid.values,
            x=grid.columns,
            y=_row_labels(grid, labels),
            colorscale="RdYlBu",
            zmin=0,
            zmax=100,
            xgap=2,
            ygap=2,
            text=[[number(v, lang, 0) if pd.notna(v) else "" for v in row] for row in grid.values],
            texttemplate="%{text}" if grid.size <= TEXT_CELLS else None,
            hovertemplate="%{y} · %{x}: %{z:.0f}<extra></extra>",
            colorbar={"title": t("chart.percentile", lang), "thickness": 14},
        )
    )
    mark_breaks(figure, breaks, pd.Series(grid.columns), lang)
    figure.update_xaxes(tickformat="d", dtick=1)
    return layout(figure, title, lang, height=max(320, 120 + 44 * len(grid)))

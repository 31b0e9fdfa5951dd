"""Charts over time and across components for the focus province."""

import textwrap
from collections.abc import Iterable

import pandas as pd
import plotly.graph_objects as go

from scores.charts.base import FOCUS, OTHERS, PALETTE, layout, with_gaps
from scores.i18n import number, t


def sparkline(frame: pd.DataFrame, lang: str, breaks: Iterable[int] = ()) -> go.Figure:
    """A small trend line of year -> value; a gap for a missing year, a split at a method change.

    frame: year, value, indicator (e.g. PAPI's 6-dimension total before 2018, 8 after).
    """
    figure = go.Figure()
    for _, part in frame.dropna(subset=["value"]).groupby("indicator", sort=False):
        part = with_gaps(part, "value", breaks)
        figure.add_trace(
            go.Scatter(
                x=part["year"],
                y=part["value"],
                mode="lines+markers",
                line={"color": FOCUS, "width": 3},
                marker={"size": 6},
                hovertemplate="%{x}: %{y}<extra></extra>",
            )
        )
    figure.update_xaxes(
        showgrid=False, tickformat="d", nticks=4, tickfont={"size": 16, "color": "#1F2328"}
    )
    figure.update_yaxes(showgrid=False, tickfont={"size": 16, "color": "#1F2328"}, nticks=3)
    figure = layout(figure, "", lang, height=150)
    figure.update_layout(margin={"l": 0, "r": 0, "t": 6, "b": 0})
    return figure


def mark_breaks(figure: go.Figure, breaks: Iterable[int], years: pd.Series, lang: str) -> None:
    """A dashed line before each methodology-break year inside the years shown, labelled once
    (with every year it concerns), so labels never print over each other."""
    if years.empty:
        return
    inside = sorted(year for year in set(breaks) if years.min() < year <= years.max())
    for position, year in enumerate(inside):
        figure.add_vline(x=year - 0.5, line_dash="dash", line_color="#1F2328")
        if position == 0:
            label = t("chart.method_break", lang) + f" ({', '.join(map(str, inside))})"
            # Above the plotting area, so it never covers a data label.
            figure.add_annotation(
                x=year - 0.5,
                y=1.0,
                yref="paper",
                yanchor="bottom",
                text=label,
                showarrow=False,
                # Towards the middle of the chart, so the label is never cut at its edge.
                xanchor="left" if year - years.min() < years.max() - year else "right",
            )


def target_rank(
    frame: pd.DataFrame,
    threshold: int,
    units: int,
    lang: str,
    title: str,
    breaks: Iterable[int] = (),
) -> go.Figure:
    """Rank by year (1 at the top) with the target band shaded; frame: year, rank.

    Ranks of different numbers of units (63 to 2024, 34 from 2025) are split like a break.
    """
    known = frame.dropna(subset=["rank"])
    data = with_gaps(known, "rank", [*breaks, *_unit_changes(known)])
    figure = go.Figure(
        go.Scatter(
            x=data["year"],
            y=data["rank"],
            mode="lines+markers+text",
            text=[" " if pd.isna(rank) else str(int(rank)) for rank in data["rank"]],
            textposition="top center",
            cliponaxis=False,
            line={"color": FOCUS, "width": 3},
            marker={"size": 10},
            hovertemplate="%{x}: %{y}<extra></extra>",
        )
    )
    figure.add_hrect(
        y0=0.5,
        y1=threshold + 0.5,
        fillcolor="#009E73",
        opacity=0.12,
        line_width=0,
        annotation_text=t("chart.target_band", lang, n=threshold),
        annotation_position="top left",
    )
    figure.update_yaxes(
        autorange=False,
        range=[min(units, max(data["rank"].max() + 3, 12)), 0.5],
        title=t("chart.rank", lang),
        gridcolor="#EEF1F4",
    )
    figure.update_xaxes(tickformat="d", dtick=1, gridcolor="#EEF1F4")
    mark_breaks(figure, breaks, known["year"], lang)
    return layout(figure, title, lang, height=420)


def _unit_changes(frame: pd.DataFrame) -> list[int]:
    """Years from which the number of units ranked changes (2025: 63 -> 34)."""
    if "units" not in frame:
        return []
    ordered = frame.sort_values("year")
    changed = ordered["units"].ne(ordered["units"].shift()) & ordered["units"].shift().notna()
    return ordered.loc[changed, "year"].astype(int).tolist()


def target_value(
    frame: pd.DataFrame,
    threshold: float | None,
    averages: pd.DataFrame,
    lang: str,
    title: str,
    breaks: Iterable[int] = (),
) -> go.Figure:
    """Value by year with the target line (if any) and, where published, the national average;
    gaps for missing years and splits at breaks, in both lines."""
    known = frame.dropna(subset=["value"])
    data = with_gaps(known, "value", breaks)
    averages = with_gaps(averages, "value", breaks) if len(averages) else averages
    figure = go.Figure(
        go.Scatter(
            x=data["year"],
            y=data["value"],
            mode="lines+markers+text",
            name=t("chart.focus", lang),
            text=[" " if pd.isna(v) else number(v, lang) for v in data["value"]],
            textposition="top center",
            cliponaxis=False,
            line={"color": FOCUS, "width": 3},
            marker={"size": 10},
        )
    )
    if len(averages):
        figure.add_trace(
            go.Scatter(
                x=averages["year"],
                y=averages["value"],
                mode="lines+markers",
                name=t("chart.national_average", lang),
                line={"color": PALETTE[0], "dash": "dot"},
            )
        )
    if threshold is not None:
        figure.add_hline(
            y=threshold,
            line_dash="dash",
            line_color="#009E73",
            annotation_text=t("chart.target_line", lang, value=number(threshold, lang, 0)),
            annotation_position="bottom right",
        )
    years = pd.concat([known["year"], averages["year"]]) if len(averages) else known["year"]
    span = [years.min() - 0.5, years.max() + 0.5] if len(years) else None
    figure.update_xaxes(tickformat="d", dtick=1, gridcolor="#EEF1F4", range=span)
    mark_breaks(figure, breaks, known["year"], lang)
    figure.update_yaxes(gridcolor="#EEF1F4")
    figure = layout(figure, title, lang, height=420)
    figure.update_layout(showlegend=True, legend={"orientation": "h", "y": -0.15})
    return figure


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

"""Charts over time for the focus province: sparklines, rank and value against a target (the
components: charts.components)."""

from collections.abc import Iterable

import pandas as pd
import plotly.graph_objects as go

from scores.charts.base import FOCUS, PALETTE, layout, with_gaps
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
            text=_spaced(
                list(data["year"]), [" " if pd.isna(v) else number(v, lang) for v in data["value"]]
            ),
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


def _spaced(years: list, labels: list[str]) -> list[str]:
    """The value labels with no two in consecutive years (from the latest back, which is always
    labelled): "89,58 91,43 92,57" side by side overlap at 1440 px wide; hover gives them all."""
    shown, next_year = list(labels), None
    for position in range(len(years) - 1, -1, -1):
        if labels[position].strip() and next_year is not None and years[position] == next_year - 1:
            shown[position] = " "
        elif labels[position].strip():
            next_year = years[position]
    return shown

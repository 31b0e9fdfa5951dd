"""The remediation plan's figure: per component, the room up to the best province, the proposal."""

import pandas as pd
import plotly.graph_objects as go

from scores.charts.base import FOCUS, OTHERS, layout
from scores.i18n import t


def gap_bars(rows: pd.DataFrame, labels: dict[str, str], lang: str, title: str) -> go.Figure:
    """Bars from zero in points of the total: the room of each component and, over it, the
    points the proposal takes from it (largest room first).

    rows: indicator, room_points, proposed_points (analysis.gap's table).
    """
    names = [labels.get(code, code) for code in rows["indicator"]]
    figure = go.Figure()
    for column, colour, key in [
        ("room_points", OTHERS, "room"),
        ("proposed_points", FOCUS, "taken"),
    ]:
        figure.add_trace(
            go.Bar(
                y=names,
                x=rows[column],
                orientation="h",
                name=t(f"plan.chart_{key}", lang),
                marker_color=colour,
                hovertemplate="%{y}: %{x:.2f}<extra>%{fullData.name}</extra>",
            )
        )
    figure.update_yaxes(autorange="reversed")
    figure.update_xaxes(rangemode="tozero", gridcolor="#EEF1F4", title=t("plan.chart_axis", lang))
    figure = layout(figure, title, lang, height=max(360, 130 + 48 * len(rows)))
    figure.update_layout(
        barmode="overlay",
        showlegend=True,
        legend={"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom"},
        margin={"l": 10, "r": 20, "t": 110, "b": 60},
    )
    return figure

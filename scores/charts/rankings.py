"""Charts across provinces for one index and year: ranked bars, a scatter (the map: charts.map)."""

from typing import Any

import pandas as pd
import plotly.graph_objects as go

from scores.charts.base import FOCUS, OTHERS, PALETTE, layout, wrapped
from scores.i18n import number, t


def ranked_bars(
    frame: pd.DataFrame,
    province_code: str | None,
    lang: str,
    title: str,
    top_value: float | None = None,
    cutoff: int = 5,
    top: int | None = None,
    around: int = 2,
    wrap: int | None = None,
) -> go.Figure:
    """Horizontal bars from zero, best at the top; the focus province in its colour; a line at
    the national top-N score (top_value: the score of the province ranked N in the whole
    country), so a peer view never shows a 10th-placed province inside the top 5.

    frame: province_code, name, value, rank (rank may be missing in partial releases).
    top: only the first `top` bars and the focus province with `around` neighbours each side,
    a "⋯" row where bars are left out (a phone's view). wrap: title lines of at most that many
    characters (a narrow screen; plotly never wraps a title itself).
    """
    data = frame.dropna(subset=["value"]).sort_values(["value"], ascending=False)
    if top is not None:
        data = _in_context(data, province_code, top, around)
    labels = [_bar_label(row, lang) for row in data.itertuples()]
    colours = [FOCUS if code == province_code else OTHERS for code in data["province_code"]]
    figure = go.Figure(
        go.Bar(
            x=data["value"],
            y=labels,
            orientation="h",
            marker_color=colours,
            customdata=data["province_code"],  # a click names the province (the page focuses it)
            text=["" if pd.isna(v) else number(v, lang) for v in data["value"]],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    figure.update_yaxes(autorange="reversed")
    figure.update_xaxes(rangemode="tozero", showgrid=True, gridcolor="#EEF1F4")
    if top_value is not None and len(data):
        note = t("chart.top_cutoff", lang, n=cutoff, value=number(top_value, lang))
        inside = int(data["rank"].le(cutoff).fillna(False).sum())
        if inside:  # under the last bar of the national top N (national ranks, any peer group)
            figure.add_hline(y=inside - 0.5, line_dash="dash", line_color="#1F2328")
        else:  # none of the shown provinces is in it: where its score starts
            figure.add_vline(x=top_value, line_dash="dash", line_color="#1F2328")
        note = wrapped(f"– – – {note}", wrap)
        title = f"{wrapped(title, wrap)}<br><span style='font-size:18px'>{note}</span>"
    else:
        title = wrapped(title, wrap)
    figure = layout(figure, title, lang, height=max(360, 90 + 30 * len(data)))
    if wrap:  # the title's lines from the top down, above the plot; room for the last value
        lines = title.count("<br>") + 1
        figure.update_layout(
            title={"yref": "container", "y": 1, "yanchor": "top", "pad": {"t": 24}},
            height=figure.layout.height + 30 * (lines - 2),
            margin={"t": 34 + 30 * lines, "r": 60},
        )
    return figure


def _in_context(
    data: pd.DataFrame, province_code: str | None, top: int, around: int
) -> pd.DataFrame:
    """The first `top` rows and the focus province's row with `around` rows each side, in order;
    an empty row named "⋯" stands where rows are left out. data: sorted best first."""
    codes = data["province_code"].tolist()
    keep = set(range(min(top, len(codes))))
    if province_code in codes:
        at = codes.index(province_code)
        keep |= set(range(max(0, at - around), min(len(codes), at + around + 1)))
    rows, last, gaps = [], -1, 0
    for position in [*sorted(keep), len(codes)]:
        if position > last + 1:  # a distinct name each: plotly merges bars of the same label
            rows.append({"name": "\u00a0" * gaps + "⋯", "value": None, "rank": None})
            gaps += 1
        if position < len(codes):
            rows.append(data.iloc[position].to_dict())
        last = position
    found = pd.DataFrame(rows, columns=data.columns)
    return found.assign(rank=pd.to_numeric(found["rank"]), value=pd.to_numeric(found["value"]))


def _bar_label(row: Any, lang: str) -> str:
    rank = "" if pd.isna(row.rank) else f"{int(row.rank)}. "
    return f"{rank}{row.name}"


def scatter(
    frame: pd.DataFrame, province_code: str, lang: str, title: str, x_title: str, y_title: str
) -> go.Figure:
    """One index against another for the same year: frame has province_code, name, x, y."""
    data = frame.dropna(subset=["x", "y"])
    colours = [FOCUS if code == province_code else PALETTE[0] for code in data["province_code"]]
    sizes = [16 if code == province_code else 10 for code in data["province_code"]]
    figure = go.Figure(
        go.Scatter(
            x=data["x"],
            y=data["y"],
            mode="markers",
            marker={"color": colours, "size": sizes, "line": {"color": "white", "width": 1}},
            customdata=data["province_code"],  # a click names the province
            text=data["name"],
            hovertemplate="<b>%{text}</b><br>%{x} · %{y}<extra></extra>",
        )
    )
    focus = data[data["province_code"] == province_code]
    for row in focus.itertuples():
        figure.add_annotation(
            x=row.x,
            y=row.y,
            text=f"<b>{row.name}</b>",
            showarrow=True,
            arrowcolor=FOCUS,
            font={"color": FOCUS, "size": 18},
        )
    figure.update_xaxes(title=x_title, showgrid=True, gridcolor="#EEF1F4")
    figure.update_yaxes(title=y_title, showgrid=True, gridcolor="#EEF1F4")
    return layout(figure, title, lang, height=560)

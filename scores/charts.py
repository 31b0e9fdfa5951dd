"""Charts as pure functions: DataFrame in, plotly Figure out (no Streamlit), one look everywhere."""

import json
from functools import cache
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale

from scores.config import DATA_DIR
from scores.i18n import number, t

# Okabe-Ito, safe for the common colour-vision deficiencies; the focus province is always vermilion.
FOCUS = "#D55E00"
OTHERS = "#A7B4C2"
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
SEQUENTIAL = "Blues"
FONT = {"family": "Source Sans Pro, Noto Sans, Arial, sans-serif", "size": 16, "color": "#1F2328"}
GEO = {
    2024: ("vietnam_provinces_63.geojson", "province_code"),
    9999: ("vietnam_provinces_34_derived.geojson", "province_code_2025"),
}


def _layout(figure: go.Figure, title: str, lang: str, height: int) -> go.Figure:
    figure.update_layout(
        title={"text": title, "font": {"size": 22}, "x": 0, "xanchor": "left"},
        font=FONT,
        height=height,
        margin={"l": 10, "r": 20, "t": 70, "b": 40},
        separators=",." if lang == "vi" else ".,",
        plot_bgcolor="white",
        paper_bgcolor="white",
        hoverlabel={"font_size": 16},
        showlegend=False,
    )
    return figure


def ranked_bars(
    frame: pd.DataFrame, focus_code: str, lang: str, title: str, cutoff: int = 5
) -> go.Figure:
    """Horizontal bars, best at the top; the focus province in its colour; a line under the top N.

    frame: province_code, name, value, rank (rank may be missing in partial releases).
    """
    data = frame.dropna(subset=["value"]).sort_values(["value"], ascending=False)
    labels = [_bar_label(row, lang) for row in data.itertuples()]
    colours = [FOCUS if code == focus_code else OTHERS for code in data["province_code"]]
    figure = go.Figure(
        go.Bar(
            x=data["value"],
            y=labels,
            orientation="h",
            marker_color=colours,
            text=[number(v, lang) for v in data["value"]],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    figure.update_yaxes(autorange="reversed", tickfont={"size": 14})
    low = data["value"].min() if len(data) else 0
    figure.update_xaxes(
        range=[max(0, low - (data["value"].max() - low) * 0.6 - 1), None],
        showgrid=True,
        gridcolor="#EEF1F4",
    )
    if len(data) > cutoff and data["rank"].notna().all():
        figure.add_hline(y=cutoff - 0.5, line_dash="dash", line_color="#1F2328")
        note = t("chart.top_cutoff", lang, n=cutoff)
        title = f"{title}<br><span style='font-size:15px'>– – – {note}</span>"
    return _layout(figure, title, lang, height=max(320, 70 + 24 * len(data)))


def _bar_label(row, lang: str) -> str:
    rank = "" if pd.isna(row.rank) else f"{int(row.rank)}. "
    return f"{rank}{row.name}"


@cache
def outlines(year: int) -> dict[str, tuple[list, list]]:
    """province_code -> (longitudes, latitudes) of the unit's outer rings, None between rings.

    The map of the units of that year: 63 up to 2024, 34 from 2025. Drawn as SVG polygons, not as
    a geo or tile map: those need topojson or WebGL from the internet, which the app must not need.
    """
    name, prop = next(GEO[last] for last in sorted(GEO) if year <= last)
    shapes = json.loads(Path(DATA_DIR / "geo" / name).read_text(encoding="utf-8"))
    found = {}
    for feature in shapes["features"]:
        geometry = feature["geometry"]
        polygons = (
            [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        )
        lons, lats = [], []
        for polygon in polygons:
            lons += [point[0] for point in polygon[0]] + [None]
            lats += [point[1] for point in polygon[0]] + [None]
        found[feature["properties"][prop]] = (lons, lats)
    return found


def choropleth(frame: pd.DataFrame, year: int, focus_code: str, lang: str, title: str) -> go.Figure:
    """Provinces shaded by value (grey where missing), the focus province outlined in its colour.

    frame: province_code, name, value, rank. Traces are built as dicts and handed to one Figure:
    adding 63 validated traces one by one took 0.4 s a render.
    """
    rows = {row.province_code: row for row in frame.itertuples()}
    valued = frame["value"].dropna()
    low, high = (valued.min(), valued.max()) if len(valued) else (0, 1)
    shapes = outlines(year)
    traces = [
        _province_trace(code, shapes[code], rows.get(code), low, high, code == focus_code, lang)
        for code in sorted(shapes, key=lambda c: c == focus_code)
    ]
    steps = [[i / 5, _shade(i / 5)] for i in range(6)]
    traces.append(
        {
            "type": "scatter",
            "x": [None],
            "y": [None],
            "mode": "markers",
            "hoverinfo": "skip",
            "marker": {
                "colorscale": steps,
                "cmin": low,
                "cmax": high,
                "color": [low],
                "showscale": True,
                "colorbar": {"thickness": 14, "len": 0.6},
            },
        }
    )
    figure = go.Figure(data=traces)
    figure.update_xaxes(visible=False)
    figure.update_yaxes(visible=False, scaleanchor="x", scaleratio=1.04)
    figure = _layout(figure, title, lang, height=760)
    figure.update_layout(margin={"l": 0, "r": 0, "t": 70, "b": 0}, hoverlabel={"namelength": -1})
    return figure


def _shade(share: float) -> str:
    """The sequential colour for a share of the value range (never the palest, kept for missing)."""
    return _shades()[round(share * 100)]


@cache
def _shades() -> list[str]:
    # sample_colorscale costs ~2 ms a call; 101 steps sampled once are finer than the eye sees.
    return sample_colorscale(SEQUENTIAL, [0.15 + 0.85 * i / 100 for i in range(101)])


def _province_trace(code, outline, row, low, high, focus: bool, lang: str) -> dict:
    has_value = row is not None and pd.notna(row.value)
    share = (0.5 if high == low else (row.value - low) / (high - low)) if has_value else 0
    return {
        "type": "scatter",
        "x": outline[0],
        "y": outline[1],
        "mode": "lines",
        "fill": "toself",
        "hoveron": "fills",
        "fillcolor": _shade(share) if has_value else "#E6E9ED",
        "line": {"color": FOCUS if focus else "white", "width": 3 if focus else 0.7},
        "name": _map_hover(row, lang) if row is not None else t("chart.no_value", lang),
        "hoverinfo": "name",
    }


def _map_hover(row, lang: str) -> str:
    rank = "–" if pd.isna(row.rank) else str(int(row.rank))
    return (
        f"<b>{row.name}</b><br>{t('chart.value', lang)}: {number(row.value, lang)}<br>"
        f"{t('chart.rank', lang)}: {rank}"
    )


def scatter(
    frame: pd.DataFrame, focus_code: str, lang: str, title: str, x_title: str, y_title: str
) -> go.Figure:
    """One index against another for the same year: frame has province_code, name, x, y."""
    data = frame.dropna(subset=["x", "y"])
    colours = [FOCUS if code == focus_code else PALETTE[0] for code in data["province_code"]]
    sizes = [16 if code == focus_code else 10 for code in data["province_code"]]
    figure = go.Figure(
        go.Scatter(
            x=data["x"],
            y=data["y"],
            mode="markers",
            marker={"color": colours, "size": sizes, "line": {"color": "white", "width": 1}},
            text=data["name"],
            hovertemplate="<b>%{text}</b><br>%{x} · %{y}<extra></extra>",
        )
    )
    focus = data[data["province_code"] == focus_code]
    for row in focus.itertuples():
        figure.add_annotation(
            x=row.x,
            y=row.y,
            text=f"<b>{row.name}</b>",
            showarrow=True,
            arrowcolor=FOCUS,
            font={"color": FOCUS, "size": 16},
        )
    figure.update_xaxes(title=x_title, showgrid=True, gridcolor="#EEF1F4")
    figure.update_yaxes(title=y_title, showgrid=True, gridcolor="#EEF1F4")
    return _layout(figure, title, lang, height=560)


def sparkline(frame: pd.DataFrame, lang: str) -> go.Figure:
    """A small trend line of year -> value; the line breaks where the indicator (method) changes.

    frame: year, value, indicator (e.g. PAPI's 6-dimension total before 2018, 8 after).
    """
    figure = go.Figure()
    for _, part in frame.dropna(subset=["value"]).groupby("indicator", sort=False):
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
    figure.update_xaxes(showgrid=False, tickformat="d", nticks=4, tickfont={"size": 12})
    figure.update_yaxes(showgrid=False, tickfont={"size": 12}, nticks=3)
    figure = _layout(figure, "", lang, height=140)
    figure.update_layout(margin={"l": 0, "r": 0, "t": 6, "b": 0})
    return figure


def target_rank(
    frame: pd.DataFrame, threshold: int, units: int, lang: str, title: str
) -> go.Figure:
    """Rank by year (1 at the top) with the target band shaded; frame: year, rank."""
    data = frame.dropna(subset=["rank"])
    figure = go.Figure(
        go.Scatter(
            x=data["year"],
            y=data["rank"],
            mode="lines+markers+text",
            text=data["rank"].astype(int),
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
    return _layout(figure, title, lang, height=420)


def target_value(
    frame: pd.DataFrame, threshold: float | None, averages: pd.DataFrame, lang: str, title: str
) -> go.Figure:
    """Value by year with the target line (if any) and, where published, the national average."""
    data = frame.dropna(subset=["value"])
    figure = go.Figure(
        go.Scatter(
            x=data["year"],
            y=data["value"],
            mode="lines+markers+text",
            name=t("chart.focus", lang),
            text=[number(v, lang) for v in data["value"]],
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
    figure.update_xaxes(tickformat="d", dtick=1, gridcolor="#EEF1F4")
    figure.update_yaxes(gridcolor="#EEF1F4")
    figure = _layout(figure, title, lang, height=420)
    figure.update_layout(showlegend=True, legend={"orientation": "h", "y": -0.15})
    return figure


def component_bars(table: pd.DataFrame, labels: dict[str, str], lang: str, title: str) -> go.Figure:
    """Per component: the focus province against the median, the top-5 average and the best.

    table: indicator, value, median, top5, best (weakest component first).
    """
    figure = go.Figure()
    series = [
        ("best", PALETTE[2], "best"),
        ("top5", PALETTE[0], "top5"),
        ("median", OTHERS, "median"),
        ("value", FOCUS, "focus"),
    ]
    names = [labels[code] for code in table["indicator"]]
    for column, colour, key in series:
        figure.add_trace(
            go.Bar(
                y=names,
                x=table[column],
                orientation="h",
                name=t(f"chart.{key}", lang),
                marker_color=colour,
                hovertemplate="%{y}: %{x}<extra>%{fullData.name}</extra>",
            )
        )
    figure.update_yaxes(autorange="reversed", tickfont={"size": 15})
    figure.update_xaxes(gridcolor="#EEF1F4")
    figure = _layout(figure, title, lang, height=max(360, 120 + 90 * len(table)))
    figure.update_layout(
        barmode="group",
        showlegend=True,
        legend={
            "orientation": "h",
            "x": 0,
            "y": 1.0,
            "yanchor": "bottom",
            "traceorder": "reversed",
        },
        margin={"l": 10, "r": 20, "t": 110, "b": 40},
    )
    return figure


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
            y=[labels[code] for code in grid.index],
            colorscale="RdYlBu",
            zmin=0,
            zmax=100,
            xgap=2,
            ygap=2,
            text=[[number(v, lang, 0) if pd.notna(v) else "" for v in row] for row in grid.values],
            texttemplate="%{text}",
            hovertemplate="%{y} · %{x}: %{z:.0f}<extra></extra>",
            colorbar={"title": t("chart.percentile", lang), "thickness": 14},
        )
    )
    for year in breaks:
        if grid.columns.min() < year <= grid.columns.max():
            figure.add_vline(
                x=year - 0.5,
                line_dash="dash",
                line_color="#1F2328",
                annotation_text=t("chart.method_break", lang),
                annotation_position="top",
            )
    figure.update_xaxes(tickformat="d", dtick=1)
    return _layout(figure, title, lang, height=max(320, 120 + 44 * len(grid)))

"""The map of the provinces for one index and year: shaded by value, the focus outlined,
the archipelagos named, a click on a province naming it."""

import json
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from scores.charts.base import FOCUS, layout, wrapped
from scores.charts.islands import archipelago_traces
from scores.charts.map_key import MISSING, colour_bar, fill, no_data_key
from scores.charts.targets_on_map import click_targets
from scores.config import DATA_DIR
from scores.i18n import number, t

GEO = {
    2024: ("vietnam_provinces_63.geojson", "province_code"),
    9999: ("vietnam_provinces_34_derived.geojson", "province_code_2025"),
}
PAD = 0.3  # degrees of sea around the outermost shapes


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


def choropleth(
    frame: pd.DataFrame,
    year: int,
    province_code: str,
    lang: str,
    title: str,
    unit_label: str = "",
    wrap: int | None = None,
) -> go.Figure:
    """Provinces shaded by value (grey where missing), the focus province outlined in its colour.

    Hoàng Sa and Trường Sa are marked and named; the colour bar is titled with the unit (unit_label,
    else "value") and a key says what grey means. frame: province_code, name, value, rank.
    wrap: a phone's map: title lines of at most that many characters, the colour bar and the key
    below the map instead of beside it, where they took a third of the width.
    Traces are built as dicts and handed to one Figure: adding 63 traces one by one validates the
    figure again each time.
    """
    rows = {row.province_code: row for row in frame.itertuples()}
    valued = frame["value"].dropna()
    low, high = (valued.min(), valued.max()) if len(valued) else (0, 1)
    shapes = outlines(year)
    fills = {code: fill(rows.get(code), low, high) for code in shapes}
    traces = [
        _province_trace(shapes[code], fills[code], rows.get(code), code == province_code, lang)
        for code in sorted(shapes, key=lambda c: c == province_code)
    ]
    traces += archipelago_traces(shapes, fills, province_code, lang)
    traces.append(
        click_targets(
            shapes,
            {
                code: trace["name"]
                for code, trace in zip(
                    sorted(shapes, key=lambda c: c == province_code), traces, strict=False
                )
            },
        )
    )
    traces.append(colour_bar(low, high, unit_label or t("chart.value", lang)))
    if MISSING in fills.values():
        traces.append(no_data_key(lang))
    x_range, y_range = extent(year)
    axes = {
        "xaxis": {"visible": False, "range": x_range},
        "yaxis": {"visible": False, "range": y_range, "scaleanchor": "x", "scaleratio": 1.04},
    }
    figure = layout(go.Figure(data=traces, layout=axes), title, lang, height=760)
    figure.update_layout(
        margin={"l": 0, "r": 0, "t": 70, "b": 0},
        hoverlabel={"namelength": -1},
        showlegend=True,
        legend={"x": 1.02, "xanchor": "left", "y": 0.17, "yanchor": "top", "font": {"size": 18}},
    )
    return _narrow_map(figure, wrap) if wrap else figure


def _narrow_map(figure: go.Figure, wrap: int) -> go.Figure:
    """The colour bar and the grey key under the map, the title in lines, the map's full width."""
    title = wrapped(figure.layout.title.text, wrap)
    lines = title.count("<br>") + 1
    figure.update_traces(
        selector=lambda trace: bool(trace.marker.showscale),
        marker_colorbar={
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": -0.02,
            "yanchor": "top",
            "len": 1,
            "title": {"side": "top"},
        },
    )
    figure.update_layout(
        title={"text": title, "yref": "container", "y": 1, "yanchor": "top", "pad": {"t": 24}},
        height=640 + 30 * lines,
        margin={"t": 34 + 30 * lines, "b": 130},
        legend={"x": 0, "xanchor": "left", "y": -0.17, "yanchor": "top"},
    )
    return figure


@cache
def extent(year: int) -> tuple[list[float], list[float]]:
    """The axis ranges (longitudes, latitudes) holding every shape of the year, islands included.

    Set, not left to autorange, so the archipelagos are always inside the drawn map.
    """
    lons, lats = [], []
    for x, y in outlines(year).values():
        lons += [v for v in x if v is not None]
        lats += [v for v in y if v is not None]
    return [min(lons) - PAD, max(lons) + PAD], [min(lats) - PAD, max(lats) + PAD]


def _province_trace(
    outline: tuple[list, list], fill: str, row: Any, focus: bool, lang: str
) -> dict:
    return {
        "type": "scatter",
        "x": outline[0],
        "y": outline[1],
        "mode": "lines",
        "fill": "toself",
        "hoveron": "fills",
        "fillcolor": fill,
        "line": {"color": FOCUS if focus else "white", "width": 3 if focus else 0.7},
        "name": _map_hover(row, lang) if row is not None else t("map.no_data", lang),
        "hoverinfo": "name",
        "showlegend": False,
    }


def _map_hover(row: Any, lang: str) -> str:
    rank = "–" if pd.isna(row.rank) else str(int(row.rank))
    return (
        f"<b>{row.name}</b><br>{t('chart.value', lang)}: {number(row.value, lang)}<br>"
        f"{t('chart.rank', lang)}: {rank}"
    )

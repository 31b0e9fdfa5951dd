"""The map's colours and its key: a unit's shade of the sequential scale by its share of the
value range, the grey of units without a value, the colour bar and the legend entry naming grey."""

from functools import cache
from typing import Any

import pandas as pd
from plotly.colors import sample_colorscale

from scores.charts.base import SEQUENTIAL
from scores.i18n import t

MISSING = "#E6E9ED"  # units without a value; paler than the palest shade of the scale


def colour_bar(low: float, high: float, unit_label: str) -> dict:
    """An invisible point that carries the colour scale, so the bar shows the value range."""
    return {
        "type": "scatter",
        "x": [None],
        "y": [None],
        "mode": "markers",
        "hoverinfo": "skip",
        "showlegend": False,
        "marker": {
            "colorscale": [[i / 5, shade(i / 5)] for i in range(6)],
            "cmin": low,
            "cmax": high,
            "color": [low],
            "showscale": True,
            "colorbar": {
                "thickness": 16,
                "len": 0.6,
                "title": {"text": unit_label, "font": {"size": 18}},
            },
        },
    }


def no_data_key(lang: str) -> dict:
    """A legend entry: the grey of units without a value, named."""
    return {
        "type": "scatter",
        "x": [None],
        "y": [None],
        "mode": "markers",
        "marker": {
            "symbol": "square",
            "size": 16,
            "color": MISSING,
            "line": {"color": "#8C959F", "width": 1},
        },
        "name": t("map.no_data", lang),
        "hoverinfo": "skip",
        "showlegend": True,
    }


def shade(share: float) -> str:
    """The sequential colour for a share of the value range (never the palest, kept for missing)."""
    return _shades()[round(share * 100)]


@cache
def _shades() -> list[str]:
    # sample_colorscale is slow per call; 101 steps sampled once are finer than the eye sees.
    # From 0.3: the lowest value, rgb(182, 212, 233), must not pass for the grey of no data (a
    # lighter start is as light as the grey, and a province would look unscored).
    return sample_colorscale(SEQUENTIAL, [0.3 + 0.7 * i / 100 for i in range(101)])


def fill(row: Any, low: float, high: float) -> str:
    """The unit's colour: its share of the value range, or grey when it has no value."""
    if row is None or pd.isna(row.value):
        return MISSING
    return shade(0.5 if high == low else (row.value - low) / (high - low))

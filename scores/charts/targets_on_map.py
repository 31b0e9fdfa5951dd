"""Click targets on the province map: one invisible marker inside each province, naming it.

The map's provinces are filled SVG outlines, and plotly selects points, not fills: a click on a
fill is no selection event. A marker at each province's centre is, so Streamlit's selection
event (st.plotly_chart on_select) can say which province was clicked.
"""

from typing import Any

NAME = "click_targets"  # the trace's name: tells it apart from the islands' markers


def centre(lons: list, lats: list) -> tuple[float, float]:
    """The area centroid of a unit's largest ring (rings are separated by None)."""
    rings, ring = [], []
    for x, y in zip([*lons, None], [*lats, None], strict=True):
        if x is None:
            if len(ring) > 2:
                rings.append(ring)
            ring = []
        else:
            ring.append((x, y))
    return _centroid(max(rings, key=lambda r: abs(_area(r))))


def _area(ring: list[tuple[float, float]]) -> float:
    return (
        sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True))
        / 2
    )


def _centroid(ring: list[tuple[float, float]]) -> tuple[float, float]:
    area = _area(ring)
    if area == 0:
        return ring[0]
    pairs = list(zip(ring, ring[1:] + ring[:1], strict=True))
    cross = [x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairs]
    cx = sum((x0 + x1) * c for ((x0, _), (x1, _)), c in zip(pairs, cross, strict=True)) / (6 * area)
    cy = sum((y0 + y1) * c for ((_, y0), (_, y1)), c in zip(pairs, cross, strict=True)) / (6 * area)
    return cx, cy


def click_targets(shapes: dict[str, tuple[list, list]], hovers: dict[str, str]) -> dict[str, Any]:
    """One trace of invisible markers, one per province, customdata its code, hover its fill's."""
    codes = sorted(shapes)
    centres = [centre(*shapes[code]) for code in codes]
    return {
        "type": "scatter",
        "name": NAME,
        "x": [x for x, _ in centres],
        "y": [y for _, y in centres],
        "mode": "markers",
        "marker": {"size": 26, "opacity": 0},
        "customdata": codes,
        # Hovered like the fill under it (plotly selects on click only a point it hovers).
        "text": [hovers.get(code, "") for code in codes],
        "hoverinfo": "text",
        "showlegend": False,
    }

"""The two archipelagos every map of Vietnam shows and names: Hoàng Sa and Trường Sa."""

from scores.charts.base import FOCUS
from scores.i18n import t

# The unit each belongs to (the same code in the 63- and the 34-unit maps), the key of its name and
# where the name sits: above Hoàng Sa, west of Trường Sa, both in open sea clear of the coast.
ARCHIPELAGOS = {
    "48": ("map.hoang_sa", "top center"),
    # Above its islands, leaning west: beside them it reached the Mekong coast in English.
    "56": ("map.truong_sa", "top left"),
}
# The mainland and every coastal island (Cô Tô, Lý Sơn, Côn Đảo, Phú Quốc) lie west of 109.5° E;
# only the islands of the two archipelagos lie east of this meridian.
OFFSHORE = 110.0
EDGE = "#3D4752"


def islands(outline: tuple[list, list]) -> tuple[list[float], list[float]]:
    """The centres (longitudes, latitudes) of a unit's rings east of OFFSHORE, one per island.

    The shapes keep each island of the archipelagos, but at the scale of a country each is smaller
    than a pixel; a marker at its own centre shows it where it is.
    """
    lons, lats, ring_lons, ring_lats = [], [], [], []
    for lon, lat in zip(*outline, strict=True):
        if lon is not None:
            ring_lons.append(lon)
            ring_lats.append(lat)
            continue
        if ring_lons and min(ring_lons) > OFFSHORE:
            lons.append(sum(ring_lons) / len(ring_lons))
            lats.append(sum(ring_lats) / len(ring_lats))
        ring_lons, ring_lats = [], []
    return lons, lats


def archipelago_traces(
    shapes: dict[str, tuple[list, list]], fills: dict[str, str], focus: str | None, lang: str
) -> list[dict]:
    """Per archipelago: a marker on each island in its unit's colour, and its name beside them."""
    traces = []
    for code, (key, position) in ARCHIPELAGOS.items():
        lons, lats = islands(shapes[code]) if code in shapes else ([], [])
        if lons:
            traces += _markers(lons, lats, fills[code], code == focus, t(key, lang))
            traces.append(_label(lons, lats, position, t(key, lang)))
    return traces


def _markers(lons: list, lats: list, fill: str, focus: bool, name: str) -> list[dict]:
    marker = {"size": 10, "color": fill, "line": {"color": FOCUS if focus else EDGE, "width": 1.5}}
    return [
        {
            "type": "scatter",
            "x": lons,
            "y": lats,
            "mode": "markers",
            "marker": marker,
            "hovertext": name,
            "hoverinfo": "text",
            "showlegend": False,
        }
    ]


def _label(lons: list, lats: list, position: str, name: str) -> dict:
    """The name on two lines (the unit in brackets on the second), just clear of the islands."""
    if position == "top left":
        x, y = max(lons), max(lats) + 0.2
    elif position.startswith("top"):
        x, y = (min(lons) + max(lons)) / 2, max(lats) + 0.2
    else:
        x, y = min(lons) - 0.3, (min(lats) + max(lats)) / 2
    return {
        "type": "scatter",
        "x": [x],
        "y": [y],
        "mode": "text",
        "text": [_two_lines(name)],
        "textposition": position,
        "textfont": {"size": 18, "color": "#1F2328"},
        "hoverinfo": "skip",
        "showlegend": False,
    }


def _two_lines(name: str) -> str:
    """'Quần đảo Hoàng Sa<br>(Đà Nẵng)': narrow, so it stays in the sea beside the islands."""
    head, _, unit = name.rpartition(" (")
    return f"{head}<br>({unit}" if head else name

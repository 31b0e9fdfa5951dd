"""The map on the Rankings page, as the app hands it to the browser: named islands, titled scale."""

import json

import pytest
from conftest import open_view


@pytest.mark.parametrize(
    ("lang", "index", "unit", "islands", "tab"),
    [
        ("vi", "PCI", "Điểm", "Quần đảo Hoàng Sa<br>(Đà Nẵng)", "Bản đồ"),
        ("en", "PAR", "%", "Truong Sa (Spratly) Islands<br>(Khanh Hoa)", "Map"),
    ],
)
def test_the_map_names_the_islands_and_titles_its_scale_with_the_unit(
    app, lang, index, unit, islands, tab
):
    open_view(app, "rankings", lang=lang, index=index, tab=tab)
    figures = [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]
    maps = [f for f in figures if any(t.get("fill") == "toself" for t in f["data"])]
    assert len(maps) == 2  # a phone's and a wider screen's: both name the islands
    for shown in maps:
        assert islands in [text for trace in shown["data"] for text in trace.get("text", [])]
        (scale,) = [
            t["marker"]["colorbar"] for t in shown["data"] if t.get("marker", {}).get("showscale")
        ]
        assert scale["title"]["text"] == unit

"""The two archipelagos every map of Vietnam shows and names, on the real outlines."""

from scores.charts.base import FOCUS
from scores.charts.islands import OFFSHORE, archipelago_traces, islands
from scores.charts.map import outlines


def test_only_rings_east_of_the_offshore_meridian_are_islands():
    shapes = outlines(2016)
    found = islands(shapes["48"])  # Đà Nẵng, with Hoàng Sa
    assert found[0] and min(found[0]) > OFFSHORE
    assert islands(shapes["01"]) == ([], [])  # Hà Nội has no sea


def test_each_archipelago_has_markers_in_its_units_colour_and_its_name_on_two_lines():
    shapes = outlines(2025)
    fills = {code: "#123456" for code in shapes}
    traces = archipelago_traces(shapes, fills, "48", "vi")
    markers = [t for t in traces if t["mode"] == "markers"]
    labels = [t["text"][0] for t in traces if t["mode"] == "text"]
    assert labels == ["Quần đảo Hoàng Sa<br>(Đà Nẵng)", "Quần đảo Trường Sa<br>(Khánh Hòa)"]
    assert [m["marker"]["line"]["color"] == FOCUS for m in markers] == [True, False]
    assert {m["marker"]["color"] for m in markers} == {"#123456"}

"""Click targets on the map: one invisible marker inside each province, naming it."""

from scores.charts.map import outlines
from scores.charts.targets_on_map import NAME, centre, click_targets


def test_a_click_target_sits_inside_its_province():
    # A square ring and a small second ring: the centre is the large ring's centroid.
    assert centre([0, 2, 2, 0, None, 5, 5.1, 5.1], [0, 0, 2, 2, None, 5, 5, 5.1]) == (1.0, 1.0)
    lon, lat = centre(*outlines(2016)["01"])  # Hà Nội: about 105.7 E, 21.0 N
    assert 105.3 < lon < 106.1 and 20.6 < lat < 21.4


def test_one_target_per_province_carries_its_code_and_the_fills_hover():
    shapes = outlines(2025)
    trace = click_targets(shapes, {"01": "Hà Nội: 92,57"})
    assert (trace["name"], len(trace["customdata"])) == (NAME, 34)
    assert trace["customdata"] == sorted(shapes) and trace["marker"]["opacity"] == 0
    at = trace["customdata"].index("01")
    assert trace["text"][at] == "Hà Nội: 92,57" and trace["text"][at - 1] == ""
    assert (trace["x"][at], trace["y"][at]) == centre(*shapes["01"])

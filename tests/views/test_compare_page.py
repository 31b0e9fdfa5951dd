"""The compare view under AppTest: several units over the years, from a link."""

import base64
import json
import math

import numpy as np
import pytest
from conftest import open_view

LINK = {"index": "PAPI", "compare": "01,79,48,06-2004"}  # Bắc Kạn 2004-2024 has ended


def plain(values: object) -> list:
    """A trace's x or y as a list: plotly sends numeric arrays base64-encoded ({dtype, bdata});
    a missing point (a gap) is None."""
    if isinstance(values, dict):
        values = np.frombuffer(base64.b64decode(values["bdata"]), values["dtype"]).tolist()
    return [None if v is None or (isinstance(v, float) and math.isnan(v)) else v for v in values]


def traces(app) -> list[dict]:
    data = json.loads(app.get("plotly_chart")[0].proto.spec)["data"]
    return [{**trace, "x": plain(trace["x"]), "y": plain(trace["y"])} for trace in data]


def score_lines(app) -> dict[str, list[dict]]:
    """Each unit's score traces (the top panel), by unit name."""
    found: dict[str, list[dict]] = {}
    for trace in traces(app):
        if trace.get("yaxis", "y") == "y":
            found.setdefault(trace["name"], []).append(trace)
    return found


def test_the_link_reproduces_four_units_with_an_ended_one(app):
    open_view(app, "compare", **LINK)
    assert app.multiselect(key="compare_units").value == ["01", "79", "48", "06-2004"]
    assert app.selectbox(key="index").value == "PAPI"
    assert list(score_lines(app)) == ["Hà Nội", "TP. Hồ Chí Minh", "Đà Nẵng", "Bắc Kạn"]
    assert app.query_params["compare"] == "01,79,48,06-2004"


def joined(trace: dict) -> list[tuple]:
    """The segments plotly draws: consecutive points that both have a value."""
    points = list(zip(trace["x"], trace["y"], strict=True))
    return [(a, b) for (a, ya), (b, yb) in zip(points, points[1:], strict=False) if ya and yb]


def test_papi_2011_to_2024_splits_every_line_at_the_2018_break(app):
    open_view(app, "compare", **LINK)
    for name, parts in score_lines(app).items():
        years = [x for part in parts for x, y in zip(part["x"], part["y"], strict=True) if y]
        assert (min(years), max(years)) == (2011, 2024), name
        segments = [s for part in parts for s in joined(part)]
        assert (2016, 2017) in segments and (2018, 2019) in segments, name
        assert not [(a, b) for a, b in segments if a < 2018 <= b], name


def test_ranks_are_never_joined_across_the_break(app):
    open_view(app, "compare", **LINK)
    ranks = [t for t in traces(app) if t.get("yaxis") == "y2"]
    assert len(ranks) == 4
    for trace in ranks:
        assert joined(trace), trace["name"]
        assert not [(a, b) for a, b in joined(trace) if a < 2018 <= b], trace["name"]


def test_the_table_and_the_gain_sentence(app):
    open_view(app, "compare", **LINK, since="2018")
    table = app.dataframe[0].value
    assert list(table.index) == ["Hà Nội", "TP. Hồ Chí Minh", "Đà Nẵng", "Bắc Kạn"]
    assert table.loc["Hà Nội", "2024"].startswith("43,77")
    said = [m.value for m in app.markdown if m.value.startswith("Từ năm 2018")]
    assert said and "Hà Nội tăng nhiều nhất trong 4 tỉnh, thành phố" in said[0]


def test_the_view_opens_on_hanoi_and_the_centrally_run_cities_in_english(app):
    open_view(app, "compare", lang="en")
    assert app.title[0].value == "Provinces compared over the years"
    assert app.multiselect(key="compare_units").value == ["01", "31", "46", "48", "79", "92"]


def test_a_changed_set_goes_into_the_link(app):
    open_view(app, "compare", **LINK)
    app.multiselect(key="compare_units").set_value(["06-2004", "01"]).run()
    assert not app.exception
    assert app.query_params["compare"] == "06-2004,01"
    assert list(score_lines(app)) == ["Bắc Kạn", "Hà Nội"]


@pytest.mark.parametrize(
    "index, indicator",
    [("PAR", "headline"), ("SIPAS", "headline"), ("PCI", "headline"), ("PAPI", "D2_transparency")],
)
def test_every_index_and_a_component_open_without_error(app, index, indicator):
    open_view(app, "compare", index=index, compare_indicator=indicator)
    assert app.selectbox(key="compare_indicator").value == indicator
    assert app.get("plotly_chart") and app.dataframe

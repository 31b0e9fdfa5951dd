"""scores/charts/map_key.py: a unit's shade by its share of the value range, the grey of units
without a value (kept apart from the palest shade), the colour bar and the key naming grey."""

from types import SimpleNamespace

import pytest

from scores.charts.map_key import MISSING, colour_bar, fill, no_data_key, shade


def rgb(colour: str) -> tuple[int, ...]:
    if colour.startswith("#"):
        return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return tuple(int(v) for v in colour[4:-1].split(","))


def row(value: float | None) -> SimpleNamespace:
    return SimpleNamespace(value=value)


def test_the_lowest_value_is_not_as_light_as_the_grey_of_no_data():
    lowest = fill(row(45.0), 45.0, 70.0)
    assert lowest == shade(0)
    # clearly darker, not a shade of the same grey
    assert sum(rgb(MISSING)) - sum(rgb(lowest)) > 60


def test_a_unit_without_a_value_or_without_a_row_is_grey():
    assert fill(None, 45.0, 70.0) == MISSING
    assert fill(row(float("nan")), 45.0, 70.0) == MISSING


def test_a_higher_value_is_a_darker_shade_and_one_value_alone_the_middle():
    low, middle, high = (fill(row(v), 45.0, 70.0) for v in (45.0, 57.5, 70.0))
    assert sum(rgb(low)) > sum(rgb(middle)) > sum(rgb(high))
    assert fill(row(60.0), 60.0, 60.0) == shade(0.5) == middle


def test_the_colour_bar_spans_the_values_and_is_titled_with_the_unit():
    bar = colour_bar(45.0, 70.0, "Điểm")["marker"]
    assert (bar["cmin"], bar["cmax"]) == (45.0, 70.0)
    assert bar["colorscale"][0] == [0.0, shade(0)] and bar["colorscale"][-1] == [1.0, shade(1)]
    assert bar["colorbar"]["title"]["text"] == "Điểm"


@pytest.mark.parametrize(("lang", "name"), [("vi", "Không có số liệu"), ("en", "No data")])
def test_the_key_names_the_grey_in_the_language(lang, name):
    key = no_data_key(lang)
    assert key["name"] == name and key["marker"]["color"] == MISSING and key["showlegend"]

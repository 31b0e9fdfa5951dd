"""Charts are pure functions: check what a reader would see in the figure they return."""

import pandas as pd

from scores import charts

FIELD = pd.DataFrame(
    {
        "province_code": ["48", "22", "01", "31", "06", "02"],
        "name": ["Đà Nẵng", "Quảng Ninh", "Hà Nội", "Hải Phòng", "Bắc Kạn", "Hà Giang"],
        "value": [70.0, 65.6, 60.74, 60.1, 55.0, None],
        "rank": pd.array([1, 2, 3, 4, 5, 6], dtype="Int64"),
    }
)


def test_ranked_bars_colour_the_focus_and_format_by_language():
    figure = charts.ranked_bars(FIELD.dropna(subset=["value"]), "01", "vi", "PCI 2016")
    bar = figure.data[0]
    assert list(bar.y) == ["1. Đà Nẵng", "2. Quảng Ninh", "3. Hà Nội", "4. Hải Phòng", "5. Bắc Kạn"]
    assert [c == charts.FOCUS for c in bar.marker.color] == [False, False, True, False, False]
    assert bar.text[2] == "60,74" and figure.layout.separators == ",."


def test_top_cutoff_line_only_when_more_than_five_are_ranked():
    six = FIELD.fillna({"value": 50.0})
    assert len(charts.ranked_bars(six, "01", "en", "x").layout.shapes) == 1
    assert len(charts.ranked_bars(six.head(5), "01", "en", "x").layout.shapes) == 0


def test_map_draws_every_unit_of_the_year_grey_where_missing():
    figure = charts.choropleth(FIELD, 2016, "01", "en", "PCI 2016")
    provinces = [trace for trace in figure.data if trace.fill == "toself"]
    assert len(provinces) == 63
    grey = [t for t in provinces if t.fillcolor == "#E6E9ED"]
    assert len(grey) == 63 - 5  # Hà Giang has a row but no value; 57 have no row at all
    assert provinces[-1].line.color == charts.FOCUS  # the focus is drawn last, on top
    units_2025 = charts.choropleth(FIELD, 2025, "01", "en", "x").data
    assert len([trace for trace in units_2025 if trace.fill == "toself"]) == 34


def test_sparkline_breaks_where_the_method_changes():
    history = pd.DataFrame(
        {
            "year": [2016, 2017, 2018, 2019],
            "value": [34.1, 34.6, 42.3, 41.5],
            "indicator": ["papi_total_6dim_unweighted"] * 2 + ["papi_total_8dim"] * 2,
        }
    )
    figure = charts.sparkline(history, "vi")
    assert [list(trace.x) for trace in figure.data] == [[2016, 2017], [2018, 2019]]

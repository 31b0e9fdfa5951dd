"""Ranked bars and the map, pure functions: what a reader would see in the figure they return
(the other charts have their module's file: test_trends.py, test_components.py...)."""

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


def test_bars_start_at_zero_and_the_top_five_line_is_the_national_one():
    peers = FIELD.iloc[[0, 2, 3]]  # Đà Nẵng (1st), Hà Nội (3rd), Hải Phòng (4th)
    figure = charts.ranked_bars(peers, "01", "en", "x", top_value=55.0)
    assert figure.layout.xaxis.rangemode == "tozero"
    [line] = figure.layout.shapes
    assert (line.y0, line.y1) == (2.5, 2.5)  # under the three that are in the national top 5
    assert "National top 5: from 55.00" in figure.layout.title.text
    tenth = pd.DataFrame(
        {
            "province_code": ["01", "79"],
            "name": ["Hà Nội", "TP. Hồ Chí Minh"],
            "value": [61.0, 60.0],
            "rank": pd.array([10, 12], dtype="Int64"),
        }
    )
    [line] = charts.ranked_bars(tenth, "01", "en", "x", top_value=63.5).layout.shapes
    assert (line.x0, line.x1) == (63.5, 63.5)  # no 10th-placed province inside the top 5
    assert charts.ranked_bars(peers, "01", "en", "x").layout.shapes == ()


def test_phone_bars_show_the_top_the_focus_and_its_neighbours():
    field = pd.DataFrame(
        {
            "province_code": [f"{n:02d}" for n in range(1, 21)],
            "name": [f"P{n}" for n in range(1, 21)],
            "value": [100.0 - n for n in range(1, 21)],
            "rank": pd.array(range(1, 21), dtype="Int64"),
        }
    )
    long_title = "Hà Nội xếp thứ 15/20 · PCI 2016: PCI (có trọng số)"
    figure = charts.ranked_bars(field, "15", "vi", long_title, 95.0, top=3, around=1, wrap=28)
    bar = figure.data[0]
    assert [label.strip("\u00a0") for label in bar.y] == [
        *["1. P1", "2. P2", "3. P3", "⋯", "14. P14", "15. P15", "16. P16", "⋯"]
    ]
    assert len(set(bar.y)) == len(bar.y)  # plotly would draw two "⋯" rows as one
    assert [c == charts.FOCUS for c in bar.marker.color].index(True) == 5
    assert list(bar.text)[3] == "" and list(bar.text)[5] == "85,00"
    assert all(len(line) <= 28 for line in figure.layout.title.text.split("<br>")[:2])
    assert figure.layout.shapes[0].y0 == 2.5  # the top-5 line under the three shown
    # In the top 10 already: nothing left out before it; the full chart is unchanged.
    near = charts.ranked_bars(field, "02", "vi", "x", top=3, around=1).data[0]
    assert [label.strip("\u00a0") for label in near.y] == ["1. P1", "2. P2", "3. P3", "⋯"]
    assert len(charts.ranked_bars(field, "15", "vi", long_title, 95.0).data[0].y) == 20


def test_map_draws_every_unit_of_the_year_grey_where_missing():
    figure = charts.choropleth(FIELD, 2016, "01", "en", "PCI 2016")
    provinces = [trace for trace in figure.data if trace.fill == "toself"]
    assert len(provinces) == 63
    grey = [t for t in provinces if t.fillcolor == "#E6E9ED"]
    assert len(grey) == 63 - 5  # Hà Giang has a row but no value; 57 have no row at all
    assert provinces[-1].line.color == charts.FOCUS  # the focus is drawn last, on top
    units_2025 = charts.choropleth(FIELD, 2025, "01", "en", "x").data
    assert len([trace for trace in units_2025 if trace.fill == "toself"]) == 34


def test_a_phones_map_puts_its_scale_under_it_and_wraps_its_title():
    title = "Hà Nội xếp thứ 3/63 · PCI 2016: PCI (có trọng số)"
    wide = charts.choropleth(FIELD, 2016, "01", "vi", title, "Điểm")
    narrow = charts.choropleth(FIELD, 2016, "01", "vi", title, "Điểm", wrap=28)
    [scale] = [trace for trace in narrow.data if trace.marker.showscale]
    assert scale.marker.colorbar.orientation == "h" and scale.marker.colorbar.y < 0
    assert all(len(line) <= 28 for line in narrow.layout.title.text.split("<br>"))
    assert len(narrow.data) == len(wide.data) and wide.layout.title.text == title

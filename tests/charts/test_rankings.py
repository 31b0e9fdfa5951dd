"""scores/charts/rankings.py on published tables: the ranked bars (best first, the focus in its
colour, the national top-5 line, a phone's shortened view, a release without ranks) and the
scatter of one index against another."""

import pandas as pd
import pytest
from conftest import headline_table

from scores import charts
from scores.analysis.standings import national_cutoff, pair
from scores.charts.base import PALETTE


@pytest.fixture(scope="module")
def pci(ro) -> pd.DataFrame:
    """PCI 2016 as published: 63 provinces ranked; Đà Nẵng 1st (70.00), Lào Cai 5th (63.49),
    Hà Nội 14th (60.74)."""
    return headline_table(ro, "PCI", 2016)


def labels(figure) -> list[str]:
    return [label.strip("\u00a0") for label in figure.data[0].y]


def focused(figure) -> list[int]:
    return [i for i, colour in enumerate(figure.data[0].marker.color) if colour == charts.FOCUS]


def test_every_province_is_a_bar_best_first_with_its_rank_and_the_focus_coloured(pci):
    figure = charts.ranked_bars(pci, "01", "vi", "PCI 2016")
    bar = figure.data[0]
    assert len(bar.y) == 63
    assert labels(figure)[:2] == ["1. Đà Nẵng", "2. Quảng Ninh"]
    assert labels(figure)[13] == "14. Hà Nội" and focused(figure) == [13]
    assert bar.text[13] == "60,74" and figure.layout.separators == ",."
    assert list(bar.customdata[:2]) == ["48", "22"]  # a click names the province
    assert figure.layout.xaxis.rangemode == "tozero"
    assert figure.layout.yaxis.autorange == "reversed"  # the first bar at the top
    assert figure.layout.height == 90 + 30 * 63  # a row for each bar
    [line] = charts.ranked_bars(pci, "01", "vi", "x", national_cutoff(pci)).layout.shapes
    assert line.y0 == line.y1 == 4.5  # under the fifth bar


def test_in_english_the_figures_take_a_decimal_point(ro):
    figure = charts.ranked_bars(headline_table(ro, "PCI", 2016, "en"), "01", "en", "PCI 2016")
    assert labels(figure)[13] == "14. Hanoi" and figure.data[0].text[13] == "60.74"
    assert figure.layout.separators == ".,"


def test_the_national_top_5_line_falls_under_the_peers_inside_it(pci):
    cutoff = national_cutoff(pci)
    assert round(cutoff, 2) == 63.49  # Lào Cai, 5th
    # The five centrally-run cities of 2016: Đà Nẵng 1st is in the national top 5, no other is.
    cities = pci[pci["central_city_since"].le(2016).fillna(False)]
    figure = charts.ranked_bars(cities, "01", "vi", "PCI 2016", cutoff)
    assert labels(figure)[:2] == ["1. Đà Nẵng", "8. TP. Hồ Chí Minh"] and len(labels(figure)) == 5
    [line] = figure.layout.shapes
    assert (line.y0, line.y1) == (0.5, 0.5)  # under Đà Nẵng, above the 8th
    assert "Ngưỡng nhóm 5 đứng đầu cả nước: từ 63,49" in figure.layout.title.text


def test_peers_outside_the_top_5_get_a_line_where_its_score_starts(pci):
    cities = pci[pci["central_city_since"].le(2016).fillna(False) & (pci["province_code"] != "48")]
    [line] = charts.ranked_bars(cities, "01", "en", "x", national_cutoff(pci)).layout.shapes
    # Not a line under some bar: no province ranked 14th is drawn inside the top 5.
    assert line.x0 == line.x1 == national_cutoff(pci) and line.yref == "y domain"
    assert charts.ranked_bars(cities, "01", "en", "x").layout.shapes == ()


def test_a_phone_sees_the_top_three_and_the_focus_between_its_neighbours(pci):
    title = "Hà Nội xếp thứ 14/63 · PCI 2016: PCI (có trọng số)"
    figure = charts.ranked_bars(pci, "01", "vi", title, national_cutoff(pci), top=3, wrap=28)
    shown = labels(figure)
    assert shown[:4] == ["1. Đà Nẵng", "2. Quảng Ninh", "3. Đồng Tháp", "⋯"]
    assert [s.split(".")[0] for s in shown[4:9]] == ["12", "13", "14", "15", "16"]
    assert shown[9:] == ["⋯"] and focused(figure) == [6]
    assert len(set(figure.data[0].y)) == len(shown)  # plotly would draw two "⋯" rows as one
    assert figure.data[0].text[3] == "" and figure.data[0].text[6] == "60,74"
    lines = figure.layout.title.text.split("<br>")
    assert len(lines) > 2 and all(len(line) <= 28 for line in lines[:2])
    assert figure.layout.shapes[0].y0 == 2.5  # the top-5 line under the three shown


def test_a_focus_near_the_top_leaves_out_only_the_rest(pci):
    figure = charts.ranked_bars(pci, "22", "vi", "x", top=3, around=1)
    assert labels(figure) == ["1. Đà Nẵng", "2. Quảng Ninh", "3. Đồng Tháp", "⋯"]


def test_a_release_without_ranks_shows_names_alone_and_no_top_5_line(ro):
    papi = headline_table(ro, "PAPI", 2014)  # 61 provinces, no rank published
    assert papi["rank"].isna().all() and national_cutoff(papi) is None
    figure = charts.ranked_bars(papi, "01", "vi", "PAPI 2014", national_cutoff(papi))
    assert len(figure.data[0].y) == 61 and labels(figure)[0] == "Quảng Trị"
    assert figure.layout.shapes == () and "cả nước" not in figure.layout.title.text
    assert labels(figure)[focused(figure)[0]] == "Hà Nội"


def test_a_province_without_a_value_has_no_bar(pci):
    missing = pci.assign(value=pci["value"].where(pci["province_code"] != "48"))
    figure = charts.ranked_bars(missing, "01", "vi", "x")
    assert len(figure.data[0].y) == 62 and labels(figure)[0] == "2. Quảng Ninh"


@pytest.fixture(scope="module")
def both(ro, pci) -> pd.DataFrame:
    """PCI 2016 against PAPI 2014's headline, the provinces both have (61)."""
    return pair(pci, headline_table(ro, "PAPI", 2014))


def test_the_scatter_marks_the_focus_and_names_it_on_the_chart(both):
    figure = charts.scatter(both, "01", "vi", "PCI và PAPI", "PCI 2016", "PAPI 2014")
    points = figure.data[0]
    assert len(points.x) == 61
    at = list(points.customdata).index("01")
    assert [c == charts.FOCUS for c in points.marker.color].count(True) == 1
    assert points.marker.color[at] == charts.FOCUS and points.marker.size[at] == 16
    assert {c for i, c in enumerate(points.marker.color) if i != at} == {PALETTE[0]}
    [note] = figure.layout.annotations
    assert note.text == "<b>Hà Nội</b>"
    assert (round(note.x, 2), round(note.y, 2)) == (60.74, 35.80)
    assert figure.layout.xaxis.title.text == "PCI 2016"
    assert figure.layout.yaxis.title.text == "PAPI 2014"


def test_a_province_missing_either_value_is_not_a_point_and_an_absent_focus_no_label(both):
    gap = both.assign(y=both["y"].where(both["province_code"] != "01"))
    figure = charts.scatter(gap, "01", "en", "x", "PCI", "PAPI")
    assert len(figure.data[0].x) == 60 and "01" not in list(figure.data[0].customdata)
    assert figure.layout.annotations == ()

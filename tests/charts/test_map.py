"""The map of Vietnam: both archipelagos drawn and named, a titled colour bar, a key for no data."""

import pandas as pd
import pytest
from conftest import headline_table

from scores import charts, i18n
from scores.charts.targets_on_map import NAME as CLICK_TARGETS
from scores.config import DATA_DIR

MISSING = "#E6E9ED"  # the grey of units without a value
# Đà Nẵng, Khánh Hòa and Hà Nội keep their codes across 2025; every other unit has no value.
FIELD = pd.DataFrame(
    {
        "province_code": ["48", "56", "01"],
        "name": ["Đà Nẵng", "Khánh Hòa", "Hà Nội"],
        "value": [70.0, 55.5, 60.74],
        "rank": pd.array([1, 3, 2], dtype="Int64"),
    }
)
NAMES = {
    "vi": ("Quần đảo Hoàng Sa (Đà Nẵng)", "Quần đảo Trường Sa (Khánh Hòa)"),
    "en": ("Hoang Sa (Paracel) Islands (Da Nang)", "Truong Sa (Spratly) Islands (Khanh Hoa)"),
}
# Where the islands are (the unit's polygons east of 110° E in data/geo), in the order of NAMES:
# the bounds of their longitudes and latitudes.
WHERE = [((111.2, 112.9), (15.7, 17.0)), ((113.9, 115.1), (9.5, 11.1))]
CASES = [(year, lang) for year in (2016, 2025) for lang in ("vi", "en")]


def _labels(figure) -> list[str]:
    texts = [trace for trace in figure.data if trace.mode == "text"]
    return [text.replace("<br>", " ") for trace in texts for text in trace.text]


def _islands(figure) -> dict[str, tuple]:
    """Island markers by archipelago (the name they hover with): their longitudes and latitudes."""
    return {
        trace.hovertext: (trace.x, trace.y)
        for trace in figure.data
        if trace.mode == "markers" and trace.x[0] is not None and trace.name != CLICK_TARGETS
    }


@pytest.mark.parametrize(("year", "lang"), CASES)
def test_both_archipelagos_are_named_in_the_language(year, lang):
    figure = charts.choropleth(FIELD, year, "01", lang, "PCI")
    assert sorted(_labels(figure)) == sorted(NAMES[lang])
    labels = [trace for trace in figure.data if trace.mode == "text"]
    assert all(trace.textfont.size >= 16 for trace in labels)  # read at 1920x1080


@pytest.mark.parametrize(("year", "lang"), CASES)
def test_island_markers_sit_at_their_real_places_inside_the_axes(year, lang):
    figure = charts.choropleth(FIELD, year, "01", lang, "PCI")
    islands = _islands(figure)
    assert sorted(islands) == sorted(NAMES[lang])
    (x_low, x_high), (y_low, y_high) = figure.layout.xaxis.range, figure.layout.yaxis.range
    for name, ((west, east), (south, north)) in zip(NAMES[lang], WHERE, strict=True):
        lons, lats = islands[name]
        assert len(lons) >= 5  # one marker per island, not one symbol for the group
        assert all(west <= x <= east and x_low < x < x_high for x in lons)
        assert all(south <= y <= north and y_low < y < y_high for y in lats)
    for label in (trace for trace in figure.data if trace.mode == "text"):
        assert x_low < label.x[0] < x_high and y_low < label.y[0] < y_high


@pytest.mark.parametrize("year", [2016, 2025])
def test_the_axes_hold_every_shape_so_nothing_is_cropped(year):
    figure = charts.choropleth(FIELD, year, "01", "vi", "PCI")
    (x_low, x_high), (y_low, y_high) = figure.layout.xaxis.range, figure.layout.yaxis.range
    for trace in figure.data:
        assert all(x_low < x < x_high for x in trace.x if x is not None)
        assert all(y_low < y < y_high for y in trace.y if y is not None)
    assert figure.layout.yaxis.scaleanchor == "x"  # shapes keep their proportions


def test_islands_take_their_units_colour_and_outline_the_focus():
    figure = charts.choropleth(FIELD, 2016, "48", "vi", "PCI")
    hoang_sa, truong_sa = (
        next(t for t in figure.data if t.mode == "markers" and t.hovertext == name)
        for name in NAMES["vi"]
    )
    units = {trace.name.split("</b>")[0][3:]: trace for trace in figure.data if trace.fill}
    assert hoang_sa.marker.color == units["Đà Nẵng"].fillcolor
    assert truong_sa.marker.color == units["Khánh Hòa"].fillcolor
    assert hoang_sa.marker.color != truong_sa.marker.color  # 70 and 55.5 are different shades
    assert hoang_sa.marker.line.color == charts.FOCUS != truong_sa.marker.line.color


@pytest.mark.parametrize(
    ("year", "lang", "key"), [(2016, "vi", "Không có số liệu"), (2025, "en", "No data")]
)
def test_a_legend_entry_says_what_grey_means(year, lang, key):
    figure = charts.choropleth(FIELD, year, "01", lang, "PCI")
    entries = [trace for trace in figure.data if trace.showlegend is not False]
    assert [trace.name for trace in entries] == [key]
    assert entries[0].marker.color == MISSING  # the grey the units without a value have
    assert figure.layout.showlegend is True and figure.layout.legend.font.size >= 16


def test_no_grey_key_when_every_unit_has_a_value():
    codes = list(charts.outlines(2025))
    full = pd.DataFrame(
        {"province_code": codes, "name": codes, "value": range(len(codes)), "rank": None}
    )
    figure = charts.choropleth(full, 2025, "01", "vi", "PCI")
    assert all(trace.showlegend is False for trace in figure.data)


@pytest.mark.parametrize(
    ("lang", "unit_label", "title"),
    [("vi", "Điểm", "Điểm"), ("en", "%", "%"), ("vi", "", "Giá trị"), ("en", "", "Value")],
)
def test_the_colour_bar_is_titled_with_its_unit(lang, unit_label, title):
    figure = charts.choropleth(FIELD, 2016, "01", lang, "PCI", unit_label)
    bars = [trace.marker.colorbar for trace in figure.data if trace.marker.showscale]
    assert len(bars) == 1 and bars[0].title.text == title


def test_every_index_has_a_unit_for_the_colour_bar_in_both_languages():
    indices = pd.read_csv(DATA_DIR / "indices.csv")
    codes = indices.loc[indices["unit_set"] == "province", "index_code"]  # the map is of provinces
    for lang in ("vi", "en"):
        units = {code: i18n.t(f"map.unit_{code}", lang) for code in codes}
        assert not [code for code, unit in units.items() if unit.startswith("map.")]
    assert i18n.t("map.unit_PAR", "vi") == "%" and i18n.t("map.unit_PCI", "vi") == "Điểm"


@pytest.fixture(scope="module")
def five(ro) -> pd.DataFrame:
    """Five rows of PCI 2016 as published, and Hà Giang's row without its value."""
    table = headline_table(ro, "PCI", 2016)
    table = table[table["province_code"].isin(["48", "22", "01", "31", "06", "02"])]
    return table.assign(value=table["value"].where(table["province_code"] != "02"))


def test_map_draws_every_unit_of_the_year_grey_where_missing(five):
    figure = charts.choropleth(five, 2016, "01", "en", "PCI 2016")
    provinces = [trace for trace in figure.data if trace.fill == "toself"]
    assert len(provinces) == 63
    grey = [t for t in provinces if t.fillcolor == MISSING]
    assert len(grey) == 63 - 5  # Hà Giang has a row but no value; 57 have no row at all
    assert provinces[-1].line.color == charts.FOCUS  # the focus is drawn last, on top
    units_2025 = charts.choropleth(five, 2025, "01", "en", "x").data
    assert len([trace for trace in units_2025 if trace.fill == "toself"]) == 34


def test_a_phones_map_puts_its_scale_under_it_and_wraps_its_title(five):
    title = "Hà Nội xếp thứ 14/63 · PCI 2016: PCI (có trọng số)"
    wide = charts.choropleth(five, 2016, "01", "vi", title, "Điểm")
    narrow = charts.choropleth(five, 2016, "01", "vi", title, "Điểm", wrap=28)
    [scale] = [trace for trace in narrow.data if trace.marker.showscale]
    assert scale.marker.colorbar.orientation == "h" and scale.marker.colorbar.y < 0
    assert all(len(line) <= 28 for line in narrow.layout.title.text.split("<br>"))
    assert len(narrow.data) == len(wide.data) and wide.layout.title.text == title

"""Charts are pure functions: check what a reader would see in the figure they return."""

import pandas as pd
import pytest

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


def segments(trace) -> list[list[int]]:
    """The runs of consecutive points a line trace draws (plotly stops at an empty y)."""
    runs, run = [], []
    for x, y in zip(trace.x, trace.y, strict=True):
        if y is None or y != y:
            runs, run = runs + [run] if run else runs, []
        else:
            run.append(x)
    return runs + [run] if run else runs


PAR_HANOI = pd.DataFrame(
    {
        "year": [2012, 2018, 2022, 2023, 2024],
        "value": [82.79, 83.98, 89.58, 91.43, 92.57],
        "rank": [None, 2, 3, 3, 3],
        "units": [63] * 5,
        "indicator": ["par_index_total"] * 5,
    }
)


def test_a_missing_year_is_a_gap_and_a_break_splits_the_line():
    figure = charts.target_value(PAR_HANOI, 85.0, pd.DataFrame(), "vi", "PAR", breaks=(2023,))
    assert segments(figure.data[0]) == [[2012], [2018], [2022], [2023, 2024]]
    spark = charts.sparkline(PAR_HANOI, "vi", breaks=(2023,))
    assert segments(spark.data[0]) == [[2012], [2018], [2022], [2023, 2024]]


def test_ranks_of_63_and_of_34_units_are_not_joined():
    history = pd.DataFrame({"year": [2023, 2024, 2025], "rank": [3, 3, 2], "units": [63, 63, 34]})
    figure = charts.target_rank(history, 5, 63, "en", "PAR")
    assert segments(figure.data[0]) == [[2023, 2024], [2025]]


def test_breaks_are_labelled_once():
    papi = pd.DataFrame({"year": range(2014, 2021), "value": [35.0] * 7, "indicator": "x"})
    figure = charts.target_value(papi, None, pd.DataFrame(), "vi", "PAPI", breaks=(2016, 2018))
    assert len(figure.layout.shapes) == 2
    assert [a.text for a in figure.layout.annotations] == ["Đổi phương pháp (2016, 2018)"]


def test_heatmap_rows_keep_apart_codes_that_share_a_name():
    frame = pd.DataFrame(
        {
            "indicator": ["D3.2_pib", "D3.2_pib", "D3.3_pib", "D1.1"],
            "year": [2014, 2015, 2016, 2016],
            "percentile": [0.2, 0.3, 0.9, 0.5],
        }
    )
    labels = {"D1.1": "Tri thức công dân", "D3.2_pib": "Ban Thanh tra nhân dân"}
    labels["D3.3_pib"] = "Ban Thanh tra nhân dân"
    figure = charts.percentile_heatmap(frame, labels, [], "vi", "x")
    rows = list(figure.data[0].y)
    assert len(set(rows)) == 3
    assert "Ban Thanh tra nhân dân (2014–2015)" in rows and "Ban Thanh tra nhân dân (2016)" in rows


@pytest.mark.parametrize(("rows", "years", "numbers"), [(35, 14, True), (60, 30, False)])
def test_heatmap_numbers_its_cells_up_to_the_largest_real_grid(rows, years, numbers):
    """PAPI's sub-dimensions (35 x 14) keep a number in every cell; a 60 x 30 grid is colours
    only, the number on hover (its 1,800 labels took the browser seconds to draw)."""
    frame = pd.DataFrame(
        [(f"c{row}", 2000 + year, 0.5) for row in range(rows) for year in range(years)],
        columns=["indicator", "year", "percentile"],
    )
    labels = {f"c{row}": f"Chỉ số {row}" for row in range(rows)}
    trace = charts.percentile_heatmap(frame, labels, [], "vi", "x").data[0]
    assert (trace.texttemplate == "%{text}") is numbers
    assert trace.text[0][0] == "50" and "%{z:.0f}" in trace.hovertemplate


def test_component_bars_keep_their_legend_under_the_title_growing_downwards():
    """Anchored to the bars, a legend that wraps to four rows on a phone grew into the title."""
    table = pd.DataFrame(
        {
            "indicator": ["entry_costs", "land_access"],
            "value": [5.2, 6.1],
            "median": [5.5, 6.0],
            "top5": [6.0, 6.5],
            "best": [6.5, 7.0],
        }
    )
    labels = {"entry_costs": "Chi phí gia nhập thị trường", "land_access": "Tiếp cận đất đai"}
    figure = charts.component_bars(table, labels, "vi", "PCI 2016: Hà Nội so với cả nước")
    legend, heading, height = figure.layout.legend, figure.layout.title, figure.layout.height
    assert (legend.yref, legend.yanchor, heading.yref, heading.yanchor) == (
        "container",
        "top",
        "container",
        "top",
    )
    assert (1 - legend.y) * height > (1 - heading.y) * height + 30  # under the title's line
    assert figure.layout.showlegend is True

"""Component charts: the percentile heatmap and the component bars, as a reader sees them."""

import pandas as pd
import pytest

from scores import charts


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

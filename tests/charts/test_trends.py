"""Trend lines: sparklines and the target charts, gaps and breaks never bridged."""

import pandas as pd

from scores import charts


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

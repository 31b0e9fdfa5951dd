"""Sub-indicator analysis on a tiny field of provinces."""

import pandas as pd
import pytest

from scores.analysis.components import components, weak_points

ITEMS = pd.DataFrame({"indicator": ["land", "cost"], "higher_is_better": [True, False]}).set_index(
    "indicator"
)
VALUES = pd.DataFrame(
    {
        "province_code": ["01", "02", "03", "04", "05", "06"] * 2,
        "indicator": ["land"] * 6 + ["cost"] * 6,
        "value": [4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0],
    }
)


def test_each_component_against_median_top5_and_best():
    table = components(VALUES, "01", ITEMS, 6).set_index("indicator")
    assert table.loc["land", ["value", "median", "top5", "best", "best_code", "gap"]].tolist() == [
        4.0,
        6.5,
        7.0,
        9.0,
        "06",
        5.0,
    ]
    assert table.loc["land", "percentile"] == pytest.approx(100 / 6)
    # Lower is better for cost: province 01 is the best.
    assert table.loc["cost", ["best", "best_code", "gap", "percentile"]].tolist() == [
        2.0,
        "01",
        0.0,
        100.0,
    ]


def test_weak_points_flag_and_order():
    history = pd.DataFrame(
        {"indicator": ["land"] * 3, "year": [2014, 2015, 2016], "value": [6.0, 5.0, 4.0]}
    )
    table = weak_points(components(VALUES, "01", ITEMS, 6), history, 2016, {"land": 20.0}, {})
    assert table["indicator"].tolist() == ["land", "cost"]
    land = table.iloc[0]
    assert (land["change"], land["fell_twice"], land["bottom_third"]) == (-1.0, True, True)
    assert land["points_lost"] == pytest.approx(10.0)  # 5 sub-index points x 20 % weight
    assert pd.isna(table.iloc[1]["points_lost"]) and not table.iloc[1]["bottom_third"]


def test_no_comparison_for_a_component_only_a_few_provinces_have():
    # A press release naming two provinces: no median, no percentile.
    table = components(VALUES[VALUES["province_code"].isin(["01", "06"])], "01", ITEMS, 6)
    assert table[["indicator", "value", "valued"]].values.tolist() == [
        ["cost", 2.0, 2],
        ["land", 4.0, 2],
    ]
    assert table[["median", "top5", "best", "percentile"]].isna().all().all()


def test_a_table_missing_a_few_provinces_is_still_compared_and_says_on_how_many():
    # Like PAPI 2024 (61 of 63): five of six provinces have values.
    table = components(VALUES[VALUES["province_code"] != "06"], "01", ITEMS, 6)
    land = table.set_index("indicator").loc["land"]
    assert (land["valued"], land["median"], land["best"]) == (5, 6.0, 8.0)
    assert land["percentile"] == pytest.approx(100 / 5)

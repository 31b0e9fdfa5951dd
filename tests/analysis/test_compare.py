"""Who gained most: in points within one method, in places across a break."""

import pandas as pd
import pytest

from scores.analysis.compare import gain_sentence, gains, table


def frame() -> pd.DataFrame:
    rows = [
        ("01", 2016, 36.0, 30, 63),
        ("01", 2018, 42.0, 20, 63),
        ("01", 2024, 43.5, 10, 63),
        ("48", 2016, 38.0, 5, 63),
        ("48", 2018, 45.0, 3, 63),
        ("48", 2024, 44.0, 12, 63),
        ("79", 2024, 42.8, 25, 63),  # nothing in the chosen year: left out
    ]
    found = pd.DataFrame(rows, columns=["unit_key", "year", "value", "rank", "units"])
    return found.assign(indicator="total")


NAMES = {"01": "Hà Nội", "48": "Đà Nẵng", "79": "TP. Hồ Chí Minh"}


def test_points_within_one_method_most_first():
    before = frame()
    found = gains(before, 2018, (2018,))
    assert list(found["unit_key"]) == ["01", "48"]
    assert found["measure"].tolist() == ["points", "points"]
    assert found["change"].tolist() == pytest.approx([1.5, -1.0])
    pd.testing.assert_frame_equal(before, frame())  # the input is not changed
    said = gain_sentence(found, NAMES, 2018, "vi")
    assert said == (
        "Từ năm 2018, Hà Nội tăng nhiều nhất trong 2 tỉnh, thành phố so được: "
        "+1,50 điểm (42,00 năm 2018, 43,50 năm 2024)."
    )


def test_places_across_a_break():
    found = gains(frame(), 2016, (2018,))
    assert found["measure"].tolist() == ["places", "places"]
    assert found["change"].tolist() == [20, -7]
    assert "+20 places" in gain_sentence(found, NAMES, 2016, "en")


def test_no_comparable_unit_is_said():
    assert gain_sentence(gains(frame(), 2024, ()), NAMES, 2024, "en").startswith("No chosen")


def test_table_is_one_row_per_unit_in_the_order_chosen():
    grid = table(frame(), {"48": "Đà Nẵng", "01": "Hà Nội"}, "vi")
    assert list(grid.index) == ["Đà Nẵng", "Hà Nội"]
    assert grid.loc["Hà Nội", "2024"] == "43,50 · 10/63"


def test_when_nobody_gained_the_sentence_says_who_fell_least():
    fell = frame()[frame()["unit_key"] == "48"]
    said = gain_sentence(gains(fell, 2018, ()), NAMES, 2018, "en")
    assert said == (
        "Since 2018, none of the 1 provinces that compare gained; Đà Nẵng fell least: "
        "−1.00 points (45.00 in 2018, 44.00 in 2024)."
    )

"""Analysis helpers on tiny frames: peers, rank changes, standings, target status."""

import pandas as pd
import pytest

from scores.analysis.standings import (
    breaks_for,
    change_arrow,
    national_cutoff,
    peers,
    rank_table,
    standing,
)
from scores.analysis.targets import target_status

FRAME = pd.DataFrame(
    {
        "province_code": ["48", "22", "01", "31", "06"],
        "name": ["Đà Nẵng", "Quảng Ninh", "Hà Nội", "Hải Phòng", "Bắc Kạn"],
        "value": [70.0, 65.6, 60.7, 60.1, 55.0],
        "rank": pd.array([1, 2, 14, 20, 60], dtype="Int64"),
        "rank_kind": ["published"] * 5,
        "region": [
            "north_central_central_coast",
            "red_river_delta",
            "red_river_delta",
            "red_river_delta",
            "northern_midlands_mountains",
        ],
        "central_city_since": [1997, None, 1976, 1976, None],
    }
)


@pytest.mark.parametrize(
    ("group", "custom", "codes"),
    [
        ("all", [], ["48", "22", "01", "31", "06"]),
        ("central_cities", [], ["48", "01", "31"]),
        ("region", [], ["22", "01", "31"]),
        ("top5", [], ["48", "22", "01"]),
        ("custom", ["06"], ["01", "06"]),
    ],
)
def test_peer_groups_always_keep_the_focus(group, custom, codes):
    before = FRAME.copy()
    assert peers(FRAME, group, "01", 2016, custom)["province_code"].tolist() == codes
    pd.testing.assert_frame_equal(FRAME, before)


def test_rank_table_compares_with_last_year():
    before = pd.DataFrame({"province_code": ["48", "01"], "rank": pd.array([2, 11], dtype="Int64")})
    table = rank_table(FRAME, before)
    assert table["previous_rank"].tolist()[:3] == [2, pd.NA, 11]
    assert [change_arrow(c) for c in table["change"]] == ["▲ 1", "–", "▼ 3", "–", "–"]


def test_standing_uses_the_previous_year_with_data():
    history = pd.DataFrame(
        {
            "year": [2019, 2020, 2024],
            "value": [80.09, 85.15, 86.5],
            "rank": [52, 33, 11],
            "units": [63, 63, 63],
            "rank_kind": ["published"] * 3,
            "coverage": ["partial"] * 3,
        }
    )
    found = standing(history)
    assert (found.year, found.previous_year, found.places_change) == (2024, 2020, 22)
    assert found.value_change == pytest.approx(1.35)


@pytest.mark.parametrize(
    ("kind", "threshold", "latest", "previous", "status"),
    [
        ("rank_at_most", 5, 3, 3, "met"),
        ("rank_at_most", 5, 5, 2, "at_risk"),
        ("rank_at_most", 5, 8, 12, "on_track"),
        ("rank_at_most", 5, 8, 6, "missed"),
        ("rank_at_most", 5, 8, None, "missed"),
        ("value_at_least", 85, 86.5, 85.15, "met"),
        ("value_at_least", 85, 85.5, 86.0, "at_risk"),
        ("value_at_least", 85, 84.0, 83.57, "on_track"),
        ("value_at_least", 85, None, 83.0, None),
    ],
)
def test_target_status(kind, threshold, latest, previous, status):
    assert target_status(kind, threshold, latest, previous) == status


def test_the_national_cutoff_is_the_score_ranked_fifth():
    frame = pd.DataFrame({"rank": pd.array([1, 5, None], dtype="Int64"), "value": [9.0, 7.5, 8.0]})
    assert national_cutoff(frame) == 7.5
    assert national_cutoff(frame.iloc[[0, 2]]) is None


def test_an_unranked_province_stands_where_its_score_puts_it():
    # PAR 2023 as published: Hải Phòng 91,87 (2nd) ahead of Hà Nội 91,43 (3rd), Đà Nẵng unranked.
    now = pd.DataFrame(
        {
            "rank": pd.array([3, None, 2], dtype="Int64"),
            "province_code": ["01", "48", "31"],
            "name": ["Hà Nội", "Đà Nẵng", "Hải Phòng"],
            "value": [91.43, 91.60, 91.87],
            "rank_kind": ["published", None, "published"],
        }
    )
    table = rank_table(now, now.iloc[0:0])
    assert table["name"].tolist() == ["Hải Phòng", "Đà Nẵng", "Hà Nội"]
    assert pd.isna(table["rank"].iloc[1])


def test_breaks_of_one_dimension_do_not_split_the_total():
    breaks = pd.DataFrame({"year": [2018, 2021], "indicator": [None, "D5_public_admin_procedures"]})
    assert breaks_for(breaks)["year"].tolist() == [2018]
    assert breaks_for(breaks, ["D5.1_x", "D5_public_admin_procedures"])["year"].tolist() == [
        2018,
        2021,
    ]

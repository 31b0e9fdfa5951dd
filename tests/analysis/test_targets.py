"""Judging targets: met, at risk, on track or missed; the gap to a target rank; the sentences
saying both."""

import pandas as pd
import pytest

from scores.analysis.targets import (
    Judged,
    RankGap,
    evaluate_target,
    rank_gap,
    rank_gap_sentence,
    target_sentence,
    target_status,
    value_gap_sentence,
)


@pytest.mark.parametrize(
    ("kind", "latest", "previous", "status"),
    [
        ("rank_at_most", 3, 4, "met"),
        ("rank_at_most", 5, 2, "at_risk"),  # met (5 <= 5) but worse than last year
        ("rank_at_most", 8, 12, "on_track"),
        ("rank_at_most", 8, 6, "missed"),
        ("rank_at_most", 8, None, "missed"),
        ("value_at_least", 91.0, 89.0, "met"),
        ("value_at_least", 90.5, 92.0, "at_risk"),
        ("value_at_least", 88.0, 86.0, "on_track"),
        ("value_at_least", 88.0, 88.0, "missed"),
        ("value_at_least", None, 88.0, None),
    ],
)
def test_status_from_the_latest_and_previous_figure(kind, latest, previous, status):
    threshold = 5 if kind == "rank_at_most" else 90.0
    assert target_status(kind, threshold, latest, previous) == status


HISTORY = pd.DataFrame(
    {"year": [2021, 2022, 2023, 2024], "value": [85.0, 88.0, None, 91.0], "rank": [9, 6, 4, None]}
)


def test_a_target_is_judged_on_the_latest_year_with_the_figure_it_needs():
    assert evaluate_target("value_at_least", 90.0, 2023, HISTORY) == Judged("met", 2024, 91.0, 88.0)
    assert evaluate_target("rank_at_most", 5, 2023, HISTORY) == Judged("met", 2023, 4, 6)


def test_a_target_with_no_figure_since_its_first_year_is_not_judged():
    assert evaluate_target("rank_at_most", 5, 2024, HISTORY) == Judged()


YEAR = pd.DataFrame(
    {
        "province_code": ["79", "01", "48", "31", "92"],
        "value": [93.0, 92.5, 91.0, 90.2, None],
        "rank": [1, 2, 3, 4, 5],
    }
)


def test_outside_the_target_rank_the_gap_is_the_points_to_its_edge():
    gap = rank_gap(YEAR, "31", 3)
    assert (gap.rank, gap.inside, gap.edge, gap.next, gap.leader) == (4, False, 91.0, 90.2, 93.0)
    assert gap.gap == pytest.approx(0.8)


def test_inside_the_target_rank_the_gap_is_the_cushion_over_the_next():
    gap = rank_gap(YEAR, "01", 3)
    # 92.5 over 90.2, the value of the first rank outside the target (4)
    assert (gap.rank, gap.inside) == (2, True) and gap.gap == pytest.approx(2.3)


def test_a_figure_the_release_lacks_leaves_the_gap_unknown():
    gap = rank_gap(YEAR, "92", 3)
    assert (gap.rank, gap.value, gap.gap) == (5, None, None)
    assert rank_gap(YEAR, "01", 4).gap is None  # nobody holds rank 5's value


def test_only_the_year_before_the_first_counts_as_the_previous_figure():
    # 2023 has no value: 2022's 88.0 is older than the year before 2024, so no trend is claimed.
    assert evaluate_target("value_at_least", 95.0, 2024, HISTORY) == Judged("missed", 2024, 91.0)


def test_target_sentence():
    assert target_sentence("SIPAS", "value_at_least", 85, "at_risk", "vi") == (
        "Mục tiêu SIPAS (đạt tối thiểu 85%): có nguy cơ."
    )
    assert target_sentence("PAR INDEX", "rank_at_most", 5, None, "en") == (
        "PAR INDEX target (among the top 5 provinces): no data to judge yet."
    )


def test_rank_gap_outside_the_top_five():
    gap = RankGap(rank=7, value=88.0, inside=False, edge=89.5, next=89.0, gap=1.5, leader=92.0)
    text = rank_gap_sentence(gap, 5, 2024, "complete", "en")
    assert text.startswith("In 2024 ranked 7, outside the top 5. It takes **1.50 points**")
    assert "in 2025" in text


def test_rank_gap_unknown_on_a_partial_release_says_why_in_vietnamese():
    gap = RankGap(rank=7, value=88.0, inside=False, edge=None, next=None, gap=None, leader=92.0)
    text = rank_gap_sentence(gap, 5, 2024, "partial", "vi")
    assert text == (
        "Năm 2024 xếp thứ 7, ngoài nhóm 5 đứng đầu. Hệ thống chưa có điểm của tỉnh đứng thứ 5"
        " nên chưa tính được số điểm cần tăng. Cách tỉnh đứng đầu 4,00 điểm."
        # why: the database lacks the 5th's score (never "the ministry published only part")
        " (Hệ thống chưa có đủ bảng số liệu năm đó; nhập bảng đầy đủ để tính được.)"
    )


def test_value_gap_above_and_below():
    assert value_gap_sentence(2024, 86.5, 85, "vi") == (
        "Năm 2024 đạt 86,50%, cao hơn mục tiêu 85% là **1,50 điểm**."
        " Năm 2025 cần giữ mức hài lòng không thấp hơn 85%."
    )
    assert value_gap_sentence(2024, 84.0, 85, "en") == (
        "In 2024: 84.00%, **1.00 points** below the 85% target."
        " In 2025 it must rise by at least 1.00 points."
    )

"""Generated sentences: every figure from the input, in both languages."""

import pytest

from scores.analysis.narrative import (
    index_sentence,
    rank_gap_sentence,
    target_sentence,
    value_gap_sentence,
)

PAR_2024 = {
    "year": 2024,
    "value": 92.57,
    "rank": 3,
    "units": 63,
    "previous_year": 2023,
    "value_change": 1.14,
    "places_change": 0,
}


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        (
            "vi",
            "PAR INDEX 2024: 92,57%, xếp thứ 3/63, giữ nguyên thứ hạng so với 2023, "
            "tăng 1,14 điểm.",
        ),
        (
            "en",
            "PAR INDEX 2024: 92.57%, ranked 3 of 63, unchanged rank since 2023, up 1.14 points.",
        ),
    ],
)
def test_index_sentence(lang, sentence):
    assert index_sentence("PAR INDEX", "%", PAR_2024, lang) == sentence


def test_rank_only_and_falling():
    found = {**PAR_2024, "value": None, "value_change": None, "places_change": -4, "rank": 7}
    assert index_sentence("PCI", "", found, "vi") == (
        "PCI 2024: chưa công bố điểm, xếp thứ 7/63, giảm 4 bậc so với 2023."
    )


def test_first_year_has_no_comparison():
    found = {**PAR_2024, "previous_year": None, "value_change": None, "places_change": None}
    assert index_sentence("SIPAS", "%", found, "en") == "SIPAS 2024: 92.57%, ranked 3 of 63."


def test_target_sentence():
    assert target_sentence("SIPAS", "value_at_least", 85, "at_risk", "vi") == (
        "Mục tiêu SIPAS (đạt tối thiểu 85%): có nguy cơ."
    )
    assert target_sentence("PAR INDEX", "rank_at_most", 5, None, "en") == (
        "PAR INDEX target (among the top 5 provinces): no data to judge yet."
    )


def test_rank_gap_outside_the_top_five():
    gap = {"rank": 7, "value": 88.0, "inside": False, "edge": 89.5, "next": 89.0, "gap": 1.5}
    text = rank_gap_sentence({**gap, "leader": 92.0}, 5, 2024, "complete", "en")
    assert text.startswith("In 2024 ranked 7, outside the top 5. It takes **1.50 points**")
    assert "in 2025" in text


def test_rank_gap_unknown_on_a_partial_release_says_why_in_vietnamese():
    gap = {"rank": 7, "value": 88.0, "inside": False, "edge": None, "next": None, "gap": None}
    text = rank_gap_sentence({**gap, "leader": 92.0}, 5, 2024, "partial", "vi")
    assert "4,00" in text and text.count("(") == 1


def test_value_gap_above_and_below():
    assert "**1,50 points**" not in value_gap_sentence(2024, 86.5, 85, "vi")
    assert "**1,50 điểm**" in value_gap_sentence(2024, 86.5, 85, "vi")
    assert "below the 85% target" in value_gap_sentence(2024, 84.0, 85, "en")

"""The slide kinds of slide_kinds.py (scorecard, targets, changes) and the pack in its order."""

import pytest

from scores.export.slide_kinds import pack
from tests.export.test_briefing import context


@pytest.fixture(scope="module")
def made(built_db) -> dict:
    """Hà Nội 2024's scorecard and changes slides in Vietnamese, by kind."""
    return {s.key: s for s in pack(context(built_db, "vi"), ["changes", "scorecard"])}


def test_the_pack_keeps_the_order_asked_for(made):
    assert list(made) == ["changes", "scorecard"]


def test_the_scorecard_carries_rank_change_and_named_years(made):
    cards = {card.title: card for card in made["scorecard"].cards}
    assert (
        # Hà Nội's SIPAS 2023 rank (21st, additions of 2026-12-02) is the nearest year now.
        "▲ tăng 10 bậc so với năm 2023" in cards["SIPAS"].lines
    )
    assert "▲ tăng 4 bậc so với năm 2023" in cards["PCI"].lines
    assert cards["PAR INDEX"].target == "✓ Mục tiêu: đạt"


def test_a_change_under_the_threshold_says_so_on_the_changes_slide(made):
    """PAPI's −0,19 is under its threshold of 1% of the 8–80 scale (0,72 points)."""
    assert made["changes"].sentences[2] == (
        "PAPI: giảm 14 bậc và giảm 0,19 điểm so với năm 2023 (dưới ngưỡng đáng kể 0,72 điểm)."
    )
    assert made["changes"].sentences[0].endswith("tăng 1,14 điểm so với năm 2023.")

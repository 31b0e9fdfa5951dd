"""One target as every view shows it: headline, judgement, sentences, gap and basis."""

import pytest

from scores.export.target_view import target_view
from tests.export.test_briefing import context


@pytest.fixture(scope="module")
def views(built_db) -> dict:
    """Hà Nội's two seeded targets (PAR INDEX top 5, SIPAS at least 85%) viewed for 2024."""
    hanoi = context(built_db, "vi")
    found = hanoi.load("targets_by_index", province_code="01")
    return {row.index_code: target_view(hanoi, row) for row in found.itertuples()}


def test_a_rank_target_is_judged_on_the_rank_and_its_gap_is_in_places(views):
    par = views["PAR"]
    assert par.headline == "PAR INDEX: trong nhóm 5 tỉnh, thành phố đứng đầu"
    assert (par.judged.status, par.judged.year, int(par.judged.latest)) == ("met", 2024, 3)
    assert par.sentences == [
        "Mục tiêu PAR INDEX (trong nhóm 5 tỉnh, thành phố đứng đầu): đạt.",
        par.gap,
    ]
    assert par.gap.startswith("Năm 2024 xếp thứ 3, trong nhóm 5 đứng đầu.")
    assert par.partial  # the database holds 2 of 63 PAR INDEX 2024 scores


def test_a_value_target_s_gap_is_in_points_and_the_basis_ends_with_its_stop(views):
    sipas = views["SIPAS"]
    assert sipas.judged.status == "met"
    assert sipas.gap.startswith("Năm 2024 đạt 86,50%, cao hơn mục tiêu 85% là **1,50 điểm**.")
    assert sipas.basis.endswith("(phỏng vấn Giám đốc Sở Nội vụ Trần Đình Cảnh).")

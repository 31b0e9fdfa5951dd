"""The focus unit's components of one index as every view shows them, from one builder."""

import pytest

from scores.export.component_view import component_view
from tests.export.test_briefing import context


@pytest.fixture(scope="module")
def hanoi(built_db):
    return context(built_db, "vi")


def test_a_view_is_built_once_per_context_index_and_year(hanoi):
    assert component_view(hanoi, "PAPI") is component_view(hanoi, "PAPI")


def test_rows_run_weakest_first_with_a_rank_of_the_units_with_figures(hanoi):
    view = component_view(hanoi, "PAPI")
    assert (view.year, view.valued, view.units) == (2024, 61, 63)
    first = view.rows[0]
    assert (first.name, first.rank, first.units) == ("Quản trị môi trường", 61, 61)
    ranks = [row.rank for row in view.rows]
    assert ranks == sorted(ranks, reverse=True)


def test_changes_are_not_counted_across_a_methodology_break(hanoi):
    """PAPI changed its method in 2018: its 2018 view has no earlier year, 2024's has 2023."""
    assert component_view(hanoi, "PAPI").previous == 2023
    assert component_view(hanoi, "PAPI", 2018).previous is None

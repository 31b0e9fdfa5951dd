"""The gap, the proposal and the what-if against hand-worked tables and the real PCI 2021 (how
a total is made of its components, and the years that have a formula: tests/test_formulas.py)."""

import duckdb
import pandas as pd
import pytest

from scores import db
from scores.analysis.gap import (
    NoComponents,
    gap,
    needed_points,
    rank_of,
    what_if,
)
from scores.formulas import Formula, formula, mismatch
from tests.test_formulas import catalogue

# A PCI-like index of two sub-indices weighted 20 % and 5 % (2.0 and 0.5 points per point),
# total = 2a + 0.5b. Province A: a=5, b=6 -> 13; B: 7, 8 -> 18; C: 6, 4 -> 14; D: 4, 9 -> 12.5.
PCI_LIKE = Formula("total", {"a": 2.0, "b": 0.5})
COMPONENTS = {"A": (5, 6), "B": (7, 8), "C": (6, 4), "D": (4, 9)}


def table(components: dict[str, tuple[float, float]], rule: Formula = PCI_LIKE) -> pd.DataFrame:
    rows = []
    for code, values in components.items():
        parts = dict(zip(rule.weights, values, strict=True))
        total = sum(parts[name] * weight for name, weight in rule.weights.items())
        rows += [{"province_code": code, "indicator": k, "value": v} for k, v in parts.items()]
        rows.append({"province_code": code, "indicator": rule.total, "value": total})
    return pd.DataFrame(rows)


def test_points_needed_are_the_rank_r_score_minus_the_province_s():
    values = table(COMPONENTS)
    result = gap(values, PCI_LIKE, "A", "rank", 2)
    # A (13) is third: C holds rank 2 with 14, so A needs 1 point.
    assert (result.total, result.rank, result.units) == (13, 3, 4)
    assert (result.needed, result.passes, result.passes_value) == (1, "C", 14)


def test_proposal_takes_the_largest_room_first_and_respects_every_frontier():
    values = table(COMPONENTS)
    result = gap(values, PCI_LIKE, "A", "rank", 1)  # B's 18: 5 points needed
    rows = result.rows.set_index("indicator")
    # Frontiers a=7, b=9. Room: a (7-5)*2 = 4 points, b (9-6)*0.5 = 1.5 points.
    assert rows.loc["a", ["frontier", "room_points"]].tolist() == [7, 4]
    assert rows.loc["b", ["frontier", "room_points"]].tolist() == [9, 1.5]
    assert list(result.rows["indicator"]) == ["a", "b"]
    assert rows.loc["a", "proposed_gain"] == 2  # all of a's room: up to its frontier
    assert rows.loc["b", "proposed_points"] == 1  # the one point left, from b
    assert rows.loc["b", "proposed_gain"] == 2
    assert (rows["current"] + rows["proposed_gain"] <= rows["frontier"]).all()
    assert result.result_total == 18 and result.result_rank == 1  # tied with B: shares rank 1
    assert result.reached


def test_room_short_of_the_target_stops_at_the_frontiers():
    values = table(COMPONENTS)
    result = gap(values, PCI_LIKE, "D", "value", 30)  # D 12.5; room a 6, b 0
    assert result.needed == 17.5
    assert result.rows["proposed_points"].sum() == 6
    assert not result.reached
    assert (result.result_total, result.result_rank) == (18.5, 1)


def test_a_target_already_met_needs_nothing_and_proposes_no_gain():
    values = table(COMPONENTS)
    result = gap(values, PCI_LIKE, "C", "rank", 3)
    assert result.met and result.needed == 0
    assert (result.rows["proposed_gain"] == 0).all()
    assert (result.result_total, result.result_rank) == (14, 2)


def test_value_target_counts_points_to_the_value():
    assert needed_points(13, pd.Series([18.0, 14.0]), "value", 15.5) == (2.5, None, None)
    assert needed_points(16, pd.Series([18.0, 14.0]), "value", 15.5) == (0, None, None)


def test_papi_sum_of_dimensions():
    rule = Formula("papi", {"D1": 1.0, "D2": 1.0, "D3": 1.0})
    values = table({"X": (5, 5, 5), "Y": (6, 5, 7), "Z": (4, 4, 4)}, rule)
    result = gap(values, rule, "X", "rank", 1)  # X 15, Y 18
    assert result.needed == 3
    rows = result.rows.set_index("indicator")
    assert rows["room_points"].to_dict() == {"D1": 1, "D2": 0, "D3": 2}
    assert rows["proposed_gain"].to_dict() == {"D1": 1, "D2": 0, "D3": 2}
    assert result.result_rank == 1


@pytest.mark.parametrize(
    ("total", "rank"),
    [(18.0, 1), (18.01, 1), (17.99, 2), (14.0, 2), (13.99, 3), (12.5, 3), (12.0, 4)],
)
def test_rank_at_the_boundaries_ties_share_the_best_rank(total, rank):
    assert rank_of(total, pd.Series([18.0, 14.0, 12.5])) == rank


def test_what_if_recomputes_total_and_rank():
    values = table(COMPONENTS)
    assert what_if(values, PCI_LIKE, "A", {}) == (13, 3)
    assert what_if(values, PCI_LIKE, "A", {"b": 8}) == (14, 2)  # ties C
    assert what_if(values, PCI_LIKE, "A", {"a": 7.5, "b": 6}) == (18, 1)  # ties B
    assert what_if(values, PCI_LIKE, "A", {"a": 4}) == (11, 4)


def test_a_province_without_its_components_is_refused():
    values = table(COMPONENTS)
    values = values[~((values["province_code"] == "A") & (values["indicator"] == "b"))]
    with pytest.raises(NoComponents):
        gap(values, PCI_LIKE, "A", "rank", 1)


def test_mismatch_measures_how_far_a_total_is_from_its_components():
    values = table(COMPONENTS)
    assert mismatch(values, PCI_LIKE) == 0
    values.loc[values["indicator"] == "total", "value"] += [0, 0.3, 0, 0]
    assert mismatch(values, PCI_LIKE) == pytest.approx(0.3)


def test_the_real_pci_2021_total_is_its_weighted_sum(built_db):
    con = duckdb.connect(str(built_db), read_only=True)
    values = db.query(con, "values_by_province_indicator", index_code="PCI", year=2021)
    catalogue_ = db.query(con, "indicators_by_index", index_code="PCI")
    weights = db.query(con, "weights_by_indicator", index_code="PCI", year=2021)
    rule = formula(2021, catalogue_, weights, set(values["indicator"]))
    assert rule is not None and len(rule.weights) == 10
    assert mismatch(values, rule) < 0.01
    result = gap(values, rule, "01", "rank", 5)
    assert (round(result.total, 2), result.rank) == (68.60, 10)  # as VCCI published
    con.close()


def test_par_formula_sums_component_points_that_make_up_the_total():
    par = catalogue(
        [
            ("par", None, "total", 100, None, 2012),
            ("c1", "par", "component", 60, 60, 2012),
            ("c2", "par", "component", 40, 40, 2012),
        ],
        "points",
    )
    rule = formula(2024, par, pd.DataFrame(), {"par", "c1", "c2"})
    assert rule == Formula("par", {"c1": 1.0, "c2": 1.0})
    values = table({"X": (50, 30), "Y": (55, 38)}, rule)
    assert gap(values, rule, "X", "rank", 1).needed == 13  # 93 - 80

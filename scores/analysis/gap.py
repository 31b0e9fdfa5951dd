"""The remediation plan's arithmetic: points to a target, room per component, a proposal, a what-if.

A simulation on one published table: other provinces keep their published totals. The focus
province's simulated total is its published total plus the weighted change of its components, so
a source's rounding of the total does not move anyone.

Checked on the seed (mismatch below): PCI 2006-2021 and PAPI 2011-2024 totals equal their weighted
components within 0.00001 for every province, except PCI 2011, where the weighted sum falls short of
the published total by up to 0.55 points (the source rounds its sub-indices); PCI 2005 fits no
weight set and PCI 2022-2024, PAR INDEX and SIPAS publish no full set of components (no formula).
"""

import math
from dataclasses import dataclass

import pandas as pd

from scores.formulas import Formula
from scores.i18n import number, t

# Totals are printed to two decimals; a simulated total this close to another counts as equal.
EPSILON = 1e-9
COLUMNS = [
    "indicator",
    "current",
    "frontier",
    "weight",
    "room_points",
    "proposed_gain",
    "proposed_points",
]


class BadTarget(ValueError):
    """A target outside what the index can reach: `key` names the rule (gap_value, gap_rank),
    `limits` the bounds a message states."""

    def __init__(self, key: str, **limits: object) -> None:
        super().__init__(key)
        self.key, self.limits = key, limits


class NoComponents(LookupError):
    """The release does not publish the components the total is made of (or the focus's total)."""


@dataclass(frozen=True)
class Gap:
    """What it takes to reach a target, and the proposal that would supply it."""

    total: float
    rank: int
    units: int
    needed: float
    passes: str | None
    passes_value: float | None
    rows: pd.DataFrame
    result_total: float
    result_rank: int

    @property
    def met(self) -> bool:
        """Whether the target is already met (nothing needed)."""
        return self.needed <= 0

    @property
    def reached(self) -> bool:
        """Whether the proposal covers the points needed (False: every frontier is not enough)."""
        return self.rows["proposed_points"].sum() >= self.needed - EPSILON


def check_target(
    values: pd.DataFrame, catalogue: pd.DataFrame, rule: Formula, kind: str, threshold: float
) -> None:
    """Refuse (BadTarget) a value that is not a finite number on the total's scale (valid_min to
    valid_max of the catalogue), or a rank that is not 1 to the number of units ranked."""
    if kind == "rank":
        totals = values[values["indicator"] == rule.total]
        units = int(totals["value"].notna().sum())
        if not (float(threshold).is_integer() and 1 <= threshold <= units):
            raise BadTarget("gap_rank", units=units)
        return
    scale = catalogue.set_index("indicator").loc[rule.total]
    low, high = float(scale["valid_min"]), float(scale["valid_max"])
    if not (math.isfinite(threshold) and low <= threshold <= high):
        raise BadTarget("gap_value", low=low, high=high)


def rank_of(total: float, others: pd.Series) -> int:
    """The rank a total takes among the other provinces' totals; ties share the best rank."""
    return int((others > total + EPSILON).sum()) + 1


def _table(
    values: pd.DataFrame, rule: Formula, province_code: str
) -> tuple[float, pd.Series, pd.DataFrame]:
    """The focus's total, the others' totals and the component table (no proposal yet)."""
    totals = values[values["indicator"] == rule.total].dropna(subset=["value"])
    totals = totals.set_index("province_code")["value"]
    parts = values[values["indicator"].isin(rule.weights)].dropna(subset=["value"])
    mine = parts[parts["province_code"] == province_code].set_index("indicator")["value"]
    if province_code not in totals.index or set(mine.index) != set(rule.weights):
        raise NoComponents(province_code)
    rows = pd.DataFrame({"indicator": list(rule.weights)})
    rows["current"] = rows["indicator"].map(mine)
    rows["frontier"] = rows["indicator"].map(parts.groupby("indicator")["value"].max())
    rows["weight"] = rows["indicator"].map(rule.weights)
    rows["room_points"] = ((rows["frontier"] - rows["current"]) * rows["weight"]).clip(lower=0)
    return float(totals[province_code]), totals.drop(province_code), rows


def needed_points(
    total: float, others: pd.Series, kind: str, threshold: float
) -> tuple[float, str | None, float | None]:
    """Points needed (0 when met), and for a rank target the province to pass and its total."""
    if kind == "value":
        return max(0.0, threshold - total), None, None
    ordered = others.sort_values(ascending=False, kind="stable")
    if threshold > len(ordered):
        return 0.0, None, None
    code, value = ordered.index[int(threshold) - 1], float(ordered.iloc[int(threshold) - 1])
    return max(0.0, value - total), str(code), value


def propose(rows: pd.DataFrame, needed: float) -> pd.DataFrame:
    """Cover the points needed from the largest room first, never beyond any frontier."""
    out = rows.sort_values("room_points", ascending=False, kind="stable").reset_index(drop=True)
    left, points = needed, []
    for room in out["room_points"]:
        taken = min(room, max(left, 0.0))
        points.append(taken)
        left -= taken
    out["proposed_points"] = points
    out["proposed_gain"] = out["proposed_points"] / out["weight"]
    return out[COLUMNS]


def gap(
    values: pd.DataFrame, rule: Formula, province_code: str, kind: str, threshold: float
) -> Gap:
    """The gap to a target (kind "rank": rank <= threshold; "value": total >= threshold).

    values: province_code, indicator, value of one release. Raises NoComponents when the focus
    province has no total or not every component in it.
    """
    total, others, rows = _table(values, rule, province_code)
    needed, passes, passes_value = needed_points(total, others, kind, threshold)
    proposal = propose(rows, needed)
    result = total + float(proposal["proposed_points"].sum())
    return Gap(
        total,
        rank_of(total, others),
        len(others) + 1,
        needed,
        passes,
        passes_value,
        proposal,
        result,
        rank_of(result, others),
    )


def what_if(
    values: pd.DataFrame, rule: Formula, province_code: str, chosen: dict[str, float]
) -> tuple[float, int]:
    """The total and rank the focus would have had with some components at the chosen values."""
    total, others, rows = _table(values, rule, province_code)
    current = rows.set_index("indicator")["current"]
    change = sum((value - current[code]) * rule.weights[code] for code, value in chosen.items())
    return total + change, rank_of(total + change, others)


def sentence(
    result: Gap, place: str, other: str | None, kind: str, threshold: float, lang: str
) -> str:
    """One plain line: where the province stands, the points needed, and what the proposal gives.

    place: "Hà Nội · PCI 2021"; other: the name of the province to reach (rank targets).
    """
    figures = {
        "place": place,
        "total": number(result.total, lang),
        "rank": result.rank,
        "units": result.units,
        "needed": number(result.needed, lang),
        "threshold": number(threshold, lang, 2, fixed=False),
        "other": other or "",
        "other_value": number(result.passes_value, lang),
        "result": number(result.result_total, lang),
        "result_rank": result.result_rank,
    }
    if result.met:
        return t(f"plan.met_{kind}", lang, **figures)
    text = t("plan.needs_rank" if other else "plan.needs_value", lang, **figures)
    if not result.reached:
        short = result.needed - float(result.rows["proposed_points"].sum())
        text += " " + t("plan.short", lang, short=number(short, lang))
    return text

"""How an index's total is made of its components, as its catalogue rows say (data/index_rules.csv).

Catalogue knowledge below ingest/, so the misreading guards and the remediation plan read one
formula. The rule of each index is data (`total_rule`): `weighted` (a weight per component in
indicator_weights.csv, in % of the total's scale), `dimensions` (the unweighted sum of the top-level
components), `points` (the sum of component points whose maxima make up the total's scale); blank
when the method fixes none. table_for reads a year's release with its formula, and
simulable_years the years that have one (the remediation plan simulates only those).
"""

import math
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

# A weighted sum of components within this of the published total is the same number, rounded.
TOLERANCE = 0.01


@dataclass(frozen=True)
class Formula:
    """A total as the weighted sum of components: points of total per unit of each component."""

    total: str
    weights: dict[str, float]


def formula(
    year: int, catalogue: pd.DataFrame, weights: pd.DataFrame, published: set[str]
) -> Formula | None:
    """How the index's total of that year is made, or None where its components are unpublished.

    catalogue: indicators_by_index (its total_rule column names the rule); weights:
    weights_by_indicator for the year; published: the indicators the release has values for.
    """
    valid = catalogue[
        (catalogue["first_year"].fillna(0) <= year) & (catalogue["last_year"].fillna(9999) >= year)
    ]
    totals = valid.loc[valid["headline"] & valid["indicator"].isin(published), "indicator"]
    if totals.empty or "total_rule" not in valid or valid["total_rule"].isna().all():
        return None
    total = str(totals.iloc[0])
    scale = float(valid.loc[valid["indicator"] == total, "valid_max"].iloc[0])
    build = RULES.get(str(valid["total_rule"].dropna().iloc[0]))
    parts = build(valid, weights, published, scale) if build else None
    return Formula(total, parts) if parts and set(parts) <= published else None


def _weighted(
    valid: pd.DataFrame, weights: pd.DataFrame, published: set[str], scale: float
) -> dict[str, float]:
    """A weight in % of the total's scale per component: points of total per component point."""
    maxima = valid.set_index("indicator")["valid_max"].astype(float)
    parts = {
        str(r.indicator): float(r.weight) / 100 * scale / maxima.get(str(r.indicator), float("nan"))
        for r in weights.itertuples()
    }
    # A weight whose component has no scale that year makes no formula, not a NaN that never fails.
    return parts if all(math.isfinite(w) for w in parts.values()) else {}


def _dimensions(
    valid: pd.DataFrame, weights: pd.DataFrame, published: set[str], scale: float
) -> dict[str, float]:
    """Each top-level component counts once (PAPI's total is the sum of its dimensions)."""
    parts = valid.loc[(valid["level"] == "component") & valid["parent"].isna(), "indicator"]
    return dict.fromkeys(map(str, parts), 1.0)


def _points(
    valid: pd.DataFrame, weights: pd.DataFrame, published: set[str], scale: float
) -> dict[str, float]:
    """The published components with max points, when their maxima add up to the total's scale."""
    pointed = valid[valid["max_points"].notna() & valid["indicator"].isin(published)]
    if pointed.empty or abs(pointed["max_points"].sum() - scale) > TOLERANCE:
        return {}
    return dict.fromkeys(map(str, pointed["indicator"]), 1.0)


RULES = {"weighted": _weighted, "dimensions": _dimensions, "points": _points}


def mismatch(values: pd.DataFrame, rule: Formula) -> float:
    """The largest difference between a province's published total and its weighted components."""
    wide = values.pivot_table(index="province_code", columns="indicator", values="value")
    if rule.total not in wide or not set(rule.weights) <= set(wide):
        return float("nan")
    summed = sum(wide[code] * weight for code, weight in rule.weights.items())
    return float((summed - wide[rule.total]).abs().max())


def table_for(
    load: Callable[..., pd.DataFrame], index_code: str, year: int
) -> tuple[pd.DataFrame, Formula | None]:
    """The year's current release and its formula; load runs a named query (db.query or the
    app's cached cache.load), so the command line, the page and the briefing read alike."""
    values = load("values_by_province_indicator", index_code=index_code, year=year)
    catalogue = load("indicators_by_index", index_code=index_code)
    weights = load("weights_by_indicator", index_code=index_code, year=year)
    published = set(values.loc[values["value"].notna(), "indicator"].unique())
    return values, formula(year, catalogue, weights, published)


def simulable_years(load: Callable[..., pd.DataFrame], index_code: str) -> list[int]:
    """The years whose total is a published function of published components, latest first.

    Read from the per-year counts of valued indicators, not from every province's values: the
    plan page asks on every run, and the counts stay small as units and years grow (make bench).
    """
    counts = load("indicators_by_year", index_code=index_code)
    catalogue = load("indicators_by_index", index_code=index_code)
    years = []
    for year, rows in counts[counts["valued"] > 0].groupby("year"):
        weights = load("weights_by_indicator", index_code=index_code, year=int(year))
        if formula(int(year), catalogue, weights, set(rows["indicator"].unique())):
            years.append(int(year))
    return sorted(years, reverse=True)

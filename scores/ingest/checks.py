"""Checks that catch misread or mistyped figures, for every format: a total the methodology fixes
(the index's total_rule in data/index_rules.csv: weights, a sum of dimensions, component points)
recomputed from the printed components, and ranks that must follow the scores.

The formula is scores.formulas', as the plan's is: the two cannot disagree on how a total is made.
Rounding: a total printed with d decimals from components printed with d_i decimals may differ
from their weighted sum by half a unit of each, weighted. Where the publisher's own table does
not meet its formula (PCI 2011 rounds its sub-indices: the stored release misses by up to 0.55),
that shortfall, measured on the stored release of the same index and year, is allowed on top,
so a file as the publisher printed it is not refused while a misread digit still is.
"""

import math

import duckdb
import pandas as pd

from scores import db
from scores.errors import Problem
from scores.formulas import Formula, formula, mismatch
from scores.i18n import number
from scores.ingest.interpret import Layout

EPSILON = 1e-9


def rule_for(
    con: duckdb.DuckDBPyConnection, index_code: str, year: int, values: pd.DataFrame
) -> Formula | None:
    """How the year's total is made from the components this file gives, if the method fixes it."""
    catalogue = db.query(con, "indicators_by_index", index_code=index_code)
    weights = db.query(con, "weights_by_indicator", index_code=index_code, year=year)
    published = set(values.loc[values["value"].notna(), "indicator"])
    return formula(year, catalogue, weights, published)


def slack(con: duckdb.DuckDBPyConnection, index_code: str, year: int, rule: Formula) -> float:
    """How far the stored release of that index and year already misses its own formula."""
    stored = db.query(con, "values_by_province_indicator", index_code=index_code, year=year)
    missed = mismatch(stored, rule) if not stored.empty else float("nan")
    return 0.0 if math.isnan(missed) else missed


def total_problems(
    con: duckdb.DuckDBPyConnection, index_code: str, year: int, values: pd.DataFrame, layout: Layout
) -> list[Problem]:
    """Every row whose printed total differs from its recomputed total beyond rounding."""
    rule = rule_for(con, index_code, year, values)
    if rule is None:
        return []
    allowed = slack(con, index_code, year, rule)
    header = {c.indicator: c.header for c in layout.columns if c.role == "value"}
    problems = []
    for _, rows in values.groupby("province_code"):
        by = rows.set_index("indicator")
        if rule.total not in by.index or not set(rule.weights) <= set(by.index):
            continue
        parts = by.loc[list(rule.weights)]
        if parts["value"].isna().any() or pd.isna(by.at[rule.total, "value"]):
            continue
        computed = sum(parts.at[code, "value"] * w for code, w in rule.weights.items())
        printed = by.at[rule.total, "value"]
        rounding = _half_unit(by.at[rule.total, "decimals"]) + sum(
            abs(w) * _half_unit(parts.at[code, "decimals"]) for code, w in rule.weights.items()
        )
        tolerance = rounding + allowed
        if abs(computed - printed) > tolerance + EPSILON:
            detail = {
                "printed": number(printed, "en", 4, fixed=False),
                "computed": number(computed, "en", 4, fixed=False),
                "difference": number(abs(computed - printed), "en", 4, fixed=False),
                "tolerance": number(tolerance, "en", 4, fixed=False),
            }
            row = int(by.at[rule.total, "row"])
            column = header.get(rule.total, rule.total)
            problems.append(Problem("printed.total_mismatch", row, column, detail=detail))
    return problems


def _half_unit(decimals: object) -> float:
    """Half a unit of the last decimal printed (0.005 for two decimals); 0 when not known."""
    if decimals is None or pd.isna(decimals):
        return 0.0
    return 0.5 * 10 ** -int(decimals)


def rank_problems(
    values: pd.DataFrame, higher_is_better: dict[str, bool], names: dict[str, str]
) -> list[Problem]:
    """Every row ranked better than a row that scores better on the same indicator."""
    problems = []
    ranked = values.dropna(subset=["value", "rank"])
    for indicator, rows in ranked.groupby("indicator"):
        sign = 1 if higher_is_better.get(str(indicator), True) else -1
        rows = rows.assign(score=rows["value"] * sign).sort_values("rank")
        # The best score among the rows ranked below each row: of the ranks strictly after its
        # own, since rows sharing a rank (a tie) rank neither above the other.
        best = rows.groupby("rank")["score"].max().sort_index()
        after = best[::-1].cummax()[::-1].shift(-1)
        below = rows["rank"].map(after)
        for row, best_below in zip(rows.itertuples(), below, strict=True):
            if pd.notna(best_below) and best_below > row.score + EPSILON:
                other = rows[(rows["rank"] > row.rank) & (rows["score"] == best_below)].iloc[0]
                detail = {
                    "rank": int(row.rank),
                    "other": other["province"],
                    "other_value": number(other["value"], "en", 2, fixed=False),
                    "other_rank": int(other["rank"]),
                }
                column = names.get(str(indicator), str(indicator))
                problems.append(Problem("printed.rank_order", int(row.row), column, detail=detail))
    return problems

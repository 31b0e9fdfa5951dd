"""Sub-indicator analysis: each component against the field, its trend, and why it is weak."""

import pandas as pd

from scores.analysis.standings import ranked_units

# Comparisons need the field: a publisher's table missing a few provinces (PAPI 2024: 61 of 63)
# is the field, the five provinces a press release names are not.
MIN_SHARE = 0.75


def enough(valued: int, units: int) -> bool:
    """Whether a median, top-5 average, best and percentile over `valued` provinces mean much."""
    return units > 0 and valued >= MIN_SHARE * units


def components(
    values: pd.DataFrame, province_code: str, items: pd.DataFrame, units: int
) -> pd.DataFrame:
    """Per component: the focus value against the median, the top-5 average and the best.

    values: province_code, indicator, value (one year); items: the components to judge, indexed by
    indicator, with higher_is_better. Percentile: share of provinces the focus equals or beats.
    The comparisons are left empty (None) for a component that too few of the `units` provinces
    have (see enough): a median of the few provinces a press release names would mislead.
    """
    data = values.dropna(subset=["value"])
    data = data[data["indicator"].isin(items.index)]
    columns = ["indicator", "value", "median", "top5", "best", "best_code", "valued", "gap"]
    if data.empty:
        return pd.DataFrame(columns=[*columns, "percentile"])
    higher = data["indicator"].map(items["higher_is_better"]).astype(bool)
    # One pass over every province's value (a loop per component grows with the data):
    # "better" is a larger key whichever way the component points.
    data = data.assign(key=data["value"].where(higher, -data["value"]))
    data = data.sort_values(["indicator", "key"], ascending=[True, False], kind="stable")
    groups = data.groupby("indicator", sort=True)
    mine = data[data["province_code"] == province_code].drop_duplicates("indicator")
    mine = mine.set_index("indicator")
    beaten = data["key"] <= data["indicator"].map(mine["key"])
    best = groups.head(1).set_index("indicator")
    out = pd.DataFrame(
        {
            "value": mine["value"],
            "median": groups["value"].median(),
            "top5": groups.head(5).groupby("indicator")["value"].mean(),
            "best": best["value"],
            "best_code": best["province_code"],
            "valued": groups.size(),
            "percentile": beaten.groupby(data["indicator"]).mean() * 100,
        }
    ).rename_axis("indicator")
    out["gap"] = (out["best"] - out["value"]).abs()
    out.loc[out["value"].isna(), "percentile"] = None
    few = ~out["valued"].map(lambda n: enough(int(n), units))
    out.loc[few, ["median", "top5", "best", "best_code", "gap", "percentile"]] = None
    return out.reset_index()[[*columns, "percentile"]]


def weak_points(
    table: pd.DataFrame,
    history: pd.DataFrame,
    year: int,
    weights: dict[str, float],
    max_points: dict[str, float],
) -> pd.DataFrame:
    """The component table with change since last year, points lost and the reasons to flag it.

    history: the focus province's indicator, year, value over the years. Points lost: the gap to
    the best province times the weight (PCI: weight % of 100 points over a 0-10 sub-index), or the
    points below the maximum where the methodology gives one. Weakest (lowest percentile) first.
    """
    out = table.copy()
    by_indicator = _series(history)
    series = [by_indicator.get(code, pd.Series(dtype=float)) for code in out["indicator"]]
    # float, not object: a table of no known change still sorts (nlargest) as numbers
    out["change"] = pd.Series(
        [_change(values, year) for values in series], index=out.index, dtype=float
    )
    out["fell_twice"] = [_fell_twice(values, year) for values in series]
    out["points_lost"] = [
        gap * weights[code] / 10
        if code in weights and pd.notna(gap)
        else max_points[code] - value
        if code in max_points and pd.notna(value)
        else None
        for code, gap, value in zip(out["indicator"], out["gap"], out["value"], strict=True)
    ]
    out["bottom_third"] = out["percentile"] < 100 / 3
    out["below_median"] = out["value"] < out["median"]
    return out.sort_values("percentile", na_position="last").reset_index(drop=True)


def _series(history: pd.DataFrame) -> dict[str, pd.Series]:
    """Each indicator's values by year, oldest first (grouped once: a filter per component grows
    with components times years)."""
    rows = history.dropna(subset=["value"])
    return {
        str(code): group.set_index("year")["value"].sort_index()
        for code, group in rows.groupby("indicator")
    }


def _change(series: pd.Series, year: int) -> float | None:
    earlier = series[series.index < year]
    if year not in series.index or earlier.empty:
        return None
    return float(series[year] - earlier.iloc[-1])


def _fell_twice(series: pd.Series, year: int) -> bool:
    series = series[series.index <= year].tail(3)
    return (
        len(series) == 3 and series.index[-1] == year and bool((series.diff().dropna() < 0).all())
    )


def place(percentile: float | None, valued: int, units: int) -> tuple[int | None, int]:
    """A component's rank among the units with a value, from its percentile (the share at or
    below it), and the rank's denominator by the one rule (standings.ranked_units)."""
    if percentile is None or pd.isna(percentile):
        return None, ranked_units(valued, units)
    rank = int(valued - round(percentile * valued / 100) + 1)
    return rank, ranked_units(valued, units, rank)

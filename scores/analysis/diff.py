"""What a new release changes against the current one: new, changed, rounded, vanished values."""

from typing import Any

import pandas as pd

KEY = ["province_code", "indicator"]
STATUSES = ("new", "changed", "rounded", "removed", "same")


def compare(current: pd.DataFrame, incoming: pd.DataFrame) -> pd.DataFrame:
    """One row per province and indicator in either release, with what happens to it.

    Both frames: province_code, indicator, value, rank; incoming may add decimals (how many the
    file printed for the value). status: new, changed, rounded, removed or same. A value that
    differs from the current one by at most half a unit of its last printed decimal is only
    rounded (60.7392 printed as 60.74); any other difference in value or rank is changed;
    missing equals missing. Without decimals nothing counts as rounded. Ranks of an indicator
    the file gives no rank for are left out of the comparison (see lacking_ranks).
    """
    columns = KEY + ["value", "rank"]
    # A rank the file has no column for is not a rank that changed: lacking_ranks names it.
    without = set(lacking_ranks(current, incoming))
    current = current.assign(rank=current["rank"].where(~current["indicator"].isin(without)))
    merged = current[columns].merge(
        incoming.reindex(columns=columns + ["decimals"]),
        on=KEY,
        how="outer",
        suffixes=("_old", "_new"),
        indicator="origin",
    )
    merged["change"] = merged["value_new"] - merged["value_old"]
    merged["status"] = [_status(row) for row in merged.itertuples()]
    return merged.drop(columns="origin").sort_values(KEY).reset_index(drop=True)


def lacking_ranks(current: pd.DataFrame, incoming: pd.DataFrame) -> list[str]:
    """The indicators ranked in the current release for which the file gives no rank at all
    (a table without the component ranks): the new release will not carry those ranks."""
    ranked = set(current.loc[current["rank"].notna(), "indicator"])
    given = (
        set(incoming.loc[incoming["rank"].notna(), "indicator"]) if "rank" in incoming else set()
    )
    shared = set(incoming["indicator"])
    return sorted((ranked & shared) - given)


def _status(row: Any) -> str:
    if row.origin == "right_only":
        return "new"
    if row.origin == "left_only":
        return "removed"
    if not _same(row.rank_old, row.rank_new):
        return "changed"
    if _same(row.value_old, row.value_new):
        return "same"
    return "rounded" if rounded(row.value_old, row.value_new, row.decimals) else "changed"


def _same(a: object, b: object) -> bool:
    if pd.isna(a) and pd.isna(b):
        return True
    return not pd.isna(a) and not pd.isna(b) and abs(float(a) - float(b)) < 1e-9


def rounded(old: object, new: object, decimals: object) -> bool:
    """Whether new is old printed with that many decimals (at most half a last unit apart)."""
    if pd.isna(old) or pd.isna(new) or pd.isna(decimals):
        return False
    half = 0.5 * 10.0 ** -int(decimals)
    # Exactly half a unit is rounding either way (60.745 -> 60.74 or 60.75); the factor only
    # absorbs the binary error of the subtraction.
    return abs(float(new) - float(old)) <= half * (1 + 1e-9)


def summary(diff: pd.DataFrame) -> dict[str, int]:
    """How many values are new, changed, only rounded, removed and the same."""
    counts = diff["status"].value_counts()
    return {status: int(counts.get(status, 0)) for status in STATUSES}


def only_rounded(counts: dict[str, int]) -> bool:
    """An upload that restates the current release with fewer decimals and changes nothing else."""
    return counts["rounded"] > 0 and counts["new"] == counts["changed"] == counts["removed"] == 0

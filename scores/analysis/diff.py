"""What a new release changes against the current one: new, changed and vanished values, ranks."""

from typing import Any

import pandas as pd

KEY = ["province_code", "indicator"]


def compare(current: pd.DataFrame, incoming: pd.DataFrame) -> pd.DataFrame:
    """One row per province and indicator in either release, with what happens to it.

    Both frames: province_code, indicator, value, rank. status: new, changed, removed or same
    (a value or rank that differs counts as changed; missing equals missing).
    """
    merged = current[KEY + ["value", "rank"]].merge(
        incoming[KEY + ["value", "rank"]],
        on=KEY,
        how="outer",
        suffixes=("_old", "_new"),
        indicator="origin",
    )
    merged["change"] = merged["value_new"] - merged["value_old"]
    merged["status"] = [_status(row) for row in merged.itertuples()]
    return merged.drop(columns="origin").sort_values(KEY).reset_index(drop=True)


def _status(row: Any) -> str:
    if row.origin == "right_only":
        return "new"
    if row.origin == "left_only":
        return "removed"
    same_value = _same(row.value_old, row.value_new)
    same_rank = _same(row.rank_old, row.rank_new)
    return "same" if same_value and same_rank else "changed"


def _same(a: object, b: object) -> bool:
    if pd.isna(a) and pd.isna(b):
        return True
    return not pd.isna(a) and not pd.isna(b) and abs(float(a) - float(b)) < 1e-9


def summary(diff: pd.DataFrame) -> dict[str, int]:
    """How many values are new, changed, removed and the same."""
    counts = diff["status"].value_counts()
    return {status: int(counts.get(status, 0)) for status in ("new", "changed", "removed", "same")}

"""Remediation actions as leaders read them: late or not, the indicator since it began."""

from collections.abc import Callable
from datetime import date

import pandas as pd


def with_overdue(actions: pd.DataFrame, today: date) -> pd.DataFrame:
    """The actions with `overdue`: due before today and not done."""
    due = pd.to_datetime(actions["due"]).dt.date
    return actions.assign(overdue=(due < today) & (actions["status"] != "done"))


def since_began(history: pd.DataFrame, indicator: str, began: date) -> pd.DataFrame:
    """The indicator's year, value from the last year published before the action began on.

    A year's index is measured during that year, so the year the action began is the first one
    that can show its effect; the year before it is the baseline.
    """
    rows = history[(history["indicator"] == indicator)].dropna(subset=["value"])
    rows = rows.sort_values("year")
    before = rows[rows["year"] < began.year].tail(1)
    return pd.concat([before, rows[rows["year"] >= began.year]])[["year", "value"]]


def progress(
    load: Callable[..., pd.DataFrame],
    province_code: str,
    today: date,
    index_code: str | None = None,
) -> pd.DataFrame:
    """The province's actions (latest versions) with `overdue`, for pages and the briefing.

    load runs a named query (db.query bound to a connection, or the app's cache.load).
    """
    found = load("actions_by_province", province_code=province_code, index_code=index_code)
    return with_overdue(found, today)

"""Remediation actions as leaders read them: late or not, the indicator since it began."""

from collections.abc import Callable
from datetime import date

import duckdb
import pandas as pd

from scores import db


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
    province_code: str | None,
    today: date,
    index_code: str | None = None,
) -> pd.DataFrame:
    """The province's actions (latest versions; every province's for None) with `overdue`, for
    pages and the briefing.

    load runs a named query (db.query bound to a connection, or the app's cache.load).
    """
    found = load("actions_by_province", province_code=province_code, index_code=index_code)
    return with_overdue(found, today)


def by_owner(load: Callable[..., pd.DataFrame], owner_code: str, today: date) -> pd.DataFrame:
    """The actions one of the city's units is in charge of (latest versions), with `overdue`,
    the overdue ones first, then by due date: what that unit's page lists."""
    found = with_overdue(load("actions_by_owner", owner_code=owner_code), today)
    order = found.assign(late=~found["overdue"])
    return order.sort_values(["late", "due", "action_id"], kind="stable").drop(columns="late")


def overdue_by_unit(con: duckdb.DuckDBPyConnection, today: date) -> dict[str, int]:
    """Per unit code of the city (actions.owner_code), how many of its actions are overdue on
    `today`; only units with one or more, most first (then by code). Free-text owners, which
    name no unit, are left out. For the briefing slide of the city's units."""
    found = progress(lambda name, **params: db.query(con, name, **params), None, today)
    late = found[found["overdue"] & found["owner_code"].notna()]
    counts = late.groupby("owner_code").size()
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return {str(code): int(count) for code, count in ordered}

"""Analysis on query results: peers, rank changes, standings, target status, weak components."""

import pandas as pd

from scores.catalog import Unit

PEER_GROUPS = ("all", "central_cities", "region", "top5", "custom")


def peers(
    frame: pd.DataFrame, group: str, focus: Unit, year: int, custom: list[str]
) -> pd.DataFrame:
    """The rows of a peer group (the focus province always included)."""
    if group == "central_cities":
        keep = frame["central_city_since"].le(year).fillna(False)
    elif group == "region":
        region = frame.loc[frame["province_code"] == focus.province_code, "region"]
        keep = frame["region"].isin(region)
    elif group == "top5":
        keep = frame["rank"].le(5).fillna(False)
    elif group == "custom":
        keep = frame["province_code"].isin(custom)
    else:
        return frame
    return frame[keep.astype(bool) | (frame["province_code"] == focus.province_code)]


def rank_table(now: pd.DataFrame, before: pd.DataFrame) -> pd.DataFrame:
    """Rank, name, value, last year's rank and the change in places (positive = moved up)."""
    previous = (
        before.set_index("province_code")["rank"] if len(before) else pd.Series(dtype="Int64")
    )
    table = now[["rank", "province_code", "name", "value", "rank_kind"]].copy()
    table["previous_rank"] = table["province_code"].map(previous).astype("Int64")
    table["change"] = (table["previous_rank"] - table["rank"].astype("Int64")).astype("Int64")
    return table


def change_arrow(change) -> str:
    """▲ n, ▼ n or = for a change in places; '–' when unknown."""
    if pd.isna(change):
        return "–"
    return f"▲ {change}" if change > 0 else f"▼ {-change}" if change < 0 else "="


def standing(history: pd.DataFrame) -> dict | None:
    """Latest value and rank of a unit's headline, with the previous year that has data.

    Missing figures are None (never NaN or pd.NA), so callers can test them plainly.
    """
    rows = history.dropna(subset=["value", "rank"], how="all")
    if rows.empty:
        return None
    latest = rows.iloc[-1]
    previous = rows.iloc[-2] if len(rows) > 1 else None
    return {
        "year": int(latest["year"]),
        "value": _plain(latest["value"]),
        "rank": _plain(latest["rank"]),
        "units": int(latest["units"]),
        "rank_kind": latest["rank_kind"],
        "coverage": latest["coverage"],
        "previous_year": None if previous is None else int(previous["year"]),
        "value_change": None if previous is None else _diff(latest["value"], previous["value"]),
        "places_change": None if previous is None else _diff(previous["rank"], latest["rank"]),
    }


def _plain(value):
    return None if pd.isna(value) else value.item() if hasattr(value, "item") else value


def _diff(a, b) -> float | None:
    return None if pd.isna(a) or pd.isna(b) else _plain(a - b)


def target_status(kind: str, threshold: float, latest, previous) -> str | None:
    """met / at_risk / on_track / missed from the latest and previous figure (rank or value).

    Met and not worse than last year: met. Met but worse: at risk. Not met but better than last
    year: on track. Not met and not better: missed. None when the latest figure is unknown.
    """
    if latest is None or pd.isna(latest):
        return None
    better = (lambda a, b: a < b) if kind == "rank_at_most" else (lambda a, b: a > b)
    meets = latest <= threshold if kind == "rank_at_most" else latest >= threshold
    known = previous is not None and not pd.isna(previous)
    if meets:
        return "at_risk" if known and better(previous, latest) else "met"
    return "on_track" if known and better(latest, previous) else "missed"


def percentile_text(rank, units: int) -> float | None:
    """The share of units ranked below, as a percentage (rank 1 of 63 -> 98.4)."""
    if rank is None or pd.isna(rank) or not units:
        return None
    return 100 * (units - rank) / units


def evaluate_target(kind: str, threshold: float, first_year: int, history: pd.DataFrame) -> dict:
    """A target's status on the latest year with the figure it needs (rank or value).

    history: year, value, rank of the target's indicator for the unit, oldest first.
    """
    column = "rank" if kind == "rank_at_most" else "value"
    known = history.dropna(subset=[column])
    known = known[known["year"] >= first_year - 1]
    if known.empty or known["year"].iloc[-1] < first_year:
        return {"status": None, "year": None, "latest": None, "previous": None}
    latest = known.iloc[-1]
    previous = known.iloc[-2][column] if len(known) > 1 else None
    return {
        "status": target_status(kind, threshold, latest[column], previous),
        "year": int(latest["year"]),
        "latest": latest[column],
        "previous": previous,
    }


def rank_gap(frame: pd.DataFrame, focus_code: str, threshold: int) -> dict:
    """For a rank target: the focus row, the province at the threshold rank and the next one.

    frame: one year's province_code, value, rank. Each figure is None where the release did not
    publish it (partial releases), so the caller can say what is known.
    """

    def value_at(rank: int):
        found = frame.loc[frame["rank"] == rank, "value"].dropna()
        return None if found.empty else float(found.iloc[0])

    mine = frame[frame["province_code"] == focus_code]
    value = None if mine.empty or pd.isna(mine["value"].iloc[0]) else float(mine["value"].iloc[0])
    rank = None if mine.empty or pd.isna(mine["rank"].iloc[0]) else int(mine["rank"].iloc[0])
    edge, next_one = value_at(threshold), value_at(threshold + 1)
    inside = rank is not None and rank <= threshold
    other = next_one if inside else edge
    gap = None if value is None or other is None else (value - other if inside else other - value)
    return {
        "rank": rank,
        "value": value,
        "inside": inside,
        "edge": edge,
        "next": next_one,
        "gap": gap,
        "leader": value_at(1),
    }

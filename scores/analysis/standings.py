"""Standings on query results: peer groups, rank tables and changes, the latest standing."""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd

from scores.catalog import Provinces

PEER_GROUPS = ("all", "central_cities", "region", "top5", "custom")


def peers(
    frame: pd.DataFrame, group: str, province_code: str, year: int, custom: list[str]
) -> pd.DataFrame:
    """The rows of a peer group (the focus province always included)."""
    if group == "central_cities":
        keep = frame["central_city_since"].le(year).fillna(False)
    elif group == "region":
        region = frame.loc[frame["province_code"] == province_code, "region"]
        keep = frame["region"].isin(region)
    elif group == "top5":
        keep = frame["rank"].le(5).fillna(False)
    elif group == "custom":
        keep = frame["province_code"].isin(custom)
    else:
        return frame
    return frame[keep.astype(bool) | (frame["province_code"] == province_code)]


def rank_table(
    now: pd.DataFrame,
    before: pd.DataFrame,
    previous_code: dict[str, str] | None = None,
    comparable: bool = True,
) -> pd.DataFrame:
    """Rank, name, value, the earlier year's rank and the change in places (positive = moved up).

    previous_code: each unit's code in the earlier year where it differs (across the 2025
    reorganisation, the main predecessor: Bắc Ninh 24 <- 27). comparable: False when the two
    years rank different numbers of units; the earlier rank is shown, no change in places.
    """
    previous = (
        before.set_index("province_code")["rank"] if len(before) else pd.Series(dtype="Int64")
    )
    table = now[["rank", "province_code", "name", "value", "rank_kind"]].copy()
    codes = table["province_code"].map(lambda code: (previous_code or {}).get(code, code))
    table["previous_rank"] = codes.map(previous).astype("Int64")
    change = (table["previous_rank"] - table["rank"].astype("Int64")).astype("Int64")
    table["change"] = change if comparable else pd.array([pd.NA] * len(table), dtype="Int64")
    # By score, not by rank: an unranked province of a partial release stands where its score
    # puts it, with an empty rank (not below every ranked one).
    if table["value"].notna().any():
        table = table.sort_values(["value", "rank"], ascending=[False, True], na_position="last")
    else:
        table = table.sort_values("rank", na_position="last")
    return table.reset_index(drop=True)


def rank_changes(
    units: Provinces, now: pd.DataFrame, before: pd.DataFrame, year: int, earlier: int
) -> pd.DataFrame:
    """rank_table for any unit set (units: catalog.Provinces of the index's set): the earlier
    rank of each unit's main line, and a change in places only where both years rank the same
    number of units. A unit that does not exist in both years (the districts, which end in
    2024; the communes, which begin in 2025) has no earlier rank and no change, never "up N"."""
    back = {old: new for new, old in units.continued_codes(year, earlier).items()}
    kept = before[before["province_code"].isin(back)]
    rekeyed = kept.assign(province_code=kept["province_code"].map(back))
    both = len(units.in_year(year)) == len(units.in_year(earlier)) > 0
    return rank_table(now, rekeyed, None, both)


def change_arrow(change: object) -> str:
    """▲ n, ▼ n or = for a change in places; '–' when unknown."""
    if pd.isna(change):
        return "–"
    return f"▲ {change}" if change > 0 else f"▼ {-change}" if change < 0 else "="


@dataclass(frozen=True)
class Standing:
    """A unit's latest headline figure of one index: what the Overview card, the scorecard
    slide and the sentences read, by field (a renamed field fails at lint, not in a meeting).
    Missing figures are None (never NaN or pd.NA), so callers can test them plainly."""

    year: int
    value: float | None
    rank: float | None
    units: int
    rank_kind: str = "published"
    coverage: str = "complete"
    previous_year: int | None = None
    value_change: float | None = None
    places_change: float | None = None
    previous_rank: float | None = None
    previous_units: int | None = None
    valued: int | None = None  # units with a value in the year's table (settle)
    rank_units: int | None = None  # the rank's denominator (ranked_units, settle)


def standing(history: pd.DataFrame) -> Standing | None:
    """Latest value and rank of a unit's headline, with the previous year that has data."""
    rows = history.dropna(subset=["value", "rank"], how="all")
    if rows.empty:
        return None
    latest = rows.iloc[-1]
    previous = rows.iloc[-2] if len(rows) > 1 else None
    # Ranks among different numbers of units (63 to 2024, 34 from 2025) are not comparable:
    # the places are not counted across that boundary, the earlier rank is given as it was.
    comparable = previous is not None and int(previous["units"]) == int(latest["units"])
    return Standing(
        year=int(latest["year"]),
        value=_plain(latest["value"]),
        rank=_plain(latest["rank"]),
        units=int(latest["units"]),
        rank_kind=latest["rank_kind"],
        coverage=latest["coverage"],
        previous_year=None if previous is None else int(previous["year"]),
        value_change=None if previous is None else _diff(latest["value"], previous["value"]),
        places_change=_diff(previous["rank"], latest["rank"]) if comparable else None,
        previous_rank=None if previous is None else _plain(previous["rank"]),
        previous_units=None if previous is None else int(previous["units"]),
    )


def _plain(value: Any) -> Any:
    return None if pd.isna(value) else value.item() if hasattr(value, "item") else value


def _diff(a: Any, b: Any) -> float | None:
    return None if pd.isna(a) or pd.isna(b) else _plain(a - b)


def percentile_text(rank: float | None, units: int) -> float | None:
    """The share of units ranked below, as a percentage (rank 1 of 63 -> 98.4)."""
    if rank is None or pd.isna(rank) or not units:
        return None
    return 100 * (units - rank) / units


def pair(x: pd.DataFrame, y: pd.DataFrame) -> pd.DataFrame:
    """Two indices' values side by side per province (x, y), for a scatter; only shared units."""
    both = x[["province_code", "name", "value"]].merge(
        y[["province_code", "value"]], on="province_code", suffixes=("_x", "_y")
    )
    return both.rename(columns={"value_x": "x", "value_y": "y"})


def breaks_since(breaks: pd.DataFrame, year: int, previous: int | None) -> pd.DataFrame:
    """The methodology breaks between a compared year (exclusive) and the year shown (inclusive)."""
    after = previous if previous is not None else year
    return breaks[(breaks["year"] <= year) & (breaks["year"] > after)]


def national_cutoff(frame: pd.DataFrame, cutoff: int = 5) -> float | None:
    """The score of the province ranked `cutoff` in the whole country (None if not published):
    where the national top-5 line is drawn, whatever peer group is shown."""
    found = frame.loc[frame["rank"] == cutoff, "value"].dropna()
    return float(found.iloc[0]) if len(found) else None


def breaks_for(breaks: pd.DataFrame, indicators: Iterable[str] = ()) -> pd.DataFrame:
    """The breaks that concern a view: those of the whole index, and those of the indicators
    shown (or their parent dimension). PAPI's 2021 change of D5 does not split the total."""
    concerned = breaks["indicator"].isna() | breaks["indicator"].isin(set(indicators))
    return breaks[concerned]


def ranked_units(valued: int | None, units: int, rank: float | None = None) -> int:
    """The one rule for a rank's denominator: the units ranked in that table.

    A table the database holds for most units (PAPI 2024: 61 of 63; PAPI itself publishes no
    ranks) ranks the units with a value; a table it holds in part (PAR INDEX 2024: 2 of 63)
    carries the publisher's ranks, made over all the year's units.
    """
    if valued is None or 2 * valued <= units:
        return units
    return max(valued, int(rank)) if rank is not None and not pd.isna(rank) else valued


def settle(found: Standing, table: pd.DataFrame, province_code: str | None) -> Standing:
    """The standing with its table's counts: valued, rank_units, and, where the table ranks
    the units with a value and none was published (Bắc Ninh, PAPI 2024), the unit's place by
    value among them (rank_kind "position")."""
    valued = int(table["value"].notna().sum()) if len(table) else None
    settled = replace(found, valued=valued)
    mine = table.loc[table["province_code"] == province_code, "value"].dropna()
    if found.rank is None and len(mine) and valued and 2 * valued > found.units:
        better = int((table["value"] > mine.iloc[0]).sum())
        settled = replace(settled, rank=better + 1, rank_kind="position")
    return replace(settled, rank_units=ranked_units(valued, found.units, settled.rank))

"""Several units on one indicator over the years: their series side by side, and who gained most."""

from collections.abc import Callable, Iterable, Sequence

import pandas as pd

from scores import db
from scores.catalog import Provinces, Unit, unit_key
from scores.i18n import number, t

MOST_UNITS = 8  # more lines than this do not read on one chart (and the palette has 8 colours)
COLUMNS = ["unit_key", "year", "indicator", "value", "rank", "units", "value_source", "unit_code"]


def default_set(provinces: Provinces, first: Unit) -> list[Unit]:
    """The set a compare view opens on: the focus unit, then today's centrally-run cities."""
    cities = [u for u in provinces.today() if u.central_city_since is not None]
    return ([first] + [u for u in cities if u != first])[:MOST_UNITS]


def series(
    load: Callable[..., pd.DataFrame],
    provinces: Provinces,
    units: Sequence[Unit],
    index_code: str,
    indicator: str,
) -> pd.DataFrame:
    """Each unit's value and rank by year along its main line (COLUMNS), units in the order given.

    indicator: a catalogue code, or 'headline' for the index's total of each year.
    """
    parts = [
        db.along(
            load,
            provinces.main_line(unit),
            "indicator_by_year",
            index_code=index_code,
            indicator=indicator,
        ).assign(unit_key=unit_key(unit))
        for unit in units
    ]
    if not parts:
        return pd.DataFrame(columns=COLUMNS)
    return pd.concat(parts, ignore_index=True)[COLUMNS]


def table(frame: pd.DataFrame, names: dict[str, str], lang: str) -> pd.DataFrame:
    """One row per unit, one column per year: 'score · rank/N' ('–' where nothing is known)."""

    def cell(row: pd.Series) -> str:
        rank = "" if pd.isna(row["rank"]) else f" · {int(row['rank'])}/{int(row['units'])}"
        return number(row["value"], lang) + rank

    if frame.empty:
        return pd.DataFrame()
    shown = frame.assign(cell=frame.apply(cell, axis=1), year=frame["year"].astype(int))
    grid = shown.pivot_table(index="unit_key", columns="year", values="cell", aggfunc="first")
    grid = grid.reindex([key for key in names if key in grid.index]).fillna("–")
    grid.index = [names[key] for key in grid.index]
    grid.columns = [str(year) for year in grid.columns]
    return grid


def gains(frame: pd.DataFrame, since: int, breaks: Iterable[int]) -> pd.DataFrame:
    """Each unit's change from `since` to its latest year: in points when no methodology break
    lies between, else in places when both ranks are of the same number of units; most first.

    Columns: unit_key, since, latest, measure ('points' or 'places'), change, before, after.
    """
    rows = []
    for key, part in frame.groupby("unit_key", sort=False):
        found = _change(part, since, tuple(breaks))
        if found is not None:
            rows.append({"unit_key": key, **found})
    found = pd.DataFrame(
        rows, columns=["unit_key", "since", "latest", "measure", "change", "before", "after"]
    )
    return found.sort_values("change", ascending=False, kind="stable").reset_index(drop=True)


def _change(part: pd.DataFrame, since: int, breaks: tuple[int, ...]) -> dict | None:
    start, later = part[part["year"] == since], part[part["year"] > since]
    if start.empty or later.empty:
        return None
    first, last = start.iloc[0], later.sort_values("year").iloc[-1]
    latest = int(last["year"])
    same_method = not any(since < b <= latest for b in breaks)
    if same_method and pd.notna(first["value"]) and pd.notna(last["value"]):
        return _row(since, latest, "points", last["value"] - first["value"], first, last, "value")
    if pd.notna(first["rank"]) and pd.notna(last["rank"]) and first["units"] == last["units"]:
        # A higher place is a smaller rank: a gain is the rank before minus the rank after.
        return _row(since, latest, "places", first["rank"] - last["rank"], first, last, "rank")
    return None


def _row(
    since: int,
    latest: int,
    measure: str,
    change: float,
    first: pd.Series,
    last: pd.Series,
    column: str,
) -> dict:
    return {
        "since": since,
        "latest": latest,
        "measure": measure,
        "change": float(change),
        "before": float(first[column]),
        "after": float(last[column]),
    }


def gain_sentence(found: pd.DataFrame, names: dict[str, str], since: int, lang: str) -> str:
    """'Since 2018, Đà Nẵng gained most: +3,21 points (43,10 in 2018, 46,31 in 2024).'"""
    if found.empty:
        return t("compare.no_gain", lang, since=since)
    best = found.iloc[0]
    if best["measure"] == "points":
        change, before, after = (number(best[c], lang) for c in ("change", "before", "after"))
    else:
        change, before, after = (str(int(best[c])) for c in ("change", "before", "after"))
    sign = "+" if best["change"] >= 0 else "−"
    # Nobody gained: the sentence says who fell least, never "gained most" of a fall.
    kind = "gain" if best["change"] > 0 else "least"
    return t(
        f"compare.{kind}_{best['measure']}",
        lang,
        since=since,
        name=names[best["unit_key"]],
        change=sign + change.lstrip("-"),
        before=before,
        after=after,
        latest=int(best["latest"]),
        count=len(found),
    )

"""Trang một sở, ban, ngành: its score on the city's own index, its rank over the years, the
national components it answers for with Hà Nội's standing on each, and its actions."""

from datetime import date

import pandas as pd
import streamlit as st

from scores import db
from scores.analysis.actions import by_owner
from scores.analysis.standings import (
    breaks_for,
    breaks_since,
    change_arrow,
    rank_changes,
    ranked_units,
    settle,
    standing,
)
from scores.app import actions_panel, cache, state, widgets
from scores.catalog import Unit, unit_key
from scores.i18n import in_lang, number
from scores.store.owners import DEPARTMENTS, current_from

lang = state.lang()
names = state.index_names()
units = cache.provinces(DEPARTMENTS)
CITY = cache.load("indices_by_unit_set", unit_set=DEPARTMENTS)


def fmt(value: object, digits: int = 2) -> str:
    return (
        state.tr("owners.no_value")
        if value is None or pd.isna(value)
        else number(value, lang, digits)
    )


def choose() -> Unit:
    """The department: ?unit=HN-D-NV in the link, else the one picked (today's units first)."""
    keyed = {unit_key(u): u for u in units.today() + units.ended()}
    picked = state.pick(
        state.tr("owners.pick"), list(keyed), "unit", None, lambda k: state.unit_name(keyed[k])
    )
    return keyed[picked]


def headline(unit: Unit, index_code: str) -> pd.DataFrame:
    """The unit's headline total of the city index, year by year (its main line)."""
    found = db.along(cache.load, units.main_line(unit), "headline_by_year")
    return found[found["index_code"] == index_code].reset_index(drop=True)


def year_table(index_code: str, indicator: str, year: int) -> pd.DataFrame:
    """Every unit's headline in a year, as rank_changes reads it (name in the user's language)."""
    found = cache.load("scores_by_province", index_code=index_code, indicator=indicator, year=year)
    return found.assign(name=[state.unit_name(u) for u in found.itertuples()])


def own_score(unit: Unit, index_code: str, rows: pd.DataFrame) -> None:
    """The latest year held: score, rank of N, and "partial" with the source when it is."""
    short = in_lang(CITY.set_index("index_code").loc[index_code], "short", lang)
    found = standing(rows)
    if found is None:
        held = cache.load("indicators_by_year", index_code=index_code)["year"].unique()
        years = ", ".join(map(str, sorted(held)))
        st.info(state.tr("owners.no_score", index=short, unit=state.unit_name(unit), years=years))
        return
    table = year_table(index_code, rows["indicator"].iloc[-1], found.year)
    found = settle(found, table, unit.province_code)
    st.subheader(state.tr("owners.own_title", index=short, year=found.year))
    left, right = st.columns(2)
    left.metric(state.tr("owners.score"), fmt(found.value))
    rank = (
        state.tr("owners.rank_of", rank=int(found.rank), units=found.rank_units)
        if found.rank
        else state.tr("owners.unranked")
    )
    right.metric(state.tr("owners.rank"), rank)
    if found.coverage == "partial":
        st.warning(
            state.tr("owners.partial", year=found.year, valued=found.valued, units=found.units)
        )
    widgets.source_caption(index_code, found.year)


def moved(change: object, year: int, earlier: int | None, breaks: pd.DataFrame) -> str:
    """The change in places, none across a revision of the criteria (the 2023 one): the
    ranks before and after it measure different things."""
    if earlier is None:
        return "–"
    revised = breaks_since(breaks, year, earlier)
    if len(revised):
        return state.tr("owners.revised", year=int(revised["year"].iloc[0]))
    return change_arrow(change)


def rank_history(unit: Unit, index_code: str, rows: pd.DataFrame) -> None:
    """Each year held with the rank and the change in places since the previous year held,
    counted only where both years rank the same units (rank_changes)."""
    if rows.empty:
        return
    st.subheader(state.tr("owners.history"))
    years = rows["year"].astype(int).tolist()
    breaks = breaks_for(cache.load("methodology_breaks_by_year", index_code=index_code))
    lines = []
    for earlier, year in zip([None, *years[:-1]], years, strict=True):
        indicator = rows.loc[rows["year"] == year, "indicator"].iloc[0]
        now = year_table(index_code, indicator, year)
        before = year_table(index_code, indicator, earlier) if earlier else now.iloc[0:0]
        table = rank_changes(units, now, before, year, earlier or year)
        mine = table[table["province_code"] == unit.province_code].iloc[0]
        rank_units = ranked_units(
            int(now["value"].notna().sum()), len(units.in_year(year)), mine["rank"]
        )
        rank = (
            "–"
            if pd.isna(mine["rank"])
            else state.tr("owners.rank_of", rank=int(mine["rank"]), units=rank_units)
        )
        lines.append(
            {
                state.tr("owners.year"): str(year),
                state.tr("owners.score"): fmt(mine["value"]),
                state.tr("owners.rank"): rank,
                state.tr("owners.change"): moved(mine["change"], year, earlier, breaks),
            }
        )
    widgets.text_table(pd.DataFrame(lines[::-1]))
    st.caption(state.tr("owners.change_note"))


def owned(unit: Unit) -> None:
    """The national components this department answers for, with Hà Nội's latest standing."""
    st.subheader(state.tr("owners.owned_title", unit=state.unit_name(unit)))
    mapping = current_from(cache.load("component_owners_by_change", index_code=None))
    mine = mapping[mapping["owner_code"] == unit.province_code]
    if mine.empty:
        st.caption(state.tr("owners.owned_none", unit=state.unit_name(unit)))
        return
    hanoi = cache.provinces().by_key(state.DEFAULT_PROVINCE)
    lines = []
    for row in mine.itertuples():
        found = cache.history("percentiles_by_year", hanoi, index_code=row.index_code)
        held = standing(found[found["indicator"] == row.indicator])
        label = state.indicator_labels(row.index_code).get(row.indicator, row.indicator)
        line = state.tr("owners.no_value")
        if held is not None:
            valued = found.loc[
                (found["indicator"] == row.indicator) & (found["year"] == held.year), "valued"
            ]
            of = ranked_units(int(valued.iloc[0]), held.units, held.rank)
            rank = state.tr("owners.rank_of", rank=int(held.rank), units=of) if held.rank else "–"
            line = state.tr("owners.standing_line", value=fmt(held.value), rank=rank)
        lines.append(
            {
                state.tr("owners.index"): names.get(row.index_code, row.index_code),
                state.tr("owners.component"): label,
                state.tr("owners.hanoi_standing"): line,
                state.tr("owners.latest_year"): str(held.year) if held else "–",
            }
        )
    widgets.text_table(pd.DataFrame(lines))


def unit_actions(unit: Unit) -> None:
    """The actions this unit leads, the overdue ones first."""
    st.subheader(state.tr("owners.actions_title", unit=state.unit_name(unit)))
    found = by_owner(cache.load, unit.province_code, date.today())
    if found.empty:
        st.caption(state.tr("owners.actions_none", unit=state.unit_name(unit)))
        return
    late = int(found["overdue"].sum())
    if late:
        st.warning(state.tr("owners.overdue_count", count=late))
    table = actions_panel.readable(found, names)
    shown = ["col_id", "col_indicator", "col_action", "col_due", "col_status", "col_note"]
    joined = table[state.tr("plan.col_index")] + " · " + table[state.tr("plan.col_indicator")]
    widgets.text_table(
        table[[state.tr(f"plan.{k}") for k in shown]].assign(
            **{state.tr("plan.col_indicator"): joined}
        )
    )


with st.columns([1, 2])[0]:
    unit = choose()
st.title(state.tr("owners.title", unit=state.unit_name(unit)))
for code in CITY["index_code"]:
    rows = headline(unit, code)
    own_score(unit, code, rows)
    rank_history(unit, code, rows)
owned(unit)
unit_actions(unit)

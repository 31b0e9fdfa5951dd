"""Xếp hạng & so sánh: one indicator of one index and year across the units it is measured on
(the provinces; in the city's scope, its departments or districts): bars, map, table."""

from functools import partial

import pandas as pd
import streamlit as st

from scores.analysis.standings import PEER_GROUPS, peers
from scores.app import cache, state
from scores.app.ranking_tabs import RankingView, said, tabs
from scores.i18n import in_lang

unit, lang = state.focus_unit(), state.lang()
CITY_PEERS = ("all", "top5", "custom")  # regions and centrally-run cities are the provinces'


def choose_index(names: dict[str, str]) -> str:
    """The index: in the national scope the one with the focus province's latest figure first;
    in the city's, the catalogue's first."""
    headline = cache.history("headline_by_year", unit)
    latest = headline.groupby("index_code")["year"].max()
    first = max(names, key=lambda code: latest.get(code, 0))
    return state.pick(state.tr("rankings.index"), list(names), "index", first, names.get)


def choose_year(index_code: str, available: pd.DataFrame) -> int:
    """The year: the focus province's latest with this index; in the city's scope the latest
    with two units valued (a partial year with one unit makes no ranking), else the latest."""
    years = sorted(available["year"].unique().tolist(), reverse=True)
    if state.city_scope():
        compared = available.loc[available["valued"] >= 2, "year"]
        default = int(compared.max()) if len(compared) else years[0]
        return state.pick(state.tr("rankings.year"), years, "year", default)
    headline = cache.history("headline_by_year", unit)
    mine = headline.loc[headline["index_code"] == index_code, "year"]
    default = int(mine.max()) if len(mine) else years[0]
    return state.pick(state.tr("rankings.year"), years, "year", default)


def choose_peers(frame: pd.DataFrame, code: str | None, year: int, index_code: str) -> pd.DataFrame:
    """The peer group's rows (a city set: all, the top 5, or units picked by hand)."""
    groups = CITY_PEERS if state.city_scope() else PEER_GROUPS
    words = "cityscope.peers_" if state.city_scope() else "peers."
    group = state.pick(
        state.tr("rankings.peers"),
        list(groups),
        "peers",
        "all",
        lambda g: state.tr(words + g),
        widget=partial(st.radio, horizontal=True),
    )
    custom = []
    if group == "custom":
        units = cache.index_units_in(index_code, year)
        options = {u.province_code: state.unit_name(u) for u in units}
        if "custom_peers" not in st.session_state:  # a shared link: ?peers=custom&custom=01,48
            asked = st.query_params.get("custom", code or "").split(",")
            st.session_state["custom_peers"] = [c for c in asked if c in options]
        label = state.tr("cityscope.custom" if state.city_scope() else "rankings.custom")
        custom = st.multiselect(label, list(options), format_func=options.get, key="custom_peers")
        st.query_params["custom"] = ",".join(custom)
    return peers(frame, group, code, year, custom)


names = state.scope_index_names()
if not names:  # a catalogue without the scope's indices: say so, draw nothing else
    st.info(state.tr("cityscope.no_indices"))
    st.stop()
left, middle, right = st.columns([1, 1, 2])
with left:
    index_code = choose_index(names)
unit_set = cache.unit_set(index_code)
available = cache.load("indicators_by_year", index_code=index_code)
available = available[(available["valued"] > 0) | (available["ranked"] > 0)]
if available.empty:
    st.info(state.tr("cityscope.no_release", index=names[index_code]))
    st.stop()
with middle:
    year = choose_year(index_code, available)
# The focus province is highlighted among the provinces; no city unit is a focus (yet).
code = None if unit_set != "province" else state.code_in(year)
of_year = available[available["year"] == year]
labels = {row.indicator: state.indicator_name(row) for row in of_year.itertuples()}
with right:
    indicator = state.pick(
        state.tr("rankings.indicator"), list(labels), "indicator", None, labels.get
    )

frame = cache.load("scores_by_province", index_code=index_code, year=year, indicator=indicator)
frame = frame.assign(name=in_lang(frame, "name", lang))
units = len(cache.index_units_in(index_code, year))
title = f"{names[index_code]} {year}: {labels[indicator]}"
st.title(title)
if len(frame) == 0 or frame["coverage"].iloc[0] == "partial":
    valued = int(frame["value"].notna().sum())
    st.warning(said(unit_set, "partial", valued=valued, units=units, year=year))

shown = choose_peers(frame, code, year, index_code)
mine = frame[frame["province_code"] == code]
if code is None and unit_set == "province":
    st.info(state.tr("rankings.not_in_year", province=state.unit_name(unit), year=year))
chart_title = title
if len(mine) and pd.notna(mine["rank"].iloc[0]):
    chart_title = state.tr(
        "rankings.chart_title",
        province=state.unit_name(unit),
        rank=int(mine["rank"].iloc[0]),
        units=units,
        what=title,
    )
sources = list(frame["source"].dropna().unique())
previous = sorted((int(y) for y in available["year"].unique() if y < year), reverse=True)
view = RankingView(
    index_code, year, indicator, unit_set, frame, shown, code, title, chart_title, sources,
    previous, of_year, names
)  # fmt: skip
tabs(view)

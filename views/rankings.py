"""Xếp hạng & so sánh: one indicator of one index and year across provinces: bars, map, table."""

from functools import partial

import pandas as pd
import streamlit as st

from scores.analysis.standings import (
    PEER_GROUPS,
    breaks_for,
    breaks_since,
    change_arrow,
    national_cutoff,
    pair,
    peers,
    rank_table,
)
from scores.app import cache, clicks, state, widgets
from scores.i18n import in_lang, number

unit, lang = state.focus_unit(), state.lang()
PHONE_TITLE = 28  # characters in a title line that fit a phone's width (390 px) at 24 px
PHONE_BARS = (5, 10, 2)  # a phone's ranking: the top-5 line, the top 10, 2 neighbours each side
MANY_UNITS = 100  # more units than this: a wide screen too shows the top and the focus first
WIDE_BARS = (5, 25, 5)  # then: the top-5 line, the top 25, 5 neighbours each side


def lineage_codes(year: int, earlier: int) -> tuple[dict[str, str], bool]:
    """Each unit's code in the earlier year (its main predecessor), and whether ranks compare."""
    provinces = cache.provinces()
    codes = {}
    for member in provinces.in_year(year):
        found = provinces.along(member, earlier)
        if found is not None:
            codes[member.province_code] = found.province_code
    return codes, len(provinces.in_year(year)) == len(provinces.in_year(earlier))


names = state.index_names()
left, middle, right = st.columns([1, 1, 2])
headline = cache.history("headline_by_year", unit)
# Open on the index and year with the focus province's latest figure.
latest = headline.groupby("index_code")["year"].max()
first = max(names, key=lambda code: latest.get(code, 0))
with left:
    index_code = state.pick(state.tr("rankings.index"), list(names), "index", first, names.get)
available = cache.load("indicators_by_year", index_code=index_code)
available = available[(available["valued"] > 0) | (available["ranked"] > 0)]
years = sorted(available["year"].unique().tolist(), reverse=True)
mine_years = headline.loc[headline["index_code"] == index_code, "year"]
with middle:
    default_year = int(mine_years.max()) if len(mine_years) else years[0]
    year = state.pick(state.tr("rankings.year"), years, "year", default_year)
code = state.code_in(year)
of_year = available[available["year"] == year]
labels = {row.indicator: state.indicator_name(row) for row in of_year.itertuples()}
with right:
    indicator = state.pick(
        state.tr("rankings.indicator"), list(labels), "indicator", None, labels.get
    )

frame = cache.load("scores_by_province", index_code=index_code, year=year, indicator=indicator)
frame = frame.assign(name=in_lang(frame, "name", lang))
units = len(cache.provinces_in(year))
title = f"{names[index_code]} {year}: {labels[indicator]}"
st.title(title)
coverage = frame["coverage"].iloc[0] if len(frame) else "partial"
if coverage == "partial":
    st.warning(state.tr("rankings.partial", valued=int(frame["value"].notna().sum()), units=units))

group = state.pick(
    state.tr("rankings.peers"),
    list(PEER_GROUPS),
    "peers",
    "all",
    lambda g: state.tr(f"peers.{g}"),
    widget=partial(st.radio, horizontal=True),
)
custom = []
if group == "custom":
    options = {u.province_code: state.unit_name(u) for u in cache.provinces_in(year)}
    if "custom_peers" not in st.session_state:  # a shared link: ?peers=custom&custom=01,48
        asked = st.query_params.get("custom", code or "").split(",")
        st.session_state["custom_peers"] = [c for c in asked if c in options]
    custom = st.multiselect(
        state.tr("rankings.custom"), list(options), format_func=options.get, key="custom_peers"
    )
    st.query_params["custom"] = ",".join(custom)
shown = peers(frame, group, code, year, custom)
mine = frame[frame["province_code"] == code]
if code is None:
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
caption = state.tr("rankings.caption", units=units)
previous = [y for y in years if y < year]


def clickable(chart_key: str) -> dict:
    """st.plotly_chart's options for a chart whose click makes a province the focus."""
    return {"on_select": clicks.focus_on_click(chart_key, year), "selection_mode": "points"}


def ranking() -> None:
    """Ranked bars; a phone's and a wider screen's (style.css shows one by the screen's width)."""
    if shown["value"].notna().sum() < 2:
        st.info(state.tr("rankings.no_values"))
        widgets.source_note(index_code, year, sources, caption)
        return
    every = ("ranked_bars", shown, code, lang, chart_title, national_cutoff(frame))
    with st.container(key="bars_phone"):  # the top 10, the focus and its neighbours
        cutoff, top, around = PHONE_BARS
        top = None if st.toggle(state.tr("rankings.show_all"), key="bars_all") else top
        phone = cache.figure(*every, cutoff, top, around, PHONE_TITLE)
        st.plotly_chart(
            phone, width="stretch", key="bars_phone_chart", **clickable("bars_phone_chart")
        )
    with st.container(key="bars_wide"):
        if len(shown) > MANY_UNITS:  # hundreds of bars are unreadable, and slow to draw
            cutoff, top, around = WIDE_BARS
            top = None if st.toggle(state.tr("rankings.show_all"), key="bars_all_wide") else top
            every = (*every, cutoff, top, around)
        bars = cache.figure(*every)
        st.plotly_chart(
            bars, width="stretch", key="bars_wide_chart", **clickable("bars_wide_chart")
        )
        widgets.chart_png_button(bars, index_code, year, sources, f"{stem}_bars")
    widgets.source_note(index_code, year, sources, caption)


def mapped() -> None:
    """The choropleth; a phone's (scale and key under the map) and a wider screen's."""
    drawn = ("choropleth", frame, year, code, lang, chart_title, state.tr(f"map.unit_{index_code}"))
    with st.container(key="map_phone"):
        phone = cache.figure(*drawn, PHONE_TITLE)
        st.plotly_chart(
            phone, width="stretch", key="map_phone_chart", **clickable("map_phone_chart")
        )
    with st.container(key="map_wide"):
        shown_map = cache.figure(*drawn)
        st.plotly_chart(
            shown_map, width="stretch", key="map_wide_chart", **clickable("map_wide_chart")
        )
        widgets.chart_png_button(shown_map, index_code, year, sources, f"{stem}_map")
    widgets.source_note(index_code, year, sources, caption)


def notes_before_table() -> pd.DataFrame:
    """Each shown unit's rank against the previous release, after saying what does not compare
    (a boundary change, a method change since then)."""
    earlier, before = year, frame.iloc[0:0]  # no earlier release: no previous ranks
    if previous:
        earlier = previous[0]
        before = cache.load(
            "scores_by_province", index_code=index_code, year=earlier, indicator=indicator
        )
    codes, comparable = lineage_codes(year, earlier)
    table = rank_table(shown, before, codes, comparable)
    if not comparable:
        said = {"previous": earlier, "year": year, "units": units}
        st.info(state.tr("rankings.boundary", before=len(cache.provinces_in(earlier)), **said))
    all_breaks = breaks_for(
        cache.load("methodology_breaks_by_year", index_code=index_code),
        [indicator, *of_year.loc[of_year["indicator"] == indicator, "parent"].dropna()],
    )
    for note in breaks_since(all_breaks, year, previous[0] if previous else None).itertuples():
        said = in_lang(note, "note", lang)
        st.info(state.tr("rankings.break", year=note.year, note=said))
    return table


def rank_text(rank: object) -> str:
    return "–" if pd.isna(rank) else str(rank)


def tabled() -> None:
    """The ranking as a table, with each unit's previous rank, and its downloads."""
    table = notes_before_table()
    view = pd.DataFrame(
        {
            state.tr("table.rank"): table["rank"].map(rank_text),
            state.tr("table.province"): table["name"],
            state.tr("table.value"): table["value"].map(lambda v: number(v, lang)),
            state.tr("table.previous_rank", year=previous[0] if previous else "–"): table[
                "previous_rank"
            ].map(rank_text),
            state.tr("table.change"): table["change"].map(change_arrow),
            state.tr("table.rank_kind"): table["rank_kind"].map(
                lambda k: state.tr(f"rank_kind.{k}") if isinstance(k, str) else "–"
            ),
        }
    )
    st.dataframe(view, hide_index=True, width="stretch", height=min(38 * (len(view) + 1), 900))
    widgets.download_buttons(table.drop(columns=["rank_kind"]), stem)


def scattered() -> None:
    """This indicator against another index's headline score, one point per unit."""
    others = {code: name for code, name in names.items() if code != index_code}
    # The index with the most provinces valued that year first: a scatter needs many points.
    richest = sorted(others, key=lambda code: -cache.valued_count(code, year))
    other = st.selectbox(
        state.tr("rankings.against"), richest, format_func=others.get, key="against"
    )
    other_years = cache.load("indicators_by_year", index_code=other)
    headline = other_years[(other_years["year"] == year) & other_years["headline"]]
    if headline.empty:
        st.info(state.tr("rankings.no_other", index=others[other], year=year))
        return
    y_frame = cache.load(
        "scores_by_province", index_code=other, year=year, indicator=headline["indicator"].iloc[0]
    )
    both = pair(frame, y_frame)
    count = int(both.dropna().shape[0])
    if count < 3:
        st.info(state.tr("rankings.too_few", count=count))
        return
    said = state.tr("rankings.scatter_title", x=names[index_code], y=others[other], year=year)
    scatter = cache.figure("scatter", both, code, lang, said, names[index_code], others[other])
    st.plotly_chart(scatter, width="stretch", key="scatter_chart", **clickable("scatter_chart"))
    widgets.chart_png_button(
        scatter, index_code, year, sources, f"{index_code}_{other}_{year}_scatter"
    )
    st.caption(state.tr("rankings.scatter_caption", count=count))


stem = f"{index_code}_{year}_{indicator}"
tabs = st.tabs(
    [state.tr(f"rankings.tab_{name}") for name in ("bars", "map", "table", "scatter")],
    key="tab",
    bind="query-params",  # the open tab lives in the link (?tab=Bản đồ) like the other choices
    on_change="rerun",  # and only the open tab is drawn: a page opens on one chart, not five
)
for tab, draw in zip(tabs, (ranking, mapped, tabled, scattered), strict=True):
    if tab.open:
        with tab:
            draw()

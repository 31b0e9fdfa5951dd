"""The Rankings page's tabs (bars, map, table, correlation) on one view of one index's table.

One page for every unit set: the view carries the units the index is measured on (the provinces,
the city's departments or districts) and each sentence takes that set's own words; a city set has
no map and no second index on the same units, so its page offers the bars and the table only.
"""

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from scores.analysis.standings import national_cutoff, pair
from scores.app import cache, clicks, state, widgets
from scores.app.ranking_table import tabled

PHONE_TITLE = 28  # characters in a title line that fit a phone's width (390 px) at 24 px
PHONE_BARS = (5, 10, 2)  # a phone's ranking: the top-5 line, the top 10, 2 neighbours each side
MANY_UNITS = 100  # more units than this: a wide screen too shows the top and the focus first
WIDE_BARS = (5, 25, 5)  # then: the top-5 line, the top 25, 5 neighbours each side
NATIONAL_TABS = ("bars", "map", "table", "scatter")
CITY_TABS = ("bars", "table")  # no map of departments, no other index on the same units


def said(unit_set: str, key: str, **values: object) -> str:
    """A sentence about the units in the set's own words: [rankings] for the provinces,
    [cityscope] naming the city's departments or districts ({what})."""
    if unit_set == "province":
        return state.tr(f"rankings.{key}", **values)
    what = state.tr(f"cityscope.set_{unit_set}")
    return state.tr(f"cityscope.{key}", what=what, **values)


@dataclass(frozen=True)
class RankingView:
    """What every tab draws from: one indicator of one index and year, and how to say it."""

    index_code: str
    year: int
    indicator: str
    unit_set: str
    frame: pd.DataFrame  # the year's table, names in the chosen language
    shown: pd.DataFrame  # the rows of the peer group shown
    code: str | None  # the focus unit's code in the year (highlighted), if it is in the set
    title: str
    chart_title: str
    sources: list
    previous: list[int]  # the index's earlier years with this indicator, latest first
    of_year: pd.DataFrame  # the year's indicators (their parents: which breaks concern it)
    names: dict[str, str]  # the scope's indices, code -> short name

    @property
    def city(self) -> bool:
        return self.unit_set != "province"

    @property
    def units(self) -> int:
        return len(cache.index_units_in(self.index_code, self.year))

    @property
    def stem(self) -> str:
        return f"{self.index_code}_{self.year}_{self.indicator}"

    def said(self, key: str, **values: object) -> str:
        return said(self.unit_set, key, **values)

    def caption(self) -> str:
        return self.said("caption", units=self.units)


def tabs(view: RankingView) -> None:
    """The tabs of the view's unit set; only the open one is drawn."""
    keys = CITY_TABS if view.city else NATIONAL_TABS
    drawers = {"bars": ranking, "map": mapped, "table": tabled, "scatter": scattered}
    opened = st.tabs(
        [state.tr(f"rankings.tab_{name}") for name in keys],
        key="tab",
        bind="query-params",  # the open tab lives in the link (?tab=Bản đồ) like the other choices
        on_change="rerun",  # and only the open tab is drawn: a page opens on one chart, not five
    )
    for tab, name in zip(opened, keys, strict=True):
        if tab.open:
            with tab:
                drawers[name](view)


def _clickable(view: RankingView, chart_key: str) -> dict:
    """st.plotly_chart's options for a chart whose click makes a province the focus (a city
    unit is not a province: its bars are not clickable)."""
    if view.city:
        return {}
    return {"on_select": clicks.focus_on_click(chart_key, view.year), "selection_mode": "points"}


def _source(view: RankingView) -> None:
    widgets.source_note(view.index_code, view.year, view.sources, view.caption())


def ranking(view: RankingView) -> None:
    """Ranked bars; a phone's and a wider screen's (style.css shows one by the screen's width)."""
    shown, lang = view.shown, state.lang()
    if shown["value"].notna().sum() < 2:
        st.info(view.said("no_values"))
        _source(view)
        return
    # The national top-5 line is the provinces' (a city's partial table has no such line).
    cutoff_value = None if view.city else national_cutoff(view.frame)
    every = ("ranked_bars", shown, view.code, lang, view.chart_title, cutoff_value)
    with st.container(key="bars_phone"):  # the top 10, the focus and its neighbours
        cutoff, top, around = PHONE_BARS
        top = None if st.toggle(state.tr("rankings.show_all"), key="bars_all") else top
        phone = cache.figure(*every, cutoff, top, around, PHONE_TITLE)
        chart = "bars_phone_chart"
        st.plotly_chart(phone, width="stretch", key=chart, **_clickable(view, chart))
    with st.container(key="bars_wide"):
        if len(shown) > MANY_UNITS:  # hundreds of bars are unreadable, and slow to draw
            cutoff, top, around = WIDE_BARS
            top = None if st.toggle(state.tr("rankings.show_all"), key="bars_all_wide") else top
            every = (*every, cutoff, top, around)
        bars = cache.figure(*every)
        chart = "bars_wide_chart"
        st.plotly_chart(bars, width="stretch", key=chart, **_clickable(view, chart))
        widgets.chart_png_button(
            bars, view.index_code, view.year, view.sources, f"{view.stem}_bars"
        )
    _source(view)


def mapped(view: RankingView) -> None:
    """The choropleth; a phone's (scale and key under the map) and a wider screen's."""
    lang, year = state.lang(), view.year
    unit_label = state.tr(f"map.unit_{view.index_code}")
    drawn = ("choropleth", view.frame, year, view.code, lang, view.chart_title, unit_label)
    with st.container(key="map_phone"):
        phone = cache.figure(*drawn, PHONE_TITLE)
        chart = "map_phone_chart"
        st.plotly_chart(phone, width="stretch", key=chart, **_clickable(view, chart))
    with st.container(key="map_wide"):
        shown_map = cache.figure(*drawn)
        chart = "map_wide_chart"
        st.plotly_chart(shown_map, width="stretch", key=chart, **_clickable(view, chart))
        widgets.chart_png_button(shown_map, view.index_code, year, view.sources, f"{view.stem}_map")
    _source(view)


def scattered(view: RankingView) -> None:
    """This indicator against another index's headline score, one point per unit."""
    names, year, index_code = view.names, view.year, view.index_code
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
    both = pair(view.frame, y_frame)
    count = int(both.dropna().shape[0])
    if count < 3:
        st.info(state.tr("rankings.too_few", count=count))
        return
    said = state.tr("rankings.scatter_title", x=names[index_code], y=others[other], year=year)
    lang = state.lang()
    scatter = cache.figure("scatter", both, view.code, lang, said, names[index_code], others[other])
    st.plotly_chart(
        scatter, width="stretch", key="scatter_chart", **_clickable(view, "scatter_chart")
    )
    stem = f"{index_code}_{other}_{year}_scatter"
    widgets.chart_png_button(scatter, index_code, year, view.sources, stem)
    st.caption(state.tr("rankings.scatter_caption", count=count))

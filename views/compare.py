"""So sánh: up to 8 units on one indicator of one index over the years: chart, table, who gained."""

import streamlit as st

from scores.analysis import compare
from scores.analysis.standings import breaks_for
from scores.app import cache, state, widgets
from scores.catalog import unit_key

widgets.provinces_only("compare.page")
unit, lang = state.focus_unit(), state.lang()
provinces = cache.provinces()
names = state.index_names()
every = {unit_key(u): u for u in state.focus_units()}


def complete_years(index_code: str) -> int:
    """How many years the index has a full table for (the view opens on the longest history)."""
    found = cache.load("indicators_by_year", index_code=index_code)
    return found.loc[found["headline"] & found["coverage"].eq("complete"), "year"].nunique()


def indicator_options(index_code: str) -> dict[str, str]:
    """'headline' (the index's total of each year) first, then every indicator with values."""
    found = cache.load("indicators_by_year", index_code=index_code)
    found = found[~found["headline"] & (found["valued"] > 0)].drop_duplicates("indicator")
    labels = {row.indicator: state.indicator_name(row) for row in found.itertuples()}
    return {"headline": state.tr("compare.headline"), **labels}


def chosen_units() -> list[str]:
    """The unit keys from ?compare= (a shared link), else the focus unit and the cities."""
    if "compare_units" not in st.session_state:
        asked = [key for key in st.query_params.get("compare", "").split(",") if key in every]
        opening = [unit_key(u) for u in compare.default_set(provinces, unit)]
        st.session_state["compare_units"] = (asked or opening)[: compare.MOST_UNITS]
    return st.session_state["compare_units"]


def breaks(index_code: str, indicator: str) -> tuple[int, ...]:
    """Where the lines split: the whole index's breaks, and the indicator's own (or parent's)."""
    if indicator == "headline":
        return cache.index_breaks(index_code)
    catalogue = cache.load("indicators_by_index", index_code=index_code).set_index("indicator")
    concerned = [indicator, *catalogue.loc[[indicator], "parent"].dropna()]
    found = cache.load("methodology_breaks_by_year", index_code=index_code)
    return tuple(sorted(set(breaks_for(found, concerned)["year"])))


st.title(state.tr("compare.title"))
left, right = st.columns([1, 2])
with left:
    index_code = state.pick(
        state.tr("rankings.index"), list(names), "index", max(names, key=complete_years), names.get
    )
labels = indicator_options(index_code)
with right:
    indicator = state.pick(
        state.tr("rankings.indicator"), list(labels), "compare_indicator", "headline", labels.get
    )
chosen_units()
keys = st.multiselect(
    state.tr("compare.units", most=compare.MOST_UNITS),
    list(every),
    key="compare_units",
    max_selections=compare.MOST_UNITS,
    format_func=lambda key: state.picker_label(every[key]),
)
st.query_params["compare"] = ",".join(keys)
shown = {key: state.unit_name(every[key]) for key in keys}
frame = compare.series(cache.load, provinces, [every[key] for key in keys], index_code, indicator)
if frame["value"].notna().sum() + frame["rank"].notna().sum() == 0:
    st.info(state.tr("compare.nothing"))
    st.stop()
split = breaks(index_code, indicator)
years = sorted(int(year) for year in frame["year"].unique())
what = f"{names[index_code]}: {labels[indicator]}"
title = state.tr("compare.chart_title", what=what, first=years[0], last=years[-1])
focus = unit_key(unit)
figure = cache.figure("compare_lines", frame, shown, focus, split, lang, title)
st.plotly_chart(figure, width="stretch", key="compare_chart")
st.caption(state.tr("compare.caption"))
empty = [name for key, name in shown.items() if key not in set(frame["unit_key"])]
if empty:
    st.caption(state.tr("compare.no_figures", names=", ".join(empty)))

# Who gained most: from the first year of the latest method by default (a gain in points).
comparable = [year for year in years[:-1] if not any(year < b <= years[-1] for b in split)]
since_default = comparable[0] if comparable else years[0]
since = state.pick(state.tr("compare.since"), years[:-1] or years, "since", since_default)
found = compare.gains(frame, since, split)
st.markdown(compare.gain_sentence(found, shown, since, lang))

sources = list(frame["value_source"].dropna().unique())
line = st.selectbox(
    state.tr("compare.png_line"),
    ["all", *keys],
    format_func=lambda key: state.tr("compare.png_all") if key == "all" else shown[key],
    key="compare_png_line",
)
one = shown if line == "all" else {line: shown[line]}
picture = cache.figure("compare_lines", frame, one, focus, split, lang, title)
stem = f"compare_{index_code}_{indicator}_{line}"
widgets.chart_png_button(picture, index_code, years[-1], sources, stem)
widgets.source_note(index_code, years[-1], sources)

st.subheader(state.tr("compare.table"))
st.dataframe(compare.table(frame, shown, lang), width="stretch")
raw = frame.assign(name=frame["unit_key"].map(shown))[["name", "year", "value", "rank", "units"]]
raw = raw.rename(columns={"units": state.tr("compare.units_column")})
widgets.download_buttons(raw, f"compare_{index_code}_{indicator}")

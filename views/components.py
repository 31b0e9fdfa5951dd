"""Chỉ số thành phần: the focus province's components against the field, weakest first."""

import pandas as pd
import streamlit as st

from scores.analysis.components import enough
from scores.analysis.standings import breaks_for
from scores.app import actions_panel, briefing, cache, state, widgets
from scores.catalog import unit_key
from scores.export.component_view import ComponentRow, component_view
from scores.i18n import number

widgets.provinces_only("page.components")
unit, lang = state.focus_unit(), state.lang()
names = state.index_names()
# More components than this in a year (the real data has at most 29, PAPI's sub-dimensions):
# the chart shows the weakest ones until "show all" (sixty bars make a chart too tall to take in
# and slow to draw). The table below always lists every one.
MANY_COMPONENTS, WEAKEST_SHOWN = 30, 20


def focus_history(code: str) -> pd.DataFrame:
    """The focus province's component values of one index over the years (main line)."""
    catalogue = cache.load("indicators_by_index", index_code=code)
    parts = catalogue.loc[catalogue["level"] != "total", "indicator"]
    found = cache.history("percentiles_by_year", unit, index_code=code)
    return found[found["indicator"].isin(parts) & found["value"].notna()]


# Open on the index and year the focus province has components for, latest first.
latest = {code: focus_history(code)["year"].max() for code in names}
offered = [code for code in names if pd.notna(latest[code])] or list(names)
first = max(offered, key=lambda code: latest[code] if pd.notna(latest[code]) else 0)
left, right, third = st.columns([1, 1, 2])
with left:
    index_code = state.pick(state.tr("rankings.index"), offered, "index", first, names.get)
history = focus_history(index_code)
years = sorted(history["year"].unique().tolist(), reverse=True)
st.title(state.tr("components.title", index=names[index_code], province=state.unit_name(unit)))
widgets.lineage_note(unit)
if not years:
    st.info(state.tr("components.none", index=names[index_code], province=state.unit_name(unit)))
    st.stop()
with right:
    year = state.pick(state.tr("rankings.year"), years, "year", years[0])
catalogue = cache.load("indicators_by_index", index_code=index_code)
of_year = catalogue[catalogue["indicator"].isin(history.loc[history["year"] == year, "indicator"])]
levels = sorted(of_year["level"].unique())
with third:
    level = state.pick(
        state.tr("brief3.level"),
        levels,
        "level",
        "component",
        lambda v: state.tr(f"brief3.level_{v}"),
    )

view = component_view(briefing.context(unit_key(unit), year, lang), index_code, year, level)
table = view.table if view is not None else pd.DataFrame()
if view is not None and not enough(view.valued, view.units):
    st.warning(state.tr("components.too_few", valued=view.valued, units=view.units, year=year))
elif view is not None and view.valued < view.units:
    st.info(state.tr("components.partial", valued=view.valued, units=view.units))
if table.empty:
    st.info(state.tr("components.no_focus", province=state.unit_name(unit), year=year))
    st.stop()
if view.headline:
    st.subheader(view.headline, anchor=False)  # the weakest-components slide's own title

shown = None
if len(table) > MANY_COMPONENTS and not st.toggle(state.tr("rankings.show_all"), key="all_parts"):
    shown = WEAKEST_SHOWN
    st.caption(state.tr("components.weakest_shown", shown=WEAKEST_SHOWN, total=len(table)))
charted, chart_labels = view.chart_args(shown)
bars = cache.figure("component_bars", charted, chart_labels, lang, view.chart_title)
st.plotly_chart(bars, width="stretch")
widgets.source_caption(index_code, year)
stem = f"{index_code}_{year}_{level}_{unit.province_code}"
widgets.chart_png_button(bars, index_code, year, view.sources, stem)


def reasons(row) -> str:
    found = [state.tr("components.bottom_third")] if row.bottom_third else []
    found += [state.tr("components.fell_twice")] if row.fell_twice else []
    found += (
        [state.tr("components.below_median")] if row.below_median and not row.bottom_third else []
    )
    return "; ".join(found) or "–"


def fmt(value, digits: int = 2) -> str:
    return "–" if value is None or pd.isna(value) else number(value, lang, digits)


def rank_of(row: ComponentRow) -> str:
    return "–" if row.rank is None else f"{row.rank}/{row.units}"


st.subheader(state.tr("components.weakest"))
actions = actions_panel.current(unit.province_code, index_code)
shown_table = pd.DataFrame(
    {
        state.tr("components.component"): [row.name for row in view.rows],
        state.tr("components.value"): [fmt(row.value) for row in view.rows],
        state.tr("chart.median"): table["median"].map(fmt),
        state.tr("chart.top5"): table["top5"].map(fmt),
        state.tr("chart.best"): [fmt(row.best) for row in view.rows],
        state.tr("components.gap"): [fmt(row.gap) for row in view.rows],
        state.tr("brief3.rank"): [rank_of(row) for row in view.rows],
        state.tr("components.change"): table["change"].map(fmt),
        state.tr("components.points_lost"): table["points_lost"].map(fmt),
        state.tr("components.why"): [reasons(row) for row in table.itertuples()],
        state.tr("plan.actions_title"): actions_panel.short(actions, table["indicator"]),
    }
)
widgets.text_table(shown_table)  # "Lý do cảnh báo" wraps in its cell
st.caption(state.tr("brief3.notes", valued=view.valued, units=view.units))
widgets.download_buttons(table, f"{index_code}_{year}_{level}_{unit.province_code}")
actions_panel.beside_indicators(actions, history, state.indicator_labels(index_code))

items = catalogue[catalogue["level"] == level]
labels = {
    c: n for c, n in state.indicator_labels(index_code).items() if c in set(items["indicator"])
}
shown_items = [*labels, *items["parent"].dropna()]
found = cache.load("methodology_breaks_by_year", index_code=index_code)
breaks = breaks_for(found, shown_items)["year"].drop_duplicates().tolist()
heat_labels = labels  # every component of the level, those of other years too
if len(charted) < len(table):  # the weakest only, as in the chart above
    heat_labels = {code: labels[code] for code in charted["indicator"] if code in labels}
heat = history[history["indicator"].isin(heat_labels)]
if heat["year"].nunique() > 1:
    with st.container(key="heatmap"):  # scrolls sideways inside its frame on a phone (style.css)
        heat_figure = cache.figure(
            "percentile_heatmap",
            heat,
            heat_labels,
            breaks,
            lang,
            state.tr("components.heatmap", index=names[index_code], province=state.unit_name(unit)),
        )
        st.plotly_chart(heat_figure, width="stretch")
        widgets.chart_png_button(
            heat_figure, index_code, year, view.sources, f"{index_code}_heatmap"
        )

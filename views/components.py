"""Chỉ số thành phần: the focus province's components against the field, weakest first."""

import pandas as pd
import streamlit as st

from scores.analysis.components import components, weak_points
from scores.app import cache, state, widgets
from scores.i18n import number

unit, lang = state.focus_unit(), state.lang()
names = state.index_names()
left, right, third = st.columns([1, 1, 2])
with left:
    index_code = state.pick(state.tr("rankings.index"), list(names), "index", "PCI", names.get)
available = cache.load("indicators_by_year", index_code=index_code)
with_parts = available[available["level"] != "total"]
years = sorted(with_parts["year"].unique().tolist(), reverse=True)
st.title(state.tr("components.title", index=names[index_code], province=state.unit_name(unit)))
if not years:
    st.info(state.tr("components.none", index=names[index_code]))
    st.stop()
with right:
    year = state.pick(state.tr("rankings.year"), years, "year", years[0])
levels = sorted(with_parts[with_parts["year"] == year]["level"].unique())
with third:
    level = state.pick(
        state.tr("components.level"), levels, "level", "component", lambda v: state.tr(f"level.{v}")
    )

catalogue = cache.load("indicators_by_index", index_code=index_code)
items = catalogue[catalogue["level"] == level].set_index("indicator")
labels = {
    code: name for code, name in state.indicator_labels(index_code).items() if code in items.index
}
values = cache.load("values_by_province_indicator", index_code=index_code, year=year)
history = cache.load(
    "percentiles_by_year",
    index_code=index_code,
    province_code=unit.province_code,
    valid_from=unit.valid_from,
    valid_to=unit.valid_to or 9999,
)
weights = dict(cache.load("weights_by_indicator", index_code=index_code, year=year).values.tolist())
max_points = items["max_points"].dropna().to_dict()
units = len(cache.provinces_in(year))
field = components(values, unit.province_code, items, units)
table = weak_points(field, history, year, weights, max_points)
table = table[table["value"].notna()]
of_year = available[(available["year"] == year) & available["headline"]]
if len(of_year) and of_year["coverage"].iloc[0] == "partial":
    st.warning(state.tr("components.partial"))
if table.empty:
    st.info(state.tr("components.no_focus", province=state.unit_name(unit), year=year))
    st.stop()

chart_labels = {code: labels.get(code, code) for code in table["indicator"]}
st.plotly_chart(
    cache.figure(
        "component_bars",
        table,
        chart_labels,
        lang,
        state.tr(
            "components.chart", index=names[index_code], year=year, province=state.unit_name(unit)
        ),
    ),
    width="stretch",
)
widgets.source_caption(index_code, year)


def reasons(row) -> str:
    found = [state.tr("components.bottom_third")] if row.bottom_third else []
    found += [state.tr("components.fell_twice")] if row.fell_twice else []
    found += (
        [state.tr("components.below_median")] if row.below_median and not row.bottom_third else []
    )
    return "; ".join(found) or "–"


def fmt(value, digits: int = 2) -> str:
    return "–" if value is None or pd.isna(value) else number(value, lang, digits)


st.subheader(state.tr("components.weakest"))
view = pd.DataFrame(
    {
        state.tr("components.component"): [chart_labels[c] for c in table["indicator"]],
        state.tr("components.value"): table["value"].map(fmt),
        state.tr("chart.median"): table["median"].map(fmt),
        state.tr("chart.top5"): table["top5"].map(fmt),
        state.tr("chart.best"): table["best"].map(fmt),
        state.tr("components.gap"): table["gap"].map(fmt),
        state.tr("chart.percentile"): table["percentile"].map(lambda v: fmt(v, 0)),
        state.tr("components.change"): table["change"].map(fmt),
        state.tr("components.points_lost"): table["points_lost"].map(fmt),
        state.tr("components.why"): [reasons(row) for row in table.itertuples()],
    }
)
st.dataframe(view, hide_index=True, width="stretch")
st.caption(state.tr("components.notes", count=units))
widgets.download_buttons(table, f"{index_code}_{year}_{level}_{unit.province_code}")

breaks = cache.load("methodology_breaks_by_year", index_code=index_code)["year"].tolist()
heat = history[history["indicator"].isin(labels)]
if heat["year"].nunique() > 1:
    st.plotly_chart(
        cache.figure(
            "percentile_heatmap",
            heat,
            labels,
            breaks,
            lang,
            state.tr("components.heatmap", index=names[index_code], province=state.unit_name(unit)),
        ),
        width="stretch",
    )

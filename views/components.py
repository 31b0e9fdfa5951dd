"""Chỉ số thành phần: the focus province's components against the field, weakest first."""

import pandas as pd
import streamlit as st

from scores import ui
from scores.components import components, weak_points
from scores.i18n import number

unit, lang = ui.focus(), ui.lang()
names = ui.index_names()
left, right, third = st.columns([1, 1, 2])
with left:
    index_code = ui.pick(ui.tr("rankings.index"), list(names), "index", "PCI", names.get)
available = ui.load("indicators_by_year", index_code=index_code)
with_parts = available[available["level"] != "total"]
years = sorted(with_parts["year"].unique().tolist(), reverse=True)
st.title(ui.tr("components.title", index=names[index_code], province=ui.unit_name(unit)))
if not years:
    st.info(ui.tr("components.none", index=names[index_code]))
    st.stop()
with right:
    year = ui.pick(ui.tr("rankings.year"), years, "year", years[0])
levels = sorted(with_parts[with_parts["year"] == year]["level"].unique())
with third:
    level = ui.pick(
        ui.tr("components.level"), levels, "level", "component", lambda v: ui.tr(f"level.{v}")
    )

catalogue = ui.load("indicators_by_index", index_code=index_code)
items = catalogue[catalogue["level"] == level].set_index("indicator")
labels = {
    code: name for code, name in ui.indicator_labels(index_code).items() if code in items.index
}
values = ui.load("values_by_province_indicator", index_code=index_code, year=year)
history = ui.load(
    "percentiles_by_year",
    index_code=index_code,
    province_code=unit.province_code,
    valid_from=unit.valid_from,
    valid_to=unit.valid_to or 9999,
)
weights = dict(ui.load("weights_by_indicator", index_code=index_code, year=year).values.tolist())
max_points = items["max_points"].dropna().to_dict()
units = len(ui.provinces_in(year))
field = components(values, unit.province_code, items, units)
table = weak_points(field, history, year, weights, max_points)
table = table[table["value"].notna()]
of_year = available[(available["year"] == year) & available["headline"]]
if len(of_year) and of_year["coverage"].iloc[0] == "partial":
    st.warning(ui.tr("components.partial"))
if table.empty:
    st.info(ui.tr("components.no_focus", province=ui.unit_name(unit), year=year))
    st.stop()

chart_labels = {code: labels.get(code, code) for code in table["indicator"]}
st.plotly_chart(
    ui.figure(
        "component_bars",
        table,
        chart_labels,
        lang,
        ui.tr("components.chart", index=names[index_code], year=year, province=ui.unit_name(unit)),
    ),
    width="stretch",
)
ui.source_caption(index_code, year)


def reasons(row) -> str:
    found = [ui.tr("components.bottom_third")] if row.bottom_third else []
    found += [ui.tr("components.fell_twice")] if row.fell_twice else []
    found += [ui.tr("components.below_median")] if row.below_median and not row.bottom_third else []
    return "; ".join(found) or "–"


def fmt(value, digits: int = 2) -> str:
    return "–" if value is None or pd.isna(value) else number(value, lang, digits)


st.subheader(ui.tr("components.weakest"))
view = pd.DataFrame(
    {
        ui.tr("components.component"): [chart_labels[c] for c in table["indicator"]],
        ui.tr("components.value"): table["value"].map(fmt),
        ui.tr("chart.median"): table["median"].map(fmt),
        ui.tr("chart.top5"): table["top5"].map(fmt),
        ui.tr("chart.best"): table["best"].map(fmt),
        ui.tr("components.gap"): table["gap"].map(fmt),
        ui.tr("chart.percentile"): table["percentile"].map(lambda v: fmt(v, 0)),
        ui.tr("components.change"): table["change"].map(fmt),
        ui.tr("components.points_lost"): table["points_lost"].map(fmt),
        ui.tr("components.why"): [reasons(row) for row in table.itertuples()],
    }
)
st.dataframe(view, hide_index=True, width="stretch")
st.caption(ui.tr("components.notes", count=units))
ui.download_buttons(table, f"{index_code}_{year}_{level}_{unit.province_code}")

breaks = ui.load("methodology_breaks_by_year", index_code=index_code)["year"].tolist()
heat = history[history["indicator"].isin(labels)]
if heat["year"].nunique() > 1:
    st.plotly_chart(
        ui.figure(
            "percentile_heatmap",
            heat,
            labels,
            breaks,
            lang,
            ui.tr("components.heatmap", index=names[index_code], province=ui.unit_name(unit)),
        ),
        width="stretch",
    )

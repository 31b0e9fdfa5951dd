"""Xếp hạng & so sánh: one indicator of one index and year across provinces: bars, map, table."""

from functools import partial

import pandas as pd
import streamlit as st

from scores import ui
from scores.analysis import PEER_GROUPS, change_arrow, peers, rank_table
from scores.i18n import number

unit, lang = ui.focus(), ui.lang()
names = ui.index_names()
left, middle, right = st.columns([1, 1, 2])
with left:
    index_code = ui.pick(ui.tr("rankings.index"), list(names), "index", "PAR", names.get)
available = ui.load("indicators_by_year", index_code=index_code)
years = sorted(available["year"].unique().tolist(), reverse=True)
with middle:
    year = ui.pick(ui.tr("rankings.year"), years, "year", years[0])
of_year = available[available["year"] == year]
labels = {row.indicator: ui.indicator_name(row) for row in of_year.itertuples()}
with right:
    indicator = ui.pick(ui.tr("rankings.indicator"), list(labels), "indicator", None, labels.get)

frame = ui.load("scores_by_province", index_code=index_code, year=year, indicator=indicator)
frame = frame.assign(name=frame["name_vi"] if lang == "vi" else frame["name_en"])
units = len(ui.provinces_in(year))
title = f"{names[index_code]} {year}: {labels[indicator]}"
st.title(title)
coverage = frame["coverage"].iloc[0] if len(frame) else "partial"
if coverage == "partial":
    st.warning(ui.tr("rankings.partial", valued=int(frame["value"].notna().sum()), units=units))

group = ui.pick(
    ui.tr("rankings.peers"),
    list(PEER_GROUPS),
    "peers",
    "all",
    lambda g: ui.tr(f"peers.{g}"),
    widget=partial(st.radio, horizontal=True),
)
custom = []
if group == "custom":
    options = {u.province_code: ui.unit_name(u) for u in ui.provinces_in(year)}
    if "custom_peers" not in st.session_state:  # a shared link: ?peers=custom&custom=01,48
        asked = st.query_params.get("custom", unit.province_code).split(",")
        st.session_state["custom_peers"] = [code for code in asked if code in options]
    custom = st.multiselect(
        ui.tr("rankings.custom"), list(options), format_func=options.get, key="custom_peers"
    )
    st.query_params["custom"] = ",".join(custom)
shown = peers(frame, group, unit, year, custom)
mine = frame[frame["province_code"] == unit.province_code]
chart_title = title
if len(mine) and pd.notna(mine["rank"].iloc[0]):
    chart_title = ui.tr(
        "rankings.chart_title",
        province=ui.unit_name(unit),
        rank=int(mine["rank"].iloc[0]),
        units=units,
        what=title,
    )
source = ui.source_label(*frame["source"].dropna().unique()[:3])
bars_tab, map_tab, table_tab, scatter_tab = st.tabs(
    [
        ui.tr("rankings.tab_bars"),
        ui.tr("rankings.tab_map"),
        ui.tr("rankings.tab_table"),
        ui.tr("rankings.tab_scatter"),
    ]
)
with bars_tab:
    if shown["value"].notna().any():
        st.plotly_chart(
            ui.figure("ranked_bars", shown, unit.province_code, lang, chart_title), width="stretch"
        )
    else:
        st.info(ui.tr("rankings.no_values"))
    st.caption(ui.tr("rankings.caption", source=source, units=units))
with map_tab:
    st.plotly_chart(
        ui.figure("choropleth", frame, year, unit.province_code, lang, chart_title), width="stretch"
    )
    st.caption(ui.tr("rankings.caption", source=source, units=units))
with table_tab:
    previous = [y for y in years if y < year]
    before = (
        ui.load("scores_by_province", index_code=index_code, year=previous[0], indicator=indicator)
        if previous
        else pd.DataFrame(columns=frame.columns)
    )
    table = rank_table(shown, before)
    changed = ui.load("methodology_breaks_by_year", index_code=index_code)
    changed = changed[
        (changed["year"] <= year) & (changed["year"] > (previous[0] if previous else year))
    ]
    for note in changed.itertuples():
        st.info(
            ui.tr(
                "rankings.break",
                year=note.year,
                note=note.note_vi if lang == "vi" else note.note_en,
            )
        )
    view = pd.DataFrame(
        {
            ui.tr("table.rank"): table["rank"].map(lambda r: "–" if pd.isna(r) else str(r)),
            ui.tr("table.province"): table["name"],
            ui.tr("table.value"): table["value"].map(lambda v: number(v, lang)),
            ui.tr("table.previous_rank", year=previous[0] if previous else "–"): table[
                "previous_rank"
            ].map(lambda r: "–" if pd.isna(r) else str(r)),
            ui.tr("table.change"): table["change"].map(change_arrow),
            ui.tr("table.rank_kind"): table["rank_kind"].map(
                lambda k: ui.tr(f"rank_kind.{k}") if isinstance(k, str) else "–"
            ),
        }
    )
    st.dataframe(view, hide_index=True, width="stretch", height=min(38 * (len(view) + 1), 900))
    ui.download_buttons(table.drop(columns=["rank_kind"]), f"{index_code}_{year}_{indicator}")
with scatter_tab:
    others = {code: name for code, name in names.items() if code != index_code}
    # The index with the most provinces valued that year first: a scatter needs many points.
    richest = sorted(others, key=lambda code: -ui.valued_count(code, year))
    other = st.selectbox(ui.tr("rankings.against"), richest, format_func=others.get, key="against")
    other_years = ui.load("indicators_by_year", index_code=other)
    headline = other_years[(other_years["year"] == year) & other_years["headline"]]
    if headline.empty:
        st.info(ui.tr("rankings.no_other", index=others[other], year=year))
    else:
        y_frame = ui.load(
            "scores_by_province",
            index_code=other,
            year=year,
            indicator=headline["indicator"].iloc[0],
        )
        pair = frame[["province_code", "name", "value"]].merge(
            y_frame[["province_code", "value"]], on="province_code", suffixes=("_x", "_y")
        )
        pair = pair.rename(columns={"value_x": "x", "value_y": "y"})
        st.plotly_chart(
            ui.figure(
                "scatter",
                pair,
                unit.province_code,
                lang,
                ui.tr("rankings.scatter_title", x=names[index_code], y=others[other], year=year),
                names[index_code],
                others[other],
            ),
            width="stretch",
        )
        st.caption(ui.tr("rankings.scatter_caption", count=int(pair.dropna().shape[0])))

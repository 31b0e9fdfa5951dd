"""Tổng quan: the focus province's latest score and rank on each index."""

import pandas as pd
import streamlit as st

from scores import ui
from scores.i18n import number

PERCENT_INDICES = ("PAR", "SIPAS")


def card(index, rows: pd.DataFrame, lang: str) -> None:
    """One index: latest score, rank of N, coverage and source of the latest year."""
    st.subheader(index.short_vi if lang == "vi" else index.short_en)
    st.caption(index.name_vi if lang == "vi" else index.name_en)
    if rows.empty:
        st.info(ui.tr("overview.no_data"))
        return
    latest = rows.iloc[-1]
    suffix = " %" if index.index_code in PERCENT_INDICES and pd.notna(latest.value) else ""
    st.metric(ui.tr("overview.latest", year=int(latest.year)), number(latest.value, lang) + suffix)
    if pd.notna(latest["rank"]):
        kind = ui.tr(f"rank_kind.{latest.rank_kind}")
        st.markdown(
            ui.tr("overview.rank", rank=int(latest["rank"]), units=int(latest.units), kind=kind)
        )
    else:
        st.markdown(ui.tr("overview.no_rank"))
    st.caption(ui.tr(f"coverage_note.{latest.coverage}"))
    st.caption(
        ui.tr("overview.source", source=ui.source_label(latest.value_source, latest.rank_source))
    )


unit = ui.focus()
st.title(ui.tr("overview.title", province=ui.unit_name(unit)))
st.caption(ui.tr("overview.caption"))
indices = ui.load("indices_by_code")
history = ui.load(
    "headline_by_province",
    province_code=unit.province_code,
    valid_from=unit.valid_from,
    valid_to=unit.valid_to or 9999,
)
for column, index in zip(st.columns(len(indices)), indices.itertuples(), strict=True):
    with column, st.container(border=True):
        card(index, history[history["index_code"] == index.index_code], ui.lang())

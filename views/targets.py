"""Mục tiêu: each target of the focus province over time, the gap now, what next year takes."""

import pandas as pd
import streamlit as st

from scores.app import access, actions_panel, briefing, cache, state, target_editor, widgets
from scores.catalog import unit_key
from scores.export.target_view import TargetView, target_view
from scores.text import literal

widgets.provinces_only("page.targets")
unit, lang = state.focus_unit(), state.lang()
names = state.index_names()
st.title(state.tr("targets.title", province=state.unit_name(unit)))
targets = cache.load("targets_by_index", province_code=unit.province_code)
widgets.lineage_note(unit)
history = cache.history("headline_by_year", unit)
pack = briefing.context(unit_key(unit), int(history["year"].max()) if len(history) else 0, lang)


def without_targets() -> None:
    """A province with no targets of its own: its score over time in each index, no target line."""
    st.info(state.tr("targets.none", province=state.unit_name(unit)))
    shown = [
        (code, rows) for code, rows in history.groupby("index_code") if rows["value"].notna().any()
    ]
    for column, (code, rows) in zip(st.columns(2) * 2, shown, strict=False):
        with column:
            averages = cache.load("averages_by_year", index_code=code)
            averages = averages[
                averages["indicator"].isin(rows["indicator"]) & (averages["scope"] == "national")
            ]
            title = state.tr("targets.value_chart", index=names[code])
            st.plotly_chart(
                cache.figure(
                    "target_value", rows, None, averages, lang, title, cache.index_breaks(code)
                ),
                width="stretch",
            )


def rank_section(target, rows: pd.DataFrame, name: str, view: TargetView) -> None:
    threshold = int(target.threshold)
    left, right = st.columns(2)
    units = int(rows["units"].iloc[-1])
    with left:
        figure = cache.figure(
            "target_rank",
            rows,
            threshold,
            units,
            lang,
            state.tr("targets.rank_chart", index=name),
            cache.index_breaks(target.index_code),
        )
        st.plotly_chart(figure, width="stretch")
        png(figure, target, rows, "rank")
    with right:
        value_chart(target, rows, name, None)
    if view.gap is None:
        st.info(state.tr("status.unknown"))
        return
    st.markdown(view.gap)  # the target slide's own gap sentence (target_view)


def sources_of(rows: pd.DataFrame) -> list:
    """The documents behind a province's values and ranks over the years."""
    return [*rows["value_source"].dropna().unique(), *rows["rank_source"].dropna().unique()]


def png(figure, target, rows: pd.DataFrame, what: str) -> None:
    """The chart at slide size, with its title and the sources of its latest year burnt in."""
    year = int(rows["year"].max())
    stem = f"{target.index_code}_{target.indicator}_{what}"
    widgets.chart_png_button(figure, target.index_code, year, sources_of(rows), stem)


def value_chart(target, rows: pd.DataFrame, name: str, threshold: float | None) -> None:
    """The score over the years against the national average, with the target line if given."""
    figure = cache.figure(
        "target_value",
        rows,
        threshold,
        national_averages(target),
        lang,
        state.tr("targets.value_chart", index=name),
        cache.index_breaks(target.index_code),
    )
    st.plotly_chart(figure, width="stretch")
    png(figure, target, rows, "value")


def national_averages(target) -> pd.DataFrame:
    averages = cache.load("averages_by_year", index_code=target.index_code)
    return averages[(averages["indicator"] == target.indicator) & (averages["scope"] == "national")]


def value_section(target, rows: pd.DataFrame, name: str, view: TargetView) -> None:
    value_chart(target, rows, name, target.threshold)
    if view.gap is None:
        st.info(state.tr("status.unknown"))
        return
    st.markdown(view.gap)


if targets.empty:
    without_targets()
for target in targets.itertuples():
    name = names[target.index_code]
    rows = history[
        (history["index_code"] == target.index_code) & (history["indicator"] == target.indicator)
    ]
    view = target_view(pack, target)  # headline, judgement and gap as on the target slide
    with st.container(border=True):
        st.header(view.headline)
        widgets.status_badge(view.judged.status)
        if view.judged.year:
            st.markdown(state.tr("targets.status", year=view.judged.year))
        basis = literal(view.basis)  # typed by an administrator: shown as written, ended
        st.caption(state.tr("targets.basis", basis=basis, first=target.first_year))
        if rows.empty:
            st.info(state.tr("overview.no_data"))
            continue
        widgets.source_note(target.index_code, int(rows["year"].max()), sources_of(rows))
        if target.kind == "rank_at_most":
            rank_section(target, rows, name, view)
        else:
            value_section(target, rows, name, view)

st.subheader(state.tr("plan.actions_title"))
actions_panel.show(unit.province_code, names)

with st.expander(state.tr("targets.edit")):
    if access.admin_gate():
        access.status("targets")
        target_editor.show(unit.province_code, targets, names)

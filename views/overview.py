"""Tổng quan: per index the focus province's latest score, rank, change, target status and trend."""

import pandas as pd
import streamlit as st

from scores.analysis.narrative import coverage_sentence, rank_text
from scores.analysis.standings import Standing
from scores.analysis.targets import evaluate_target, target_sentence
from scores.app import briefing, cache, state, widgets
from scores.catalog import is_percent, unit_key
from scores.export.slides import Context
from scores.i18n import in_lang, number
from scores.sources import also_reported


def card(index, rows: pd.DataFrame, targets: pd.DataFrame, pack: Context) -> list[str]:
    """One index's card; returns the sentences it contributes to the summary."""
    lang = state.lang()
    name = in_lang(index, "short", lang)
    st.subheader(name)
    st.caption(in_lang(index, "name", lang))
    found = pack.standing(index.index_code)  # the scorecard slide's own standing
    if found is None:
        st.info(state.tr("overview.no_data"))
        return []
    suffix = "%" if is_percent(index.index_code, rows["indicator"].iloc[-1]) else ""
    change = found.value_change
    delta = None
    if change is not None:
        signed = number(change, lang) if change < 0 else "+" + number(change, lang)
        delta = state.tr("overview.delta", change=signed, year=found.previous_year)
    value = "–" if found.value is None else number(found.value, lang) + suffix
    st.metric(state.tr("overview.latest", year=found.year), value, delta=delta)
    newest = int(cache.load("latest_year_with_release")["year"].iloc[0])
    if found.year < newest - 2:  # an old "latest" figure says so (HCMC's PAR INDEX is 2012's)
        st.warning(state.tr("overview.old", year=found.year))
    rank_line(found)
    sentences = [pack.index_sentence(index.index_code)]  # the scorecard slide's own sentence
    for target in targets.itertuples():
        sentences.append(target_badge(name, target, rows))
    if rows["value"].notna().sum() > 1:
        st.plotly_chart(
            cache.figure("sparkline", rows, lang, cache.index_breaks(index.index_code)),
            width="stretch",
            config={"displayModeBar": False, "staticPlot": True},
        )
    for figure, where in also_reported(rows.iloc[-1].value_source):
        shown = (
            number(float(figure), lang) + suffix if figure.replace(".", "").isdigit() else figure
        )
        st.caption(state.tr("overview.also_reported", value=shown, source=where))
    if found.coverage == "partial":  # the line under a score that rests on a partial table
        st.caption(coverage_sentence(found.valued, found.units, found.year, lang))
        st.page_link(
            "views/data.py", label=state.tr("pack.coverage_link"), icon=":material/upload:"
        )
    latest = rows.iloc[-1]
    widgets.source_note(index.index_code, found.year, [latest.value_source, latest.rank_source])
    return sentences


def rank_line(found: Standing) -> None:
    if found.rank is None:
        st.markdown(state.tr("overview.no_rank"))
        return
    if found.rank_kind == "position":  # a place counted from the scores, said as such
        line = rank_text(found, state.lang())
        st.markdown(line[:1].upper() + line[1:])
    else:  # plain words as in the pack (rank of N), not a percentile to work out
        kind = state.tr(f"rank_kind.{found.rank_kind}")
        rank, units = int(found.rank), found.rank_units
        st.markdown(state.tr("view_builders.rank", rank=rank, units=units, kind=kind))
    if found.places_change is None and found.previous_rank is not None:
        st.markdown(
            state.tr(
                "overview.places_boundary",
                year=found.previous_year,
                rank=int(found.previous_rank),
                units=found.previous_units,
            )
        )
    if found.places_change is not None:
        change = int(found.places_change)
        key = "same" if change == 0 else "up" if change > 0 else "down"
        st.markdown(
            state.tr(f"overview.places_{key}", places=abs(change), year=found.previous_year)
        )


def target_badge(name: str, target, rows: pd.DataFrame) -> str:
    judged = evaluate_target(target.kind, target.threshold, target.first_year, rows)
    lang = state.lang()
    widgets.status_badge(judged.status)
    goal = state.tr(f"target.{target.kind}", threshold=number(target.threshold, lang, digits=0))
    st.caption(state.tr("overview.target", goal=goal))
    return target_sentence(name, target.kind, target.threshold, judged.status, lang)


widgets.provinces_only("page.overview")
unit = state.focus_unit()
st.title(state.tr("overview.title", province=state.unit_name(unit)))
st.caption(state.tr("overview.caption"))
indices = cache.load("indices_by_code")
widgets.lineage_note(unit)
history = cache.history("headline_by_year", unit)
targets = cache.load("targets_by_index", province_code=unit.province_code)
summary = []
newest = int(history["year"].max()) if len(history) else 0
pack = briefing.context(unit_key(unit), newest, state.lang())
cards = st.container(key="cards")  # style.css lays the cards out two by two on a tablet
for column, index in zip(cards.columns(len(indices)), indices.itertuples(), strict=True):
    with column, st.container(border=True):
        rows = history[history["index_code"] == index.index_code]
        summary += card(index, rows, targets[targets["index_code"] == index.index_code], pack)
if summary:
    st.subheader(state.tr("overview.summary"))
    st.markdown(" ".join(summary))

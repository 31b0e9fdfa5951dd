"""Mục tiêu: each target of the focus province over time, the gap now, what next year takes."""

import pandas as pd
import streamlit as st

from scores.analysis.targets import evaluate_target, rank_gap
from scores.app import access, cache, state, widgets
from scores.i18n import number
from scores.ingest.targets import KINDS, Target, problems, save
from scores.text import source_label

unit, lang = state.focus_unit(), state.lang()
names = state.index_names()
st.title(state.tr("targets.title", province=state.unit_name(unit)))
targets = cache.load("targets_by_index", province_code=unit.province_code)
history = cache.load(
    "headline_by_province",
    province_code=unit.province_code,
    valid_from=unit.valid_from,
    valid_to=unit.valid_to or 9999,
)
if targets.empty:
    st.info(state.tr("targets.none"))


def rank_section(target, rows: pd.DataFrame, name: str) -> None:
    judged = evaluate_target(target.kind, target.threshold, target.first_year, rows)
    threshold = int(target.threshold)
    left, right = st.columns(2)
    units = int(rows["units"].iloc[-1])
    with left:
        st.plotly_chart(
            cache.figure(
                "target_rank",
                rows,
                threshold,
                units,
                lang,
                state.tr("targets.rank_chart", index=name),
                breaks(target),
            ),
            width="stretch",
        )
    with right:
        averages = national_averages(target)
        title = state.tr("targets.value_chart", index=name)
        st.plotly_chart(
            cache.figure("target_value", rows, None, averages, lang, title, breaks(target)),
            width="stretch",
        )
    if judged["year"] is None:
        st.info(state.tr("status.unknown"))
        return
    year = judged["year"]
    frame = cache.load(
        "scores_by_province", index_code=target.index_code, year=year, indicator=target.indicator
    )
    gap = rank_gap(frame, unit.province_code, threshold)
    st.markdown(rank_sentence(gap, threshold, year, frame["coverage"].iloc[0]))


def rank_sentence(gap: dict, threshold: int, year: int, coverage: str) -> str:
    """The gap in points and a plain statement of what next year takes."""
    if gap["rank"] is None:
        return state.tr("targets.rank_unknown", year=year)
    if gap["gap"] is None:
        key = "targets.cushion_unknown" if gap["inside"] else "targets.gap_unknown"
        text = state.tr(key, rank=gap["rank"], n=threshold, next=threshold + 1, year=year)
        if gap["leader"] is not None and gap["value"] is not None and gap["rank"] > 1:
            text += " " + state.tr(
                "targets.to_leader", points=number(gap["leader"] - gap["value"], lang)
            )
        return text + (" " + state.tr("targets.partial") if coverage == "partial" else "")
    key = "targets.cushion" if gap["inside"] else "targets.gap"
    return state.tr(
        key,
        rank=gap["rank"],
        n=threshold,
        next=threshold + 1,
        year=year,
        points=number(gap["gap"], lang),
        next_year=year + 1,
    )


def breaks(target) -> tuple[int, ...]:
    """The years the index changed its methodology (marked on the charts)."""
    return tuple(cache.load("methodology_breaks_by_year", index_code=target.index_code)["year"])


def national_averages(target) -> pd.DataFrame:
    averages = cache.load("averages_by_year", index_code=target.index_code)
    return averages[(averages["indicator"] == target.indicator) & (averages["scope"] == "national")]


def value_section(target, rows: pd.DataFrame, name: str) -> None:
    judged = evaluate_target(target.kind, target.threshold, target.first_year, rows)
    averages = national_averages(target)
    st.plotly_chart(
        cache.figure(
            "target_value",
            rows,
            target.threshold,
            averages,
            lang,
            state.tr("targets.value_chart", index=name),
            breaks(target),
        ),
        width="stretch",
    )
    if judged["year"] is None:
        st.info(state.tr("status.unknown"))
        return
    difference = judged["latest"] - target.threshold
    key = "targets.above" if difference >= 0 else "targets.below"
    st.markdown(
        state.tr(
            key,
            year=judged["year"],
            value=number(judged["latest"], lang),
            threshold=number(target.threshold, lang, 0),
            points=number(abs(difference), lang),
            next_year=judged["year"] + 1,
        )
    )


for target in targets.itertuples():
    name = names[target.index_code]
    rows = history[
        (history["index_code"] == target.index_code) & (history["indicator"] == target.indicator)
    ]
    goal = state.tr(f"target.{target.kind}", threshold=number(target.threshold, lang, 0))
    with st.container(border=True):
        st.header(f"{name}: {goal}")
        judged = evaluate_target(target.kind, target.threshold, target.first_year, rows)
        widgets.status_badge(judged["status"])
        if judged["year"]:
            st.markdown(state.tr("targets.status", year=judged["year"]))
        st.caption(state.tr("targets.basis", basis=target.basis, first=target.first_year))
        if rows.empty:
            st.info(state.tr("overview.no_data"))
            continue
        sources = [*rows["value_source"].dropna().unique(), *rows["rank_source"].dropna().unique()]
        st.caption(state.tr("overview.source", source=source_label(*sources)))
        if target.kind == "rank_at_most":
            rank_section(target, rows, name)
        else:
            value_section(target, rows, name)

with st.expander(state.tr("targets.edit")):
    if access.admin_gate():
        choices = {None: state.tr("targets.new")} | {
            int(r.target_id): f"{names[r.index_code]} · {r.indicator}" for r in targets.itertuples()
        }
        chosen = st.selectbox(
            state.tr("targets.which"), list(choices), format_func=choices.get, key="target_choice"
        )
        current = targets[targets["target_id"] == chosen].iloc[0] if chosen else None
        with st.form("target_form"):
            index_code = st.selectbox(
                state.tr("rankings.index"),
                list(names),
                format_func=names.get,
                index=list(names).index(current["index_code"]) if chosen else 0,
            )
            kind = st.selectbox(
                state.tr("targets.kind"),
                KINDS,
                format_func=lambda k: state.tr(f"targets.kind_{k}"),
                index=KINDS.index(current["kind"]) if chosen else 0,
            )
            threshold = st.number_input(
                state.tr("targets.threshold"),
                min_value=0.0,
                value=float(current["threshold"]) if chosen else 5.0,
            )
            first_year = st.number_input(
                state.tr("targets.first_year"),
                2005,
                2100,
                int(current["first_year"]) if chosen else 2025,
            )
            basis = st.text_area(
                state.tr("targets.basis_label"), current["basis"] if chosen else ""
            )
            if st.form_submit_button(state.tr("targets.save")):
                catalogue = cache.load("indicators_by_index", index_code=index_code)
                headline = catalogue[catalogue["headline"]].iloc[-1]
                indicator = (
                    current["indicator"]
                    if chosen and current["index_code"] == index_code
                    else headline["indicator"]
                )
                item = Target(
                    chosen,
                    unit.province_code,
                    index_code,
                    indicator,
                    kind,
                    float(threshold),
                    int(first_year),
                    None,
                    basis,
                )
                found = problems(
                    item, len(cache.provinces_in(int(first_year))), headline["valid_max"]
                )
                for problem in found:
                    st.error(state.tr(f"target_problem.{problem}"))
                if not found:
                    save(cache.cursor(), item, by="admin")
                    st.cache_data.clear()
                    st.success(state.tr("targets.saved"))
                    st.rerun()

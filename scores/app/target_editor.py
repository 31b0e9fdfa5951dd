"""The administrator's target form on the Targets page: choose, edit, check, save."""

import pandas as pd
import streamlit as st

from scores.app import access, cache
from scores.app.state import tr
from scores.store.targets import KINDS, Target, from_form, save
from scores.text import LIMITS


def show(province_code: str, targets: pd.DataFrame, names: dict[str, str]) -> None:
    """A pick among the province's targets (or a new one) and a form that saves it when sound."""
    choices = {None: tr("targets.new")} | {
        int(r.target_id): f"{names[r.index_code]} · {r.indicator}" for r in targets.itertuples()
    }
    chosen = st.selectbox(
        tr("targets.which"), list(choices), format_func=choices.get, key="target_choice"
    )
    current = targets[targets["target_id"] == chosen].iloc[0] if chosen else None
    with st.form("target_form"):
        index_code = st.selectbox(
            tr("rankings.index"),
            list(names),
            format_func=names.get,
            index=list(names).index(current["index_code"]) if chosen else 0,
        )
        kind = st.selectbox(
            tr("targets.kind"),
            KINDS,
            format_func=lambda k: tr(f"targets.kind_{k}"),
            index=KINDS.index(current["kind"]) if chosen else 0,
        )
        threshold = st.number_input(
            tr("targets.threshold"),
            min_value=0.0,
            value=float(current["threshold"]) if chosen else 5.0,
        )
        first_year = st.number_input(
            tr("targets.first_year"), 2005, 2100, int(current["first_year"]) if chosen else 2025
        )
        basis = st.text_area(
            tr("targets.basis_label"),
            current["basis"] if chosen else "",
            max_chars=LIMITS["basis"],
        )
        if st.form_submit_button(tr("targets.save")):
            catalogue = cache.load("indicators_by_index", index_code=index_code)
            headline = catalogue[catalogue["headline"]].iloc[-1]
            same_index = chosen and current["index_code"] == index_code
            target = from_form(
                chosen,
                province_code,
                index_code,
                kind,
                threshold,
                first_year,
                basis,
                current["indicator"] if same_index else None,
                headline["indicator"],
            )
            _save(target)


def _save(target: Target) -> None:
    if access.write(lambda con: save(con, target, access.actor())):
        st.success(tr("targets.saved"))
        st.rerun()

"""The forms that add a remediation action and change one (status, progress note, owner), behind
the editor's sign-in; a refused write is said in a sentence and stores nothing."""

from collections.abc import Callable
from datetime import date

import duckdb
import streamlit as st

from scores.app import access, owners_panel
from scores.app.actions_panel import current, status_names
from scores.app.owners_panel import owner_choices
from scores.app.state import indicator_labels, tr, unit_name
from scores.ingest.bounds import FIRST_YEAR, LAST_YEAR
from scores.store.actions import STATUSES, Action, add, change
from scores.text import LIMITS


def show(province_code: str, names: dict[str, str]) -> None:
    """The administrator's forms: a new action, and a new status and progress note for one
    (the due date changes from the command line: actions set ID --due)."""
    if not access.gate("editor", key="actions_login"):
        return
    if st.session_state.pop("action_saved", False):
        st.success(tr("plan.saved"))
    st.markdown(f"**{tr('plan.add_title')}**")
    # Outside the form: the indicators offered follow the index chosen.
    index_code = st.selectbox(
        tr("plan.col_index"), list(names), format_func=names.get, key="action_index"
    )
    labels = indicator_labels(index_code)
    with st.form("action_add"):
        indicator = st.selectbox(
            tr("plan.col_indicator"), list(labels), format_func=labels.get, key="action_indicator"
        )
        # One of the city's units, not typed: a leader then finds the action on its page.
        owner = owners_panel.pick_owner("action_owner")
        text = st.text_area(tr("plan.col_action"), key="action_text", max_chars=LIMITS["action"])
        due = st.date_input(
            tr("plan.col_due"),
            key="action_due",
            format="DD/MM/YYYY",
            min_value=date(FIRST_YEAR, 1, 1),
            max_value=date(LAST_YEAR, 12, 31),
        )
        status = st.selectbox(
            tr("plan.col_status"),
            STATUSES,
            key="action_status",
            format_func=status_names().get,
        )
        if st.form_submit_button(tr("plan.add")):
            action = Action(
                province_code, index_code, indicator, "", text, due, status, owner_code=owner
            )
            _write(lambda con: add(con, action, access.actor()))
    _change_form(province_code)


def _change_form(province_code: str) -> None:
    found = current(province_code)
    if found.empty:
        return
    with st.form("action_change"):
        st.markdown(f"**{tr('plan.change_title')}**")
        chosen = st.selectbox(
            tr("plan.col_id"),
            found["action_id"].tolist(),
            key="action_pick",
            format_func=lambda i: f"{i} · {found.set_index('action_id').loc[i, 'action']}",
        )
        status = st.selectbox(
            tr("plan.col_status"),
            STATUSES,
            key="action_new_status",
            format_func=status_names().get,
        )
        note = st.text_input(tr("plan.col_note"), key="action_note", max_chars=LIMITS["note"])
        keep = {"": tr("owners.keep")} | {c: unit_name(u) for c, u in owner_choices().items()}
        owner = st.selectbox(
            tr("owners.new_owner"), list(keep), format_func=keep.get, key="action_new_owner"
        )
        if st.form_submit_button(tr("plan.save")):
            who = access.actor()
            changes = {"status": status, "note": note or None, "owner_code": owner or None}
            _write(lambda con: change(con, chosen, who, **changes))


def _write(store: Callable[[duckdb.DuckDBPyConnection], object]) -> None:
    if access.write(store):
        st.session_state["action_saved"] = True
        st.rerun()  # the tables above the form show the change

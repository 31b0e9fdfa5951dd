"""Remediation actions on a page: who does what by when, late or not; the administrator's form."""

from collections.abc import Callable
from datetime import date

import duckdb
import pandas as pd
import streamlit as st

from scores.analysis.actions import progress, since_began
from scores.app import access, cache, owners_panel, widgets
from scores.app.owners_panel import owner_choices, owner_label
from scores.app.state import indicator_labels, lang, tr, unit_name
from scores.errors import Refused
from scores.i18n import day, describe, number
from scores.ingest.bounds import FIRST_YEAR, LAST_YEAR
from scores.roles import NotAllowed
from scores.store.actions import STATUSES, Action, add, change
from scores.text import LIMITS, literal


def current(province_code: str, index_code: str | None = None) -> pd.DataFrame:
    """The province's actions (latest versions) with `overdue`, as of today."""
    return progress(cache.load, province_code, date.today(), index_code)


def status_names() -> dict[str, str]:
    """Status code -> its word in the user's language."""
    return {status: tr(f"action_status.{status}") for status in STATUSES}


def status_word(status: str, overdue: bool) -> str:
    """The status in the user's language, with a warning glyph and "overdue" when late."""
    word = tr(f"action_status.{status}")
    return f"⚠ {word} · {tr('plan.overdue')}" if overdue else word


def readable(found: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """The actions as a leader reads them (and as the XLSX is written): headers and words in
    the user's language, dates as dates."""
    return pd.DataFrame(
        {
            tr("plan.col_id"): found["action_id"],
            tr("plan.col_index"): found["index_code"].map(lambda c: names.get(c, c)),
            tr("plan.col_indicator"): [
                indicator_labels(i).get(c, c)
                for i, c in zip(found["index_code"], found["indicator"], strict=True)
            ],
            tr("plan.col_owner"): [
                owner_label(code, text)
                for code, text in zip(found["owner_code"], found["owner"], strict=True)
            ],
            tr("plan.col_action"): found["action"],
            tr("plan.col_due"): found["due"].map(lambda d: day(d, lang())),
            tr("plan.col_status"): [
                status_word(s, o) for s, o in zip(found["status"], found["overdue"], strict=True)
            ],
            tr("plan.col_note"): found["note"].fillna(""),
            tr("plan.col_updated"): [
                f"{day(at, lang(), time=True)} · {by}"
                for at, by in zip(found["updated_at"], found["updated_by"], strict=True)
            ],
        }
    )


def show(province_code: str, names: dict[str, str], index_code: str | None = None) -> None:
    """The actions of a province (of one index, or all), with the XLSX download."""
    found = current(province_code, index_code)
    if found.empty:
        st.caption(tr("plan.no_actions"))
        return
    late = int(found["overdue"].sum())
    if late:
        st.warning(tr("plan.overdue_count", count=late))
    table = readable(found, names)
    # On screen the columns a leader needs side by side; the file has them all.
    shown = [
        "col_id",
        "col_indicator",
        "col_owner",
        "col_action",
        "col_due",
        "col_status",
        "col_note",
    ]
    # "Nội dung" and "Tiến độ" are long typed text: wrapped in their cells, shown as written.
    widgets.text_table(
        table[[tr(f"plan.{key}") for key in shown]].assign(
            **{
                tr("plan.col_indicator"): table[tr("plan.col_index")]
                + " · "
                + table[tr("plan.col_indicator")]
            }
        )
    )
    widgets.download_buttons(table, f"actions_{province_code}_{index_code or 'all'}")


def trend_text(history: pd.DataFrame, indicator: str, began: pd.Timestamp) -> str:
    """The indicator since the action began: "2021: 5,21 → 2022: 5,80", or that none is out yet."""
    rows = since_began(history, indicator, began.date())
    points = " → ".join(f"{y}: {number(v, lang())}" for y, v in rows.itertuples(index=False))
    after = rows[rows["year"] >= began.year]
    note = "" if len(after) else " " + tr("plan.no_release_since", year=began.year)
    return (points or "–") + note


def short(found: pd.DataFrame, indicators: pd.Series) -> list[str]:
    """Each indicator's actions in a few words ("Sở Tài chính: đang thực hiện"), for a table."""
    words = {
        indicator: "; ".join(
            f"{owner_label(row.owner_code, row.owner)}: {status_word(row.status, row.overdue)}"
            for row in rows.itertuples()
        )
        for indicator, rows in found.groupby("indicator")
    }
    return [words.get(indicator, "–") for indicator in indicators]


def beside_indicators(found: pd.DataFrame, history: pd.DataFrame, labels: dict[str, str]) -> None:
    """On the Sub-indicators page: each action (of `current`) with its indicator, the
    indicator's values since the action began, and whether it is late."""
    st.subheader(tr("plan.actions_title"))
    if found.empty:
        st.caption(tr("plan.no_actions"))
        return
    for row in found.itertuples():
        with st.container(border=True):
            name = labels.get(row.indicator, row.indicator)
            # Typed text shown as written (text.literal): no image fetched, no link clickable.
            owner = literal(owner_label(row.owner_code, row.owner))
            st.markdown(f"**{literal(name)}** · {owner}: {literal(row.action)}")
            status = status_word(row.status, row.overdue)
            due = day(row.due, lang())
            note = literal(row.note) if row.note else "–"
            st.markdown(tr("plan.line", status=status, due=due, note=note))
            st.caption(tr("plan.since", trend=trend_text(history, row.indicator, row.began_at)))


def editor(province_code: str, names: dict[str, str]) -> None:
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
    try:
        with cache.cursor() as con:
            store(con)
    except Refused as refused:
        for problem in refused.problems:
            st.error(describe(problem, lang()))
        return
    except NotAllowed as error:
        access.refused(error)
        return
    st.cache_data.clear()
    st.session_state["action_saved"] = True
    st.rerun()  # the tables above the form show the change

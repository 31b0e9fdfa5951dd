"""Remediation actions on a page: who does what by when, late or not, and the indicator since
each began (the forms that add and change them: action_forms.py)."""

from datetime import date

import pandas as pd
import streamlit as st

from scores.analysis.actions import progress, since_began
from scores.app import cache, widgets
from scores.app.owners_panel import owner_label
from scores.app.state import indicator_labels, lang, tr
from scores.i18n import day, number
from scores.store.actions import STATUSES
from scores.text import literal


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

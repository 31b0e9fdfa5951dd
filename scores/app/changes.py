"""The Data page's "Lịch sử thay đổi": every change as a sentence a leader reads, and the log."""

import json
from typing import Any

import pandas as pd
import streamlit as st

from scores.app import cache, history, state, widgets
from scores.app.upload import escape
from scores.i18n import day, in_lang, number, t

SHOWN = 10  # sentences on the page; the whole log is in the table and the files


def _load(text: object) -> dict[str, Any]:
    return json.loads(text) if isinstance(text, str) else {}


def _who(name: str, lang: str) -> str:
    return history.who(name, lang)


def _goal(target: dict[str, Any], lang: str) -> str:
    if not target:
        return "–"
    threshold = number(float(target["threshold"]), lang, 0)
    return t(f"target.{target['kind']}", lang, threshold=threshold)


def _unit_name(unit: Any, code: str, lang: str) -> str:
    if unit is None:
        return code
    return in_lang(unit, "name", lang)


def sentence(row: Any, names: dict[str, str], lang: str) -> str:
    """One change as a sentence: "Nguyễn Văn A đã khôi phục PCI 2021 về bản 1 lúc 14:05 ngày
    26/11/2026" (row: a row of audit_log_by_time)."""
    before, after = _load(row.before), _load(row.after)
    values = {
        "who": _who(row.who, lang),
        "index": names.get(row.index_code, row.index_code or ""),
        "year": "" if pd.isna(row.year) else int(row.year),
        "time": row.changed_at.strftime("%H:%M"),
        "date": day(row.changed_at, lang),
        "version": after.get("version", ""),
        "old_version": before.get("version", "–"),
        "before": _goal(before, lang) if row.action == "target_edited" else "",
        "after": _goal(after, lang) if row.action == "target_edited" else "",
        "what": after.get("title", after.get("action_id", "")),
        "admins": len(after.get("admin", [])),
        "editors": len(after.get("editor", [])),
        "backup": after.get("backup", "–"),
        "client": after.get("client", "–"),
    }
    if row.action == "owners_changed":  # issue 21: the departments answering for a component
        named = {u.province_code: u for u in cache.provinces("hn_department").units}
        label = state.indicator_labels(row.index_code).get(after.get("indicator"), "")
        values |= {"what": label or after.get("indicator", "")}
        for side, found in (("before", before), ("after", after)):
            codes = found.get("owners", [])
            values[side] = ", ".join(_unit_name(named.get(c), c, lang) for c in codes) or "–"
    if row.action == "cell_corrected":  # issue 20: a cell read from a scan, typed by a person
        cell = {k: before.get(k, "") for k in ("row", "column", "page", "read")}
        return t("printed.audit_cell_corrected", lang, **values, **cell, typed=after.get("typed"))
    kind = "target_new" if row.action == "target_edited" and not before else row.action
    if row.action == "seed_refreshed" and not after.get("current", True):
        kind = "seed_refreshed_behind"
    if row.action == "rebuilt" and "backup" not in after:
        kind = "rebuilt_lost"  # a rebuild before builds kept staff data and a backup
    return t(f"audit.{kind}", lang, **values)


def table(log: pd.DataFrame, names: dict[str, str], lang: str) -> pd.DataFrame:
    """The whole log, one row per change, its sentence first, for the page and the files."""
    return pd.DataFrame(
        {
            t("audit.col_change", lang): [sentence(r, names, lang) for r in log.itertuples()],
            t("audit.col_at", lang): log["changed_at"].map(lambda d: day(d, lang, time=True)),
            t("audit.col_who", lang): log["who"].map(lambda w: _who(w, lang)),
            t("audit.col_role", lang): log["role"].map(lambda r: t(f"access.role_{r}", lang)),
            t("audit.col_before", lang): log["before"].fillna("–"),
            t("audit.col_after", lang): log["after"].fillna("–"),
        }
    )


def show() -> None:
    """The newest changes as sentences, the whole log in a table, CSV and Excel downloads."""
    lang, names = state.lang(), state.index_names()
    log = cache.load("audit_log_by_time")
    st.subheader(state.tr("audit.title"))
    if log.empty:
        st.caption(state.tr("audit.none"))
        return
    # Names and titles are typed by people (e-mails with "_"): shown as written, not as Markdown.
    lines = [f"- {escape(sentence(r, names, lang))}" for r in log.head(SHOWN).itertuples()]
    st.markdown("\n".join(lines))
    whole = table(log, names, lang)
    with st.expander(state.tr("audit.all", count=len(log))):
        st.dataframe(whole, hide_index=True, width="stretch")
    widgets.download_buttons(whole, "audit_log")

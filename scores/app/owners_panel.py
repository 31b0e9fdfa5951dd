"""Who answers for what, on a page: the city's units offered as an action's agency in charge,
and the departments responsible for each national component (administrators change them)."""

from datetime import date

import pandas as pd
import streamlit as st

from scores.app import access, cache, state, widgets
from scores.catalog import Unit
from scores.i18n import day
from scores.store import owners
from scores.store.owners import DEPARTMENTS, OWNER_SETS
from scores.text import fold


def owner_choices(year: int | None = None) -> dict[str, Unit]:
    """Code -> unit of the units that may be in charge in a year (today's by default):
    the departments first, then the districts (to 2024) or communes and wards (from 2025)."""
    year = year or date.today().year
    return {
        u.province_code: u
        for name in OWNER_SETS
        for u in sorted(cache.provinces_in(year, name), key=lambda u: fold(state.unit_name(u)))
    }


def owner_label(code: object, text: str) -> str:
    """An action's agency in charge as a reader sees it: the unit's name in the user's
    language, or the free text typed before owners were units, marked as such."""
    if isinstance(code, str) and code:
        units = [u for s in OWNER_SETS for u in cache.provinces(s).units if u.province_code == code]
        if units:
            return state.unit_name(units[-1])
    return state.tr("owners.free_text", owner=text)


def pick_owner(key: str, current: object = None) -> str:
    """A select box of the city's units (names in the user's language); returns the code."""
    choices = owner_choices()
    codes = list(choices)
    first = codes.index(current) if isinstance(current, str) and current in codes else 0
    return st.selectbox(
        state.tr("plan.col_owner"),
        codes,
        first,
        format_func=lambda code: state.unit_name(choices[code]),
        key=key,
    )


def department_names(codes: list[str]) -> str:
    """Departments' names in the user's language, by code, joined; "–" for none."""
    units = {u.province_code: u for u in cache.provinces(DEPARTMENTS).units}
    return ", ".join(state.unit_name(units[c]) if c in units else c for c in codes) or "–"


def mapping(index_code: str) -> pd.DataFrame:
    """The index's national components with the departments now responsible for each."""
    held = owners.current_from(cache.load("component_owners_by_change", index_code=index_code))
    labels = state.indicator_labels(index_code)
    catalogue = cache.load("indicators_by_index", index_code=index_code)
    # The components of the index's method today (those it dropped have no one to answer).
    today = (catalogue["level"] == "component") & catalogue["last_year"].isna()
    parts = catalogue.loc[today, "indicator"].tolist()
    return pd.DataFrame(
        {
            "indicator": parts,
            "label": [labels.get(p, p) for p in parts],
            "owners": [held.loc[held["indicator"] == p, "owner_code"].tolist() for p in parts],
        }
    )


def show_mapping(index_code: str, names: dict[str, str]) -> None:
    """The components and their departments: an editor for administrators, read-only for
    everyone else, with the mapping's history (who, when, from, to)."""
    st.subheader(state.tr("owners.mapping_title", index=names[index_code]))
    st.caption(state.tr("owners.mapping_note"))
    found = mapping(index_code)
    table = {
        state.tr("owners.component"): found["label"],
        state.tr("owners.departments"): found["owners"].map(department_names),
    }
    widgets.text_table(pd.DataFrame(table))
    if access.actor().may("admin"):
        _editor(index_code, found)
    else:
        st.caption(state.tr("owners.read_only"))
    _history(index_code)


def _editor(index_code: str, found: pd.DataFrame) -> None:
    """One component at a time: pick it (outside the form, so its departments come up), pick
    its departments, save (an audited change)."""
    if st.session_state.pop("owners_saved", False):
        st.success(state.tr("owners.saved"))
    departments = {u.province_code: u for u in cache.provinces_in(date.today().year, DEPARTMENTS)}
    labels = dict(zip(found["indicator"], found["label"], strict=True))
    part = st.selectbox(
        state.tr("owners.component"), list(labels), format_func=labels.get, key="owners_part"
    )
    held = found.set_index("indicator")["owners"].get(part, [])
    with st.form(f"owners_{index_code}_{part}"):
        chosen = st.multiselect(
            state.tr("owners.departments"),
            list(departments),
            default=[code for code in held if code in departments],
            format_func=lambda code: state.unit_name(departments[code]),
            key=f"owners_pick_{index_code}_{part}",
            placeholder=state.tr("owners.placeholder"),
        )
        if st.form_submit_button(state.tr("owners.save")):
            _save(index_code, part, chosen)


def _save(index_code: str, part: str, codes: list[str]) -> None:
    if access.write(lambda con: owners.set_owners(con, index_code, part, codes, access.actor())):
        st.session_state["owners_saved"] = True
        st.rerun()


def _history(index_code: str) -> None:
    lines = owners.history_from(cache.load("component_owners_by_change", index_code=index_code))
    if lines.empty:
        st.caption(state.tr("owners.no_history"))
        return
    labels = state.indicator_labels(index_code)
    with st.expander(state.tr("owners.history_title", count=len(lines))):
        table = {
            state.tr("audit.col_at"): lines["changed_at"].map(
                lambda at: day(at, state.lang(), time=True)
            ),
            state.tr("audit.col_who"): lines["changed_by"],
            state.tr("owners.component"): lines["indicator"].map(lambda i: labels.get(i, i)),
            state.tr("audit.col_before"): lines["before"].map(department_names),
            state.tr("audit.col_after"): lines["after"].map(department_names),
        }
        widgets.text_table(pd.DataFrame(table))

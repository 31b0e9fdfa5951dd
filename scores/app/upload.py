"""The Data page's upload flow: reading a file with the page's answers, the column and unit
choices, the problems and the refusals (Streamlit); what was understood is in understood.py."""

import hashlib
from pathlib import Path

import streamlit as st

from scores.app import cache, printed, state, understood
from scores.app.answers import answers, key
from scores.config import MAX_NAME_PICKS, db_path
from scores.errors import ImportRefused, Problem
from scores.i18n import describe
from scores.ingest.guess import guess_index_year
from scores.ingest.importer import Prepared, prepare
from scores.store import releases as store
from scores.store.imports import log_refusal
from scores.text import literal

SKIP = "__skip__"


def uploads_dir() -> Path:
    """Original uploaded files, kept by checksum beside the database."""
    return db_path().parent / "uploads"


def prefill(data: bytes, name: str) -> None:
    """Pre-select the index and year a new file names, by code or by a short name the catalogue
    prints it by in either language; the user can change both."""
    try:
        raw = printed.raw(data, name, None)  # the read the page makes next: OCR'd once
    except ImportRefused:
        return  # the problems are shown once the file is read for real
    names = state.index_names_every_language("every_index_by_code")
    index_code, year, where = guess_index_year(raw, name, names)
    if index_code:
        st.session_state["upload_index"] = index_code
    if year:
        st.session_state["upload_year"] = year
    st.session_state["upload_year_from"] = where


def original(sha256: str, file_name: object) -> Path | None:
    """The kept original of a release, if it was uploaded (seed releases have none here)."""
    if not isinstance(sha256, str) or not isinstance(file_name, str):
        return None
    path = uploads_dir() / f"{sha256}{Path(file_name).suffix.lower()}"
    return path if path.exists() else None


def read(data: bytes, name: str, index_code: str, year: int, pages: str | None = None) -> Prepared:
    """Prepare an upload with the column choices the user made on this page."""
    columns = answers("map")
    mapping = {header: str(v) for header, v in columns.items() if v and v != SKIP}
    skip = {header for header, v in columns.items() if v == SKIP}
    names = {name: str(v) for name, v in answers("prov").items() if v}
    raw = printed.raw(data, name, pages or None, printed.table())
    with cache.cursor() as con:
        return prepare(
            con,
            data,
            name,
            index_code,
            year,
            mapping=mapping,
            skip=skip,
            names=names,
            pages=pages or None,
            corrections=printed.corrections(),
            raw=raw,
        )


def _unknown_unit(problem: Problem) -> bool:
    """A name matching no unit: a province, or a unit of one of the city's sets."""
    city = problem.section == "cityeng" and problem.rule.startswith("unknown_")
    return problem.rule == "unknown_province" or city


def province_controls(prepared: Prepared) -> None:
    """For each unknown province name, a pick among the units of the year, nearest first."""
    unknown = {p.value: p for p in prepared.problems if _unknown_unit(p)}
    # A box left empty is no answer: after a switch of index (a department table first read as
    # PAR INDEX) its names are known and their boxes go.
    answered = [name for name, value in answers("prov").items() if value]
    if not unknown and not answered:
        return
    year_units = cache.index_units_in(prepared.index_code, prepared.year)
    units = {u.province_code: state.unit_name(u) for u in year_units}
    by_name = {u.name_vi: u.province_code for u in year_units}
    st.markdown(understood.unit_sentence(prepared.index_code, "upload.pick_help"))
    # A pick box per name, at most MAX_NAME_PICKS, so that a file of any number of unknown names
    # draws in bounded time; the problems box still lists them all.
    for name in list(dict.fromkeys([*unknown, *answered]))[:MAX_NAME_PICKS]:
        problem = unknown.get(name)
        nearest = [
            by_name[n]
            for n in (problem.detail.get("suggestions", "").split(", ") if problem else [])
            if n in by_name
        ]
        options = ["", *nearest, *[code for code in units if code not in nearest]]
        st.selectbox(
            escape(name),  # uploaded text: shown as written, never as Markdown
            options,
            format_func=lambda c: units.get(c, state.tr("upload.choose")),
            key=key("prov", name),
        )


def mapping_controls(prepared: Prepared, labels: dict[str, str]) -> None:
    """A choice of indicator (or skip) for every column that was not recognised."""
    # Columns already answered stay listed: a widget not drawn in a run loses its state.
    answered = answers("map")
    # One box per header: choices apply by header, and two boxes of one key crash the page.
    unknown = dict.fromkeys(
        c.header for c in prepared.layout.columns if c.role == "unknown" or c.header in answered
    )
    if not unknown:
        return
    st.markdown(state.tr("upload.map_help"))
    options = ["", SKIP, *labels]
    names = {"": state.tr("upload.choose"), SKIP: state.tr("upload.skip"), **labels}
    for header in unknown:
        st.selectbox(escape(header), options, format_func=names.get, key=key("map", header))


def problems_box(prepared: Prepared) -> None:
    """Every problem at once, row and column first, in the chosen language."""
    if not prepared.problems:
        st.success(state.tr("upload.no_problems"))
        return
    lines = "\n".join(f"- {escape(describe(p, state.lang()))}" for p in prepared.problems[:200])
    st.error(state.tr("upload.problems", count=len(prepared.problems)) + "\n\n" + lines)


def log_refused(
    problems: list[Problem], data: bytes, name: str, index_code: str, year: int, who: str
) -> None:
    """The import log's row for a file the page cannot read, once per file, index and year
    (the page runs again on every click; one attempt is one row)."""
    attempt = (hashlib.sha256(data).hexdigest(), index_code, year)
    if st.session_state.get("logged_refusal") == attempt:
        return
    source = store.Source(file_name=name, sha256=attempt[0], imported_by=who)
    with cache.cursor() as con:
        log_refusal(con, problems, index_code, year, source)
    st.session_state["logged_refusal"] = attempt


def refused_box(problems: list[Problem]) -> None:
    """The reasons a file or an entry was refused, uploaded text escaped."""
    st.error("\n\n".join(escape(describe(p, state.lang())) for p in problems))


def escape(text: str) -> str:
    """Upload strings shown as Markdown, as written: the project's one rule (text.literal)."""
    return literal(text)

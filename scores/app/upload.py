"""The Data page's upload flow: what was understood, problems, the diff, the commit (Streamlit)."""

import hashlib
from pathlib import Path

import pandas as pd
import streamlit as st

from scores.analysis import diff
from scores.app import cache, state
from scores.config import MAX_NAME_PICKS, db_path
from scores.errors import ImportRefused, Problem
from scores.i18n import describe, number
from scores.ingest.importer import Prepared, prepare
from scores.ingest.interpret import Column, guess_index_year
from scores.ingest.readfile import SEPARATORS, RawTable, read_bytes
from scores.roles import Actor, require
from scores.store import releases as store
from scores.store import service
from scores.store.imports import against_stored, log_refusal
from scores.text import literal

SKIP = "__skip__"


def uploads_dir() -> Path:
    """Original uploaded files, kept by checksum beside the database."""
    return db_path().parent / "uploads"


def prefill(data: bytes, name: str, indices: list[str]) -> None:
    """Pre-select the index and year a new file names (the user can change both)."""
    try:
        raw = read_bytes(data, name)
    except ImportRefused:
        return  # the problems are shown once the file is read for real
    index_code, year, where = guess_index_year(raw, name, indices)
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


@st.cache_data(max_entries=4, show_spinner=False)
def _raw(data: bytes, name: str, pages: str | None) -> RawTable:
    """The file as read, kept between runs: a scan takes OCR seconds to read."""
    return read_bytes(data, name, pages=pages)


def corrections() -> dict[tuple[int, int], str]:
    """The values typed on this page for cells OCR was unsure of."""
    found = {}
    for key, value in st.session_state.items():
        if isinstance(key, str) and key.startswith("fix::") and value:
            row, position = key.split("::")[1:]
            found[(int(row), int(position))] = value
    return found


def read(data: bytes, name: str, index_code: str, year: int, pages: str | None = None) -> Prepared:
    """Prepare an upload with the column choices the user made on this page."""
    mapping = {
        h[len("map::") :]: v
        for h, v in st.session_state.items()
        if isinstance(h, str) and h.startswith("map::") and v and v != SKIP
    }
    skip = {
        h[len("map::") :]
        for h, v in st.session_state.items()
        if isinstance(h, str) and h.startswith("map::") and v == SKIP
    }
    names = {
        h[len("prov::") :]: v
        for h, v in st.session_state.items()
        if isinstance(h, str) and h.startswith("prov::") and v
    }
    raw = _raw(data, name, pages or None)
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
            corrections=corrections(),
            raw=raw,
        )


def printed_view(prepared: Prepared) -> None:
    """Where a PDF or scan was read from, and each doubtful cell's cut-out with a box to type
    the right value in (the correction goes to the change history on commit)."""
    source = prepared.raw.printed
    if source is None:
        return
    pages = ", ".join(map(str, source.pages))
    kind = state.tr(f"printed.kind_{source.kind}")
    share = number(100 * source.ocr_share, state.lang(), 0)
    st.caption(state.tr("printed.read_from", kind=kind, pages=pages, share=share))
    if source.corrected:
        st.success(state.tr("printed.corrected", count=len(source.corrected)))
    if not source.doubts:
        return
    st.markdown(state.tr("printed.doubts", count=len(source.doubts)))
    header = {c.position: c.header for c in prepared.layout.columns}
    for doubt in source.doubts[:MAX_NAME_PICKS]:
        left, right = st.columns([1, 2])
        left.image(doubt.crop)
        label = state.tr(
            "printed.doubt_label",
            row=doubt.row + 1,
            column=header.get(doubt.position, doubt.position + 1),
            read=doubt.text or "–",
        )
        right.text_input(escape(label), key=f"fix::{doubt.row}::{doubt.position}")


def _say(index_code: str, key: str, **values: object) -> str:
    """A sentence of this page about units: a city index's own wording (its departments or
    districts, not provinces) from the [cityeng] section, else the page's usual one."""
    if not _city(index_code):
        return state.tr(key, **values)
    return state.tr("cityeng." + key.replace(".", "_"), **values)


def _city(index_code: str) -> bool:
    """Whether the index is measured on one of the city's unit sets (not the provinces)."""
    return str(cache.load("unit_set_by_index", index_code=index_code).iloc[0, 0]) != "province"


def _unknown_unit(problem: Problem) -> bool:
    """A name matching no unit: a province, or a unit of one of the city's sets."""
    city = problem.section == "cityeng" and problem.rule.startswith("unknown_")
    return problem.rule == "unknown_province" or city


def province_controls(prepared: Prepared) -> None:
    """For each unknown province name, a pick among the units of the year, nearest first."""
    unknown = {p.value: p for p in prepared.problems if _unknown_unit(p)}
    # A box left empty is no answer: after a switch of index (a department table first read as
    # PAR INDEX) its names are known and their boxes go.
    answered = [
        h[len("prov::") :]
        for h, v in st.session_state.items()
        if isinstance(h, str) and h.startswith("prov::") and v
    ]
    if not unknown and not answered:
        return
    year_units = cache.index_units_in(prepared.index_code, prepared.year)
    units = {u.province_code: state.unit_name(u) for u in year_units}
    by_name = {u.name_vi: u.province_code for u in year_units}
    st.markdown(_say(prepared.index_code, "upload.pick_help"))
    # A pick box per name, at most MAX_NAME_PICKS: 100,000 unknown names kept the page drawing
    # for minutes. The problems box still lists them.
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
            key=f"prov::{name}",
        )


def understood(prepared: Prepared, labels: dict[str, str]) -> None:
    """Layout, encoding, separator; each column's role; each province name's match; counts."""
    raw = prepared.raw
    how = state.tr(
        "upload.how",
        layout=state.tr(f"layout.{prepared.layout.layout}"),
        kind=raw.kind.upper(),
        encoding=raw.encoding or "–",
        separator=state.tr(f"separator.{SEPARATORS.get(raw.separator, 'none')}"),
        row=prepared.layout.header_row + 1,
    )
    st.markdown(how)
    columns = pd.DataFrame(
        [_column_row(column, labels, prepared.index_code) for column in prepared.layout.columns],
        columns=[state.tr("upload.column"), state.tr("upload.meaning")],
    )
    st.dataframe(columns, hide_index=True, width="stretch")
    values = prepared.parsed.values
    st.markdown(
        _say(
            prepared.index_code,
            "upload.counts",
            values=whole(values["value"].notna().sum()),
            missing=whole(prepared.parsed.missing),
            provinces=values["province_code"].nunique(),
            coverage=state.tr(f"coverage.{prepared.coverage}"),
        )
    )
    matches = pd.DataFrame(
        [
            (name, unit.name_vi, unit.province_code)
            for name, unit in prepared.parsed.matches.items()
            if name != unit.name_vi
        ],
        columns=[
            state.tr("upload.as_written"),
            _say(prepared.index_code, "upload.matched"),
            _say(prepared.index_code, "upload.code") if _city(prepared.index_code) else "GSO",
        ],
    )
    if len(matches):
        st.caption(_say(prepared.index_code, "upload.matches"))
        st.dataframe(matches, hide_index=True, width="stretch")


def _column_row(column: Column, labels: dict[str, str], index_code: str) -> tuple[str, str]:
    if column.role in ("value", "rank") and column.indicator:
        meaning = state.tr(
            f"role.{column.role}", indicator=labels.get(column.indicator, column.indicator)
        )
    elif column.role == "rank":
        meaning = state.tr("role.rank_headline")
    elif column.role == "skipped":
        meaning = state.tr("role.skipped", why=state.tr(f"skip_reason.{column.note}"))
    elif column.role == "province":
        meaning = _say(index_code, "role.province")
    else:
        meaning = state.tr(f"role.{column.role}")
    return column.header, meaning


def mapping_controls(prepared: Prepared, labels: dict[str, str]) -> None:
    """A choice of indicator (or skip) for every column that was not recognised."""
    # Columns already answered stay listed: a widget not drawn in a run loses its state.
    # One box per header: choices apply by header, and two boxes of one key crash the page.
    unknown = dict.fromkeys(
        c.header
        for c in prepared.layout.columns
        if c.role == "unknown" or f"map::{c.header}" in st.session_state
    )
    if not unknown:
        return
    st.markdown(state.tr("upload.map_help"))
    options = ["", SKIP, *labels]
    names = {"": state.tr("upload.choose"), SKIP: state.tr("upload.skip"), **labels}
    for header in unknown:
        st.selectbox(escape(header), options, format_func=names.get, key=f"map::{header}")


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


def diff_view(prepared: Prepared, labels: dict[str, str]) -> pd.DataFrame:
    """The new values against the current release of the same index and year."""
    current = cache.load(
        "current_release_by_index_year", index_code=prepared.index_code, year=prepared.year
    )
    if current.empty:
        name = state.index_names().get(prepared.index_code, prepared.index_code)
        st.info(state.tr("upload.first_release", index=name, year=prepared.year))
        old = pd.DataFrame(columns=diff.KEY + ["value", "rank"])
    else:
        old = cache.load("values_by_release", release_id=int(current["release_id"].iloc[0]))
    changes = diff.compare(old, prepared.parsed.values)
    counts = diff.summary(changes)
    if not current.empty and counts["same"] == len(changes):
        st.info(state.tr("upload.identical"))
    else:
        st.markdown(counts_line(counts))
    if counts["rounded"]:
        st.caption(state.tr("upload.rounding_rule"))
    lacking = diff.lacking_ranks(old, prepared.parsed.values)
    if lacking:
        shown = ", ".join(labels.get(code, code) for code in lacking)
        st.caption(state.tr("upload.lacks_ranks", count=len(lacking), indicators=shown))
    year_units = cache.index_units_in(prepared.index_code, prepared.year)
    names = {u.province_code: state.unit_name(u) for u in year_units}
    unit_word = _say(prepared.index_code, "table.province")
    st.dataframe(diff_table(changes, names, labels, unit_word), hide_index=True, width="stretch")
    return changes


def whole(count: int) -> str:
    """A count in the chosen language's format (vi: 1.386)."""
    return number(count, state.lang(), 0)


def counts_line(counts: dict[str, int]) -> str:
    """'N new values, N changed, N only rounded…' in the chosen language."""
    return state.tr("upload.diff_counts", **{k: whole(v) for k, v in counts.items()})


def diff_table(
    changes: pd.DataFrame,
    names: dict[str, str],
    labels: dict[str, str],
    unit_word: str | None = None,
) -> pd.DataFrame:
    """The values that do not stay the same, as text in the chosen language's number format.

    The new value is shown with the decimals the file printed, the old one and the difference
    with at least 4, so a rounding can be seen (60,741 -> 60,74).
    """
    shown, lang = changes[changes["status"] != "same"], state.lang()
    printed = shown["decimals"].astype("float64").fillna(2).astype(int).tolist()
    precise, whole = [max(4, d) for d in printed], [0] * len(shown)

    def column(name: str, digits: list[int], fixed: bool = True) -> list[str]:
        pairs = zip(shown[name].astype("float64"), digits, strict=True)
        return [number(value, lang, places, fixed) for value, places in pairs]

    return pd.DataFrame(
        {
            unit_word or state.tr("table.province"): shown["province_code"].map(
                lambda c: names.get(c, c)
            ),
            state.tr("components.component"): shown["indicator"].map(lambda c: labels.get(c, c)),
            state.tr("diff.value_old"): column("value_old", precise, fixed=False),
            state.tr("diff.value_new"): column("value_new", printed),
            state.tr("diff.change"): column("change", precise, fixed=False),
            state.tr("diff.rank_old"): column("rank_old", whole),
            state.tr("diff.rank_new"): column("rank_new", whole),
            state.tr("diff.status"): shown["status"].map(lambda s: state.tr(f"diff.{s}")),
        }
    )


def commit_buttons(counts: dict[str, int]) -> bool:
    """The commit button; True when clicked. An upload that only restates the current release
    with fewer decimals says so and offers to keep the more precise figures (writes nothing)."""
    if not diff.only_rounded(counts):
        return st.button(state.tr("data.commit"), type="primary", key="commit")
    st.warning(state.tr("upload.only_rounded", rounded=counts["rounded"]))
    keep, replace = st.columns(2)
    if keep.button(state.tr("upload.keep_precise"), type="primary", key="keep_precise"):
        st.success(state.tr("upload.kept"))
        return False
    return replace.button(state.tr("upload.commit_rounded"), key="commit")


def confirmed_against_stored(prepared: Prepared) -> bool | None:
    """What the stored versions say before a commit: None when the file is already stored (the
    reason shown, no commit); for a file covering fewer units than the current release, the
    warning naming the units that would leave the view and a box to confirm it is partial
    (True once ticked); otherwise False (nothing to confirm)."""
    with cache.cursor() as con:
        problems = against_stored(con, prepared)
    if problems and problems[0].rule == "already_stored":
        refused_box(problems)
        return None
    if not problems:
        return False
    st.warning(escape(describe(problems[0], state.lang())))
    return st.checkbox(state.tr("upload.confirm_partial"), key="confirm_partial") or None


def save_and_commit(
    prepared: Prepared, data: bytes, source: store.Source, actor: Actor, partial: bool = False
) -> int:
    """Keep the original file by checksum, then store the release (one transaction); the
    importer refuses an actor below editor before anything is written."""
    require(actor, "editor")  # before the original is kept, too
    with cache.cursor() as con:
        return service.store_upload(con, prepared, data, source, actor, partial)


def restore_preview(releases: pd.DataFrame, release_id: int) -> dict[str, int]:
    """What restoring a superseded release would change against the current one (counts)."""
    row = releases[releases["release_id"] == release_id].iloc[0]
    current = cache.load(
        "current_release_by_index_year", index_code=row["index_code"], year=int(row["year"])
    )
    old = cache.load("values_by_release", release_id=int(current["release_id"].iloc[0]))
    return diff.summary(diff.compare(old, cache.load("values_by_release", release_id=release_id)))

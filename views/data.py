"""Dữ liệu: bring in a release (checked, diffed, versioned), the history with restore, downloads."""

from dataclasses import replace
from functools import partial

import pandas as pd
import streamlit as st

from scores.analysis import diff
from scores.app import (
    access,
    cache,
    changes,
    history,
    methodology,
    printed,
    review,
    state,
    understood,
    upload,
    widgets,
)
from scores.app.coverage import show as show_coverage
from scores.config import MAX_UPLOAD_MB
from scores.errors import ImportRefused
from scores.export import tables
from scores.i18n import day
from scores.ingest.importer import Prepared, check_date
from scores.roles import NotAllowed
from scores.store import releases as store
from scores.text import LIMITS

FILE_TYPES = ["csv", "txt", "tsv", "xlsx", "pdf", "png", "jpg", "jpeg"]


def upload_tab(names: dict[str, str]) -> None:
    """The file, its index, year, pages and source; then what was read and the commit."""
    allowed = access.gate("editor")
    if allowed:
        access.status("upload")
    file = st.file_uploader(
        state.tr("data.file", limit=MAX_UPLOAD_MB),
        type=FILE_TYPES,
        max_upload_size=MAX_UPLOAD_MB,
        key="upload_file",
        disabled=not allowed,
    )
    if file is not None and allowed and st.session_state.get("prefilled_for") != file.file_id:
        upload.prefill(file.getvalue(), file.name)  # by name too: "PARINDEX 2023"
        st.session_state["prefilled_for"] = file.file_id
    left, right = st.columns(2)
    index_code = left.selectbox(
        state.tr("rankings.index"), list(names), format_func=names.get, key="upload_index"
    )
    year = int(right.number_input(state.tr("rankings.year"), 2005, 2100, 2025, key="upload_year"))
    if file is not None and st.session_state.get("upload_year_from"):
        where = upload.escape(st.session_state["upload_year_from"])
        right.caption(state.tr("upload.year_from", where=where))
    pages = st.text_input(  # issue 20: the pages of a report PDF that hold the table
        state.tr("printed.pages"), key="upload_pages", help=state.tr("printed.pages_help")
    ).strip()
    document = st.text_input(
        state.tr("data.document"),
        key="upload_document",
        disabled=not allowed,
        max_chars=LIMITS["source"],
    )
    published = st.text_input(state.tr("data.published"), key="upload_date", disabled=not allowed)
    date_problems = check_date(published)[1]
    if date_problems:
        upload.refused_box(date_problems)
    if file is None or not allowed:
        return
    data = file.getvalue()
    try:
        prepared = upload.read(data, file.name, index_code, year, pages)
    except ImportRefused as refused:
        upload.refused_box(refused.problems)
        upload.log_refused(refused.problems, data, file.name, index_code, year, access.who())
        st.stop()
    labels = state.indicator_labels(index_code)
    read_view(prepared, data, pages, labels)
    if not prepared.problems and not date_problems:
        commit_view(prepared, data, labels, store.Source("", document, published, file.name))


def read_view(prepared: Prepared, data: bytes, pages: str, labels: dict[str, str]) -> None:
    """What was understood, a printed table's pages and doubts, the choices left, the problems."""
    st.subheader(state.tr("data.understood"))
    understood.show(prepared, labels)
    printed.show(prepared, data, pages or None)
    upload.mapping_controls(prepared, labels)
    upload.province_controls(prepared)
    st.subheader(state.tr("data.problems"))
    upload.problems_box(prepared)


def commit_view(
    prepared: Prepared, data: bytes, labels: dict[str, str], given: store.Source
) -> None:
    """The diff, what the stored versions say, and the commit with the index's publisher."""
    st.subheader(state.tr("data.diff"))
    counts = diff.summary(review.diff_view(prepared, labels))
    confirmed = review.confirmed_against_stored(prepared)
    if confirmed is None or not review.commit_buttons(counts):
        return
    # The index's publisher (as the seed stores it), not the index's short name.
    publisher = cache.load("publisher_by_index", index_code=prepared.index_code)
    source = replace(
        given, publisher=str(publisher.iloc[0, 0]), sha256=prepared.sha256, imported_by=access.who()
    )
    try:
        release_id = review.save_and_commit(prepared, data, source, access.actor(), bool(confirmed))
    except NotAllowed as error:
        access.refused(error)
        st.stop()
    except ImportRefused as refused:  # the typed source under the text rule, say
        upload.refused_box(refused.problems)
        st.stop()
    st.cache_data.clear()
    values = understood.whole(prepared.parsed.values["value"].notna().sum())
    index, year = prepared.index_code, prepared.year
    name = state.index_names("every_index_by_code")[index]
    st.success(state.tr("data.committed", release=release_id, index=name, year=year, values=values))
    st.page_link(
        "views/rankings.py",
        label=state.tr("data.see_rankings"),
        query_params={"index": index, "year": str(year)},
    )


def history_tab(names: dict[str, str]) -> None:
    """The newest releases, every release, the originals, the refusals, the change history."""
    releases = cache.load("releases_by_version")
    st.subheader(state.tr("data.recent"))
    for row in releases.sort_values("imported_at", ascending=False).head(5).itertuples():
        st.markdown(
            state.tr(
                "data.recent_line",
                index=names.get(row.index_code, row.index_code),
                year=row.year,
                version=row.version,
                status=state.tr(f"release_status.{row.status}"),
                who=upload.escape(history.importer(row.imported_by)),
                when=day(row.imported_at, state.lang(), time=True),
                file=upload.escape(history.file_names(row.file_name)),
            )
        )
    st.subheader(state.tr("data.all_releases"))
    st.dataframe(history.releases_table(releases), hide_index=True, width="stretch")
    review.originals(releases)
    log = cache.load("import_log_by_time")
    st.subheader(state.tr("data.refused"))
    refused = log[log["outcome"] == "refused"]
    st.dataframe(history.log_table(refused), hide_index=True, width="stretch")
    changes.show()
    if access.admin_gate(key="restore_login"):
        review.restore(releases)


def download_tab(names: dict[str, str]) -> None:
    """Every score as CSV or Excel, and an empty template per index."""
    # Read only when a button is clicked: at scale the whole database is millions of rows.
    everything = partial(cache.load, "export_by_release", index_code=None, year=None)
    widgets.download_buttons(everything, "all_scores")
    for code, name in names.items():
        catalogue = cache.load("indicators_by_index", index_code=code)
        in_use = catalogue[catalogue["last_year"].isna()]["name_vi"].drop_duplicates()
        template = pd.DataFrame(columns=["STT", "Tỉnh/thành phố", *in_use, "Xếp hạng"])
        st.download_button(
            state.tr("data.template", index=name),
            tables.to_xlsx(template),
            f"template_{code}.xlsx",
            key=f"template_{code}",
        )


index_names = state.index_names()
# Releases of the city's own indices (issue #21) are imported and listed here too; the other tabs
# keep the national ones.
importable = state.index_names("every_index_by_code")
st.title(state.tr("data.title"))
tabs = st.tabs(
    [
        state.tr("data.tab_upload"),
        state.tr("data.tab_history"),
        state.tr("data.tab_download"),
        state.tr("data.tab_method"),
        state.tr("holdings.tab"),
    ]
)
with tabs[0]:
    upload_tab(importable)
with tabs[1]:
    history_tab(importable)
with tabs[2]:
    download_tab(index_names)
with tabs[3]:
    methodology.show(index_names)
with tabs[4]:
    show_coverage()

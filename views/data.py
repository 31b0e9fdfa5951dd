"""Dữ liệu: bring in a release (checked, diffed, versioned), the history with restore, downloads."""

from functools import partial

import pandas as pd
import streamlit as st

from scores.analysis import diff
from scores.app import access, cache, changes, history, methodology, state, upload, widgets
from scores.app.coverage import show as show_coverage
from scores.config import MAX_UPLOAD_MB
from scores.errors import ImportRefused
from scores.export import tables
from scores.i18n import day
from scores.ingest.importer import check_date
from scores.roles import NotAllowed
from scores.store import releases as store
from scores.text import LIMITS, TextRefused, refusal

names = state.index_names()
# Releases of the city's own indices (issue #21) are imported here too; the other tabs keep the
# national ones.
importable = state.index_names("every_index_by_code")
st.title(state.tr("data.title"))
upload_tab, history_tab, download_tab, method_tab, coverage_tab = st.tabs(
    [
        state.tr("data.tab_upload"),
        state.tr("data.tab_history"),
        state.tr("data.tab_download"),
        state.tr("data.tab_method"),
        state.tr("holdings.tab"),
    ]
)


with upload_tab:
    allowed = access.gate("editor")
    if allowed:
        access.status("upload")
    file = st.file_uploader(
        state.tr("data.file", limit=MAX_UPLOAD_MB),
        type=["csv", "txt", "tsv", "xlsx", "pdf", "png", "jpg", "jpeg"],
        max_upload_size=MAX_UPLOAD_MB,
        key="upload_file",
        disabled=not allowed,
    )
    if file is not None and allowed and st.session_state.get("prefilled_for") != file.file_id:
        upload.prefill(file.getvalue(), file.name, list(importable))
        st.session_state["prefilled_for"] = file.file_id
    left, right = st.columns(2)
    index_code = left.selectbox(
        state.tr("rankings.index"), list(importable), format_func=importable.get, key="upload_index"
    )
    year = right.number_input(state.tr("rankings.year"), 2005, 2100, 2025, key="upload_year")
    if file is not None and st.session_state.get("upload_year_from"):
        where = upload.escape(st.session_state["upload_year_from"])
        right.caption(state.tr("upload.year_from", where=where))
    pages = st.text_input(  # issue 20: the pages of a report PDF that hold the table
        state.tr("printed.pages"), key="upload_pages", help=state.tr("printed.pages_help")
    )
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
    if file is not None and allowed:
        data = file.getvalue()
        labels = state.indicator_labels(index_code)
        try:
            prepared = upload.read(data, file.name, index_code, int(year), pages.strip())
        except ImportRefused as refused:
            upload.refused_box(refused.problems)
            upload.log_refused(
                refused.problems, data, file.name, index_code, int(year), access.who()
            )
            st.stop()
        st.subheader(state.tr("data.understood"))
        upload.understood(prepared, labels)
        upload.printed_view(prepared)
        upload.mapping_controls(prepared, labels)
        upload.province_controls(prepared)
        st.subheader(state.tr("data.problems"))
        upload.problems_box(prepared)
        if not prepared.problems and not date_problems:
            st.subheader(state.tr("data.diff"))
            counts = diff.summary(upload.diff_view(prepared, labels))
            confirmed = upload.confirmed_against_stored(prepared)
            if confirmed is not None and upload.commit_buttons(counts):
                # The index's publisher (as the seed stores it), not the index's short name.
                publisher = cache.load("publisher_by_index", index_code=index_code)
                source = store.Source(
                    str(publisher.iloc[0, 0]),
                    document,
                    published,
                    file.name,
                    prepared.sha256,
                    access.who(),
                )
                try:
                    release_id = upload.save_and_commit(
                        prepared, data, source, access.actor(), bool(confirmed)
                    )
                except NotAllowed as error:
                    access.refused(error)
                    st.stop()
                except TextRefused as error:
                    st.error(refusal(error, state.lang()))
                    st.stop()
                st.cache_data.clear()
                st.success(
                    state.tr(
                        "data.committed",
                        release=release_id,
                        index=importable[index_code],
                        year=int(year),
                        values=upload.whole(prepared.parsed.values["value"].notna().sum()),
                    )
                )
                st.page_link(
                    "views/rankings.py",
                    label=state.tr("data.see_rankings"),
                    query_params={"index": index_code, "year": str(int(year))},
                )

with history_tab:
    releases = cache.load("releases_by_version")
    st.subheader(state.tr("data.recent"))
    for row in releases.sort_values("imported_at", ascending=False).head(5).itertuples():
        st.markdown(
            state.tr(
                "data.recent_line",
                index=importable.get(row.index_code, row.index_code),
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
    kept = {
        int(r.release_id): f"{r.index_code} {r.year} v{r.version}: {r.file_name}"
        for r in releases.itertuples()
        if upload.original(r.sha256, r.file_name) is not None
    }
    # Originals may hold more than the release (formulas, other sheets): administrators only.
    if kept and access.signed_in():
        chosen_file = st.selectbox(
            state.tr("data.original"), list(kept), format_func=kept.get, key="original_choice"
        )
        row = releases[releases["release_id"] == chosen_file].iloc[0]
        path = upload.original(row["sha256"], row["file_name"])
        st.download_button(
            state.tr("data.download_original"),
            lambda: path.read_bytes(),
            str(row["file_name"]),
            key="original_download",
            on_click="ignore",
        )
    log = cache.load("import_log_by_time")
    refused = log[log["outcome"] == "refused"]
    st.subheader(state.tr("data.refused"))
    st.dataframe(history.log_table(refused), hide_index=True, width="stretch")
    changes.show()
    if access.admin_gate(key="restore_login"):
        superseded, lang = releases[releases["status"] == "superseded"], state.lang()
        options = {
            int(r.release_id): f"{r.index_code} {r.year} v{r.version} ({day(r.imported_at, lang)})"
            for r in superseded.itertuples()
        }
        if options:
            chosen = st.selectbox(
                state.tr("data.restore_which"),
                list(options),
                format_func=options.get,
                key="restore_choice",
            )
            counts = upload.restore_preview(releases, chosen)
            st.markdown(upload.counts_line(counts))
            if st.button(state.tr("data.restore"), key="restore"):
                try:
                    with cache.cursor() as con:
                        store.restore(con, chosen, access.actor())
                except NotAllowed as error:
                    access.refused(error)
                    st.stop()
                st.cache_data.clear()
                st.success(state.tr("data.restored", release=chosen))

with download_tab:
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

with method_tab:
    methodology.show(names)

with coverage_tab:
    show_coverage()

"""The Data page's part for a report PDF or a scan: the page images with the tables outlined
beside the table as read, the choice of the table on a page, and a box to type the right value
beside each doubtful cell's cut-out (Streamlit)."""

import pandas as pd
import streamlit as st

from scores.app import state
from scores.app.answers import answers, cell, key
from scores.config import MAX_NAME_PICKS
from scores.errors import ImportRefused
from scores.i18n import number
from scores.ingest import preview
from scores.ingest.importer import Prepared
from scores.ingest.printed import most_tables
from scores.ingest.readfile import RawTable, read_bytes
from scores.text import literal

TABLE = "upload_table"  # the table of a page printing several, 1-based


@st.cache_data(max_entries=4, show_spinner=False)
def raw(data: bytes, name: str, pages: str | None, table: int = 1) -> RawTable:
    """The file as read, kept between runs: a scan takes OCR seconds to read."""
    return read_bytes(data, name, pages=pages, table=table)


@st.cache_data(max_entries=4, show_spinner=False)
def _images(data: bytes, name: str, pages: str | None, table: int) -> list[tuple[int, bytes]]:
    """The pages read, as PNGs with the tables outlined (kept: rendering takes a second)."""
    source = raw(data, name, pages, table).printed
    return preview.page_images(data, source) if source else []


def table() -> int:
    """The table chosen on the page (the first until one is chosen)."""
    return int(st.session_state.get(TABLE) or 1)


def corrections() -> dict[tuple[int, int], str]:
    """The values typed on this page for cells OCR was unsure of."""
    return {cell(rest): str(value) for rest, value in answers("fix").items() if value}


def show(prepared: Prepared, data: bytes, pages: str | None) -> None:
    """Where a PDF or scan was read from, its pages beside the table as read, the table choice,
    and the doubtful cells (the corrections go to the change history on commit)."""
    source = prepared.raw.printed
    if source is None:
        return
    kind = state.tr(f"printed.kind_{source.kind}")
    share = number(100 * source.ocr_share, state.lang(), 0)
    pages_read = ", ".join(map(str, source.pages))
    st.caption(state.tr("printed.read_from", kind=kind, pages=pages_read, share=share))
    _choice(most_tables(source))
    _pages_beside_table(prepared, data, pages)
    _doubts(prepared)


def _choice(count: int) -> None:
    """A choice among the tables of a page printing more than one (numbered top to bottom)."""
    if count < 2:
        return
    st.radio(
        state.tr("printed_pages.table"),
        list(range(1, count + 1)),
        format_func=lambda n: state.tr("printed_pages.table_option", n=n),
        horizontal=True,
        key=TABLE,
        help=state.tr("printed_pages.table_help", count=count),
    )


def _pages_beside_table(prepared: Prepared, data: bytes, pages: str | None) -> None:
    """The page images (the table read outlined in red, others in blue) beside the rows read."""
    left, right = st.columns([3, 2])
    try:
        images = _images(data, prepared.file_name, pages, table())
    except ImportRefused:  # read once already: a page that renders no more is only not shown
        images = []
    for page, png in images:
        left.image(png, caption=state.tr("printed_pages.page", page=page), width="stretch")
    rows = prepared.raw.rows
    header = [literal(h) or f"#{n + 1}" for n, h in enumerate(rows[0])] if rows else []
    width = len(header)
    body = [(row + [""] * width)[:width] for row in rows[1:]]
    right.markdown(state.tr("printed.as_read"))
    if len(set(header)) < width:  # two columns printed under one heading: numbered apart
        header = [f"{h} ({n + 1})" for n, h in enumerate(header)]
    frame = pd.DataFrame(body, columns=header)
    right.dataframe(frame, hide_index=True, width="stretch")


def _doubts(prepared: Prepared) -> None:
    """Each doubtful cell's cut-out beside a box for its right value; a settled cell keeps its
    box (a widget not drawn in a run loses what was typed in it)."""
    source = prepared.raw.printed
    if source.corrected:
        st.success(state.tr("printed.corrected", count=len(source.corrected)))
    shown = [*source.doubts, *(settled["doubt"] for settled in source.corrected)]
    if not shown:
        return
    st.markdown(state.tr("printed.doubts", count=len(source.doubts)))
    header = {c.position: c.header for c in prepared.layout.columns}
    for doubt in sorted(shown, key=lambda d: (d.row, d.position))[:MAX_NAME_PICKS]:
        left, right = st.columns([1, 2])
        left.image(doubt.crop)
        label = state.tr(
            "printed.doubt_label",
            row=doubt.row + 1,
            column=header.get(doubt.position, doubt.position + 1),
            read=doubt.text or "–",
        )
        right.text_input(literal(label), key=key("fix", doubt.row, doubt.position))

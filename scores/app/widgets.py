"""Small pieces the pages share: downloads, status badges, source captions, localized tables."""

import hashlib
from collections.abc import Callable

import pandas as pd
import streamlit as st

from scores.app import cache
from scores.app.state import city_scope, lang, tr, unit_name
from scores.catalog import Unit
from scores.charts.base import STATUS_LOOK
from scores.export import images, tables
from scores.i18n import catalogue, in_lang
from scores.sources import readable_source, trail
from scores.text import is_figure, literal


def download_buttons(frame: pd.DataFrame | Callable[[], pd.DataFrame], stem: str) -> None:
    """CSV and XLSX download buttons for a table (raw numbers, guarded cells, headers in the
    user's language: a file opened in a meeting reads like the page it came from).

    frame may be a function that returns the table: then even reading it waits for the click
    (the whole database is millions of rows at scale, too many to read on every run of a page).
    """
    names = catalogue(lang())

    def table() -> pd.DataFrame:
        found = frame() if callable(frame) else frame
        return found.rename(
            columns={c: names[f"columns.{c}"] for c in found.columns if f"columns.{c}" in names}
        )

    left, right = st.columns(2)
    # Callables: the files are made only when clicked, not on every run of the page.
    left.download_button(
        tr("download.csv"),
        lambda: tables.to_csv(table()),
        f"{stem}.csv",
        "text/csv",
        key=f"csv_{stem}",
        on_click="ignore",
    )
    right.download_button(
        tr("download.xlsx"),
        lambda: tables.to_xlsx(table()),
        f"{stem}.xlsx",
        tables.XLSX_MIME,
        key=f"xlsx_{stem}",
        on_click="ignore",
    )


def chart_png_button(figure: object, index_code: str, year: int, sources: list, stem: str) -> None:
    """A download of the chart as a 1920x1080 PNG with its title and source burnt in, made when
    clicked (Chromium draws it); nothing is offered where Chromium is missing."""
    if not images.has_browser():
        return
    source = tr("source.caption", source=readable(index_code, year, sources))
    st.download_button(
        tr("present.download_png"),
        lambda: images.chart_png(figure, source),
        f"{stem}.png",
        "image/png",
        key=f"png_{stem}",
        on_click="ignore",
        icon=":material/image:",
    )


def text_table(frame: pd.DataFrame) -> None:
    """A table whose long text wraps inside its cells, the page never scrolling sideways
    (st.dataframe's canvas grid cuts a cell and scrolls); st.table renders cells as Markdown,
    so every header and cell is shown as written (text.literal), typed text included."""
    cells = frame.fillna("").astype(str)
    shown = cells.map(literal)
    shown.columns = [literal(str(column)) for column in frame.columns]
    # Figures right-aligned (their digits line up), text left: the columns whose every cell
    # is a figure, at least one of them not a dash.
    figures = [
        position
        for position, column in enumerate(cells.columns, start=1)
        if cells[column].map(is_figure).all() and (~cells[column].isin(["–", "="])).any()
    ]
    key = "text_table_" + hashlib.sha1("|".join(map(str, frame.columns)).encode()).hexdigest()[:8]
    with st.container(key=key):
        if figures:
            cells_css = ", ".join(
                f".st-key-{key} th:nth-child({n}), .st-key-{key} td:nth-child({n})" for n in figures
            )
            # !important: Streamlit sets the cells' alignment on the cells themselves.
            st.html(f"<style>{cells_css} {{ text-align: right !important; }}</style>")
        st.table(shown, hide_index=True)


def status_badge(status: str | None) -> None:
    """A target status as a coloured badge with a glyph and a word (never colour alone)."""
    colour, glyph = STATUS_LOOK[status]
    word = tr(f"status.{status}") if status else tr("status.unknown")
    st.badge(f"{glyph} {word.capitalize()}", color=colour)


def readable(index_code: str, year: int, sources: list) -> str:
    """The index's publisher in the user's language and the documents behind the figures."""
    about = cache.load("every_index_by_code").set_index("index_code").loc[index_code]
    publisher, name = in_lang(about, "publisher", lang()), in_lang(about, "short", lang())
    return readable_source(publisher, name, int(year), list(sources), lang())


def source_note(index_code: str, year: int, sources: list, extra: str = "") -> None:
    """Under a figure: the publisher and documents as a leader reads them, with the full trail
    (repository, commit, address) one click away."""
    # A source may be typed at import: shown as written (text.literal), never as Markdown, and
    # an address as text to copy, not a link (a typed one could lead anywhere).
    text = literal(readable(index_code, year, sources))
    st.caption(tr("source.caption", source=text) + (f" {extra}" if extra else ""))
    with st.popover(tr("source.details"), type="tertiary", icon=":material/info:"):
        for line in trail(list(sources)):
            st.markdown(f"- {literal(line)}")


def source_caption(index_code: str, year: int) -> None:
    """The source note of the current release of one index and year (its documents)."""
    found = cache.load("current_release_by_index_year", index_code=index_code, year=year)
    if not found.empty:
        release = found.iloc[0]
        version = tr("source.version", version=int(release.version))
        source_note(index_code, year, [release.source], version)


def localized(frame: pd.DataFrame, section: str) -> pd.DataFrame:
    """The frame with its column names in the chosen language (<section>.<column>)."""
    return frame.rename(columns={column: tr(f"{section}.{column}") for column in frame.columns})


def lineage_note(unit: Unit) -> None:
    """Under a page title: whose figures the earlier years are, and the units merged in."""
    provinces = cache.provinces()
    line, others = provinces.main_line(unit), provinces.others(unit)
    name = unit_name(unit)
    if provinces.merged(unit) and len(line) > 1:
        st.caption(tr("lineage.main", until=line[1].valid_to, name=unit_name(line[1])))
    if others:
        listed = ", ".join(f"{unit_name(u)} ({u.valid_from}–{u.valid_to})" for u in others)
        st.caption(tr("lineage.others", name=name, others=listed))


def provinces_only(page: str) -> None:
    """In the city's scope, a page made for the provinces says so in one sentence, links to the
    city's Rankings and draws nothing else (none of its figures would be the city's units')."""
    if not city_scope():
        return
    st.title(tr(page))
    st.info(tr("cityscope.provinces_only", page=tr(page)))
    st.page_link(
        "views/rankings.py", label=tr("cityscope.to_rankings"), icon=":material/leaderboard:"
    )
    st.stop()

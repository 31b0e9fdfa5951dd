"""Small pieces the pages share: downloads, status badges, source captions, localized tables."""

import pandas as pd
import streamlit as st

from scores.app import cache
from scores.app.state import tr, unit_name
from scores.catalog import Unit
from scores.export import tables
from scores.text import source_label

# Status is carried by a word and a glyph as well as by colour (plain glyphs: no icon font needed).
STATUS_LOOK = {
    "met": ("green", "✓"),
    "on_track": ("blue", "↗"),
    "at_risk": ("orange", "⚠"),
    "missed": ("red", "✗"),
    None: ("gray", "?"),
}


def download_buttons(frame: pd.DataFrame, stem: str) -> None:
    """CSV and XLSX download buttons for a table (raw numbers, guarded cells)."""
    left, right = st.columns(2)
    # Callables: the files are made only when clicked, not on every run of the page.
    left.download_button(
        tr("download.csv"),
        lambda: tables.to_csv(frame),
        f"{stem}.csv",
        "text/csv",
        key=f"csv_{stem}",
        on_click="ignore",
    )
    right.download_button(
        tr("download.xlsx"),
        lambda: tables.to_xlsx(frame),
        f"{stem}.xlsx",
        tables.XLSX_MIME,
        key=f"xlsx_{stem}",
        on_click="ignore",
    )


def status_badge(status: str | None) -> None:
    """A target status as a coloured badge with a glyph and a word (never colour alone)."""
    colour, glyph = STATUS_LOOK[status]
    word = tr(f"status.{status}") if status else tr("status.unknown")
    st.badge(f"{glyph} {word.capitalize()}", color=colour)


def source_caption(index_code: str, year: int) -> None:
    """'Source: … (publisher), release vN' under a chart of one index and year."""
    found = cache.load("current_release_by_index_year", index_code=index_code, year=year)
    if found.empty:
        return
    release = found.iloc[0]
    st.caption(
        tr(
            "source_caption",
            publisher=release.publisher or "–",
            source=source_label(*release.source.split(" ; ")),
            version=int(release.version),
        )
    )


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

"""Streamlit glue shared by the pages: the cached connection, cached queries, language, province."""

from pathlib import Path
from urllib.parse import urlparse

import pandas as pd
import streamlit as st

from scores import charts, db, export, seed
from scores.catalog import Provinces, Unit
from scores.config import db_path
from scores.i18n import LANGS, t

DEFAULT_PROVINCE = "01"


@st.cache_resource
def _connection(path: str):
    """One DuckDB connection per process; the database is built from data/ if it is missing."""
    if not Path(path).exists():
        seed.build(Path(path))
    return db.connect(path)


def cursor():
    """A fresh cursor for this script run (a shared one breaks under concurrent sessions)."""
    return _connection(str(db_path())).cursor()


@st.cache_data(show_spinner=False)
def load(name: str, **params: object) -> pd.DataFrame:
    """queries/<name>.sql with parameters, cached until data changes."""
    return db.query(cursor(), name, **params)


@st.cache_resource
def provinces(path: str) -> Provinces:
    """The province table and its spellings (changes only with a rebuild)."""
    return Provinces(_connection(path).cursor())


def lang() -> str:
    """The chosen language: session state, else ?lang=, else Vietnamese."""
    if "lang" not in st.session_state:
        asked = st.query_params.get("lang", "vi")
        st.session_state["lang"] = asked if asked in LANGS else "vi"
    return st.session_state["lang"]


def tr(key: str, **values: object) -> str:
    """t() in the chosen language."""
    return t(key, lang(), **values)


def focus_units() -> list[Unit]:
    """The units a leader can focus on: those of the latest year with data."""
    year = int(load("latest_year_with_release")["year"].iloc[0])
    return provinces(str(db_path())).in_year(year)


def focus() -> Unit:
    """The focus province: session state, else ?province=, else Hà Nội."""
    units = {unit.province_code: unit for unit in focus_units()}
    if st.session_state.get("province") not in units:
        asked = st.query_params.get("province", DEFAULT_PROVINCE)
        st.session_state["province"] = asked if asked in units else DEFAULT_PROVINCE
    return units[st.session_state["province"]]


def unit_name(unit: Unit) -> str:
    """A unit's name in the chosen language."""
    return unit.name_vi if lang() == "vi" else unit.name_en


def source_label(*sources: str | None) -> str:
    """Short names of the sources behind a figure: web addresses by host, repositories by name."""
    labels = []
    for source in sources:
        if not isinstance(source, str) or not source:
            continue
        for part in source.split(" | "):
            text = part.split(": ", 1)[-1] if part.startswith("also reported") else part
            label = (
                urlparse(text).netloc.removeprefix("www.")
                if text.startswith("http")
                else text.split(" ")[0]
            )
            if label and label not in labels:
                labels.append(label)
    return ", ".join(labels) or "–"


def pick(label: str, options: list, key: str, default=None, format_func=str, widget=None):
    """A select box whose choice lives in session state and in the URL (?key=value)."""
    texts = [str(option) for option in options]
    if st.session_state.get(key) not in options:
        asked = st.query_params.get(key)
        chosen = options[texts.index(asked)] if asked in texts else default
        st.session_state[key] = chosen if chosen in options else options[0]
    value = (widget or st.selectbox)(label, options, key=key, format_func=format_func)
    st.query_params[key] = str(value)
    return value


def index_names() -> dict[str, str]:
    """index_code -> short name in the chosen language."""
    frame = load("indices_by_code")
    column = "short_vi" if lang() == "vi" else "short_en"
    return dict(zip(frame["index_code"], frame[column], strict=True))


def indicator_name(row) -> str:
    """An indicator's name in the chosen language (row has name_vi and name_en)."""
    return row.name_vi if lang() == "vi" else row.name_en


def indicator_labels(index_code: str) -> dict[str, str]:
    """Indicator code -> name in the chosen language, for one index's catalogue."""
    catalogue = load("indicators_by_index", index_code=index_code)
    column = "name_vi" if lang() == "vi" else "name_en"
    return dict(zip(catalogue["indicator"], catalogue[column], strict=True))


def is_percent(index_code: str, indicator: str) -> bool:
    """Whether values of the indicator are percentages (SIPAS, and the PAR INDEX total)."""
    return index_code == "SIPAS" or indicator == "par_index_total"


def provinces_in(year: int) -> list[Unit]:
    """The units that existed in a year."""
    return provinces(str(db_path())).in_year(year)


def download_buttons(frame: pd.DataFrame, stem: str) -> None:
    """CSV and XLSX download buttons for a table (raw numbers, guarded cells)."""
    left, right = st.columns(2)
    # Callables: the files are made only when clicked, not on every run of the page.
    left.download_button(
        tr("download.csv"),
        lambda: export.to_csv(frame),
        f"{stem}.csv",
        "text/csv",
        key=f"csv_{stem}",
        on_click="ignore",
    )
    right.download_button(
        tr("download.xlsx"),
        lambda: export.to_xlsx(frame),
        f"{stem}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"xlsx_{stem}",
        on_click="ignore",
    )


def valued_count(index_code: str, year: int) -> int:
    """How many provinces have a value for the index's headline total in that year."""
    frame = load("indicators_by_year", index_code=index_code)
    rows = frame[(frame["year"] == year) & frame["headline"]]
    return int(rows["valued"].max()) if len(rows) else 0


# Status is carried by a word and a glyph as well as by colour (plain glyphs: no icon font needed).
STATUS_LOOK = {
    "met": ("green", "✓"),
    "on_track": ("blue", "↗"),
    "at_risk": ("orange", "⚠"),
    "missed": ("red", "✗"),
    None: ("gray", "?"),
}


def status_badge(status: str | None) -> None:
    """A target status as a coloured badge with a glyph and a word (never colour alone)."""
    colour, glyph = STATUS_LOOK[status]
    word = tr(f"status.{status}") if status else tr("status.unknown")
    st.badge(f"{glyph} {word.capitalize()}", color=colour)


@st.cache_resource(show_spinner=False, max_entries=200)
def figure(name: str, *args):
    """charts.<name>(*args), cached: building a plotly figure costs tens of milliseconds.

    A resource cache, so the figure is shared, not unpickled each run (that re-validates every
    trace); pages only pass it to st.plotly_chart and never change it.
    """
    return getattr(charts, name)(*args)


def source_caption(index_code: str, year: int) -> None:
    """'Source: … (publisher), release vN' under a chart of one index and year."""
    found = load("current_release_by_index_year", index_code=index_code, year=year)
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

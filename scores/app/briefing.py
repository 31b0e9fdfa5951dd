"""The presentation page's data: the slide pack of the focus unit, cached, and its files."""

import streamlit as st

from scores.app import cache
from scores.export import briefing, report
from scores.export.slide_kinds import pack
from scores.export.slides import Context, Slide


def context(unit_key: str, year: int, lang: str) -> Context:
    """A pack's context over the app's cached queries."""
    provinces = cache.provinces()
    return Context(cache.load, provinces, provinces.by_key(unit_key), year, lang)


@st.cache_data(show_spinner=False, max_entries=32)
def slides(unit_key: str, year: int, lang: str, keys: tuple[str, ...]) -> list[Slide]:
    """The slides of the kinds chosen, for a unit, year and language (cleared with the data)."""
    return pack(context(unit_key, year, lang), list(keys))


def file(unit_key: str, year: int, lang: str, keys: tuple[str, ...], file_format: str) -> bytes:
    """The pack as .pptx or .pdf bytes (made when the download is clicked)."""
    return briefing.write(context(unit_key, year, lang), list(keys), file_format)


def report_file(unit_key: str, year: int, lang: str) -> bytes:
    """The written report as .docx bytes (made when the download is clicked)."""
    return report.write(context(unit_key, year, lang))

"""scores/app/briefing.py: the Presentation page's pack over the app's cached queries."""

import io

import pytest
import streamlit as st
from pptx import Presentation

from scores.app import briefing
from scores.export.slide_kinds import pack
from tests.export.test_briefing import context as direct_context


@pytest.fixture
def on_built(built_db, monkeypatch):
    """The app's caches reading the session's built database."""
    monkeypatch.setenv("SCORES_DB", str(built_db))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield built_db
    st.cache_data.clear()
    st.cache_resource.clear()


def test_the_context_is_the_focus_unit_and_year_in_the_language_asked(on_built):
    context = briefing.context("01", 2024, "en")
    assert (context.unit.province_code, context.year, context.lang) == ("01", 2024, "en")
    assert context.unit_name == "Hanoi"


def test_the_cached_slides_are_the_packs_slides_of_the_kinds_chosen(on_built):
    cached = briefing.slides("01", 2024, "vi", ("scorecard", "changes"))
    expected = pack(direct_context(on_built, "vi"), ["scorecard", "changes"])
    assert [s.key for s in cached] == ["scorecard", "changes"]
    assert [(s.key, s.title, s.sentences) for s in cached] == [
        (s.key, s.title, s.sentences) for s in expected
    ]


def test_the_file_is_a_pptx_of_the_kinds_chosen(on_built):
    data = briefing.file("01", 2024, "vi", ("scorecard",), "pptx")
    deck = Presentation(io.BytesIO(data))
    assert len(deck.slides) == 1
    texts = " ".join(
        shape.text_frame.text for shape in deck.slides[0].shapes if shape.has_text_frame
    )
    assert "Hà Nội" in texts

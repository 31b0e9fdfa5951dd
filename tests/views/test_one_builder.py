"""One builder per view (issue #22): a page and its slide say the same thing, from one record."""

import re

import pytest
from conftest import ROOT, as_read, open_view
from streamlit.testing.v1 import AppTest

from scores.analysis.narrative import place_words
from scores.export.component_view import component_view
from scores.export.slide_kinds import pack
from scores.i18n import t
from tests.export.test_briefing import context


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_target_page_and_its_slide_have_the_same_headline_and_gap(app, db_file, lang):
    open_view(app, "targets", lang=lang)
    headers = [h.value for h in app.header]
    shown = [m.value for m in app.markdown]
    slides = pack(context(db_file, lang), ["targets"])
    assert slides and len(headers) == len(slides)
    for header, slide in zip(headers, slides, strict=True):
        # The slide's title is the page's header and the status the page shows as a badge.
        assert slide.title.rsplit(" · ", 1)[0] == header
        assert slide.sentences[-1] in shown  # the gap and what next year takes, word for word


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_overview_summary_is_the_scorecard_slide_sentences(app, db_file, lang):
    open_view(app, "overview", lang=lang)
    summary = app.markdown[-1].value
    (scorecard,) = pack(context(db_file, lang), ["scorecard"])
    # The slide's sentence of each index ("PAR INDEX 2024: 92,57%, …"), word for word on the page.
    sentences = [note for note in scorecard.notes if re.match(r"^[A-Z ]+ \d{4}: ", note)]
    assert len(sentences) == 4
    assert all(sentence in summary for sentence in sentences), (sentences, summary)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_components_page_and_the_weakest_slide_have_the_same_headline_and_rows(
    app, db_file, lang
):
    """Every weakest-components slide of the pack, against the page opened on its index and
    year (a fresh session each: the page keeps the index chosen before)."""
    pack_context = context(db_file, lang)
    slides = pack(pack_context, ["weakest"])
    assert len(slides) >= 2
    for slide in slides:
        code = next(
            c
            for c in pack_context.indices.index
            if slide.title.startswith(pack_context.index_name(c) + " ")
        )
        year = component_view(pack_context, code).year
        app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        open_view(app, "components", lang=lang, index=code, year=str(year), level="component")
        assert app.subheader[0].value == slide.title  # the slide's headline, word for word
        table = as_read(app.table[0])
        assert len(slide.sentences) == 3
        # Each of the slide's lines is the page's row: name, value, best and rank of N.
        for line, row in zip(slide.sentences, table.itertuples(index=False), strict=False):
            rank, units = (int(n) for n in row[6].split("/"))
            words = place_words(rank, units, lang)
            assert line == t(
                "pack.weak_line", lang, name=row[0], value=row[1], best=row[4], place=words
            )


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_year_headline_of_each_index_is_one_sentence_on_the_overview_and_the_slides(
    app, db_file, lang
):
    open_view(app, "overview", lang=lang)
    summary = app.markdown[-1].value
    pack_context = context(db_file, lang)
    (scorecard,) = pack(pack_context, ["scorecard"])
    for code in pack_context.indices.index:
        sentence = pack_context.index_sentence(code)
        assert sentence in summary and sentence in scorecard.notes, (sentence, summary)

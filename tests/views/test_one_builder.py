"""One builder per view (issue #22): a page and its slide say the same thing, from one record."""

import re

import pytest
from conftest import open_view

from scores.export.slide_kinds import pack
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

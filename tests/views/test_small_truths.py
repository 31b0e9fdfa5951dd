"""Small truths on the pages (issue #22): what a rank is, sentences that end, plain words."""

import re

import pytest
from conftest import open_view

from scores.export.slide_kinds import pack
from tests.export.test_briefing import context


@pytest.mark.parametrize(
    ("lang", "place", "published"),
    [
        ("vi", "Đứng thứ 29/61 tỉnh, thành phố có số liệu", "(theo công bố)"),
        ("en", "Placed 29 of the 61 provinces with figures", "(as published)"),
    ],
)
def test_a_papi_rank_is_a_place_counted_from_the_scores_not_as_published(
    app, lang, place, published
):
    """PAPI publishes no ranks (data/index_rules.csv): Hà Nội's 29th of 2024 is a place among
    the 61 provinces with a score, and no card calls it published."""
    open_view(app, "overview", lang=lang)
    lines = [m.value for m in app.markdown]
    assert place in lines
    assert lines[lines.index(place) + 1].startswith("▼ ")  # and its change in places, still
    # PAR INDEX, SIPAS and PCI publish their ranks: three cards say so, not four.
    assert sum(published in line for line in lines) == 3


@pytest.mark.parametrize(("lang", "applies"), [("vi", "Áp dụng từ năm"), ("en", "Applies from")])
def test_a_target_basis_ends_with_its_full_stop_on_the_page_and_the_slide(
    app, db_file, lang, applies
):
    """The basis is typed without a final stop ("… (phỏng vấn …)"): the sentence after it
    ran on ("… Trần Đình Cảnh) Áp dụng từ năm 2024.")."""
    open_view(app, "targets", lang=lang)
    captions = [re.sub(r"\\(.)", r"\1", c.value).replace("\u2060", "") for c in app.caption]
    shown = [c for c in captions if f" {applies} " in c]
    notes = [n for s in pack(context(db_file, lang), ["targets"]) for n in s.notes]
    written = [n.replace("\u2060", "") for n in notes if f" {applies} " in n]
    assert len(shown) == len(written) == 2
    for sentence in shown + written:
        assert f". {applies} " in sentence, sentence


def test_the_sub_indicators_level_choice_reads_in_plain_english(app):
    """'Level: Second-level sub-indicators' is a catalogue's word, not a leader's."""
    open_view(app, "components", lang="en", index="PAPI", year="2024")
    choice = app.selectbox(key="level")
    assert choice.label == "Show"
    assert choice.options == ["Sub-indicators", "The parts of each sub-indicator"]


@pytest.mark.parametrize(
    ("lang", "place", "country"),
    [
        ("vi", "Đứng thứ 29/61 tỉnh, thành phố có số liệu", "cả nước"),
        ("en", "Placed 29 of the 61 provinces with figures", "nationally"),
    ],
)
def test_a_ranking_slide_words_its_rank_among_the_unit_sets_own_word(db_file, lang, place, country):
    """The word for the whole set comes from the locale (brief3.whole_<unit set>); a place
    among the units with figures already says among whom ('… có số liệu cả nước' did not)."""
    slides = pack(context(db_file, lang), ["rankings"])  # PAPI 2024 alone
    slides += pack(context(db_file, lang, year=2021), ["rankings"])  # PAPI and PCI 2021
    first_lines = [slide.sentences[0] for slide in slides]
    assert place in first_lines  # PAPI 2024, as it stands
    places = [line for line in first_lines if line.startswith(place.split(" 29")[0])]
    ranked = [line for line in first_lines if line not in places]
    assert len(places) == 2 and not any(line.endswith(country) for line in places), places
    assert ranked and all(line.endswith(" " + country) for line in ranked), first_lines

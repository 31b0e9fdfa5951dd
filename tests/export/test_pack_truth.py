"""The briefing pack says what is true (issue #22): coverage, comparisons, denominators."""

import re

import pandas as pd
import pytest

from scores.analysis.narrative import component_sentences, coverage_sentence, index_sentence
from scores.analysis.notable import notable
from scores.analysis.standings import Standing, ranked_units
from scores.export.slide_kinds import KINDS, pack
from tests.export.test_briefing import context

# Claims about the publisher that the data never supports: the ministry's tables are complete.
FALSE_CLAIMS = re.compile(
    r"công bố một phần|mới công bố một phần|partly published|partial release|"
    r"only partly|chưa được công bố|was not published",
    re.IGNORECASE,
)


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        (
            "vi",
            "Hệ thống mới có số liệu của 2/63 tỉnh, thành phố năm 2024; nhập bảng đầy đủ của "
            "năm này để có đủ số liệu cả nước.",
        ),
        (
            "en",
            "The system holds figures for only 2 of 63 provinces for 2024; import that year's "
            "full table to complete it.",
        ),
    ],
)
def test_the_coverage_sentence_word_by_word(lang, sentence):
    assert coverage_sentence(2, 63, 2024, lang).split() == sentence.split()


def test_a_comparison_across_missing_years_names_the_year():
    found = Standing(
        year=2024,
        value=86.5,
        rank=11,
        units=63,
        previous_year=2020,
        value_change=1.35,
        places_change=22,
    )
    assert index_sentence("SIPAS", "%", found, "vi") == (
        "SIPAS 2024: 86,50%, xếp thứ 11/63, tăng 22 bậc và tăng 1,35 điểm so với năm 2020, "
        "năm gần nhất có số liệu."
    )


@pytest.mark.parametrize(
    ("valued", "units", "rank", "denominator"),
    [(61, 63, 29, 61), (2, 63, 3, 63), (12, 63, 24, 63), (63, 63, 1, 63), (61, 63, 62, 62)],
)
def test_one_rule_for_a_rank_denominator(valued, units, rank, denominator):
    assert ranked_units(valued, units, rank) == denominator


@pytest.fixture(scope="module")
def packs(built_db) -> dict:
    return {lang: pack(context(built_db, lang), list(KINDS)) for lang in ("vi", "en")}


def _texts(slides) -> list[str]:
    texts = []
    for slide in slides:
        texts += [slide.title, slide.source, *slide.sentences, *slide.notes]
        for card in slide.cards:
            texts += [card.title, card.value, card.target, *card.lines]
        for figure in slide.figures:
            texts.append(str(figure.layout.title.text or ""))
            texts += [str(a.text) for a in figure.layout.annotations]
    return texts


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_sentence_in_the_pack_claims_a_partial_publication(packs, lang):
    texts = _texts(packs[lang])
    assert texts and not [text for text in texts if FALSE_CLAIMS.search(text)]
    # ...and the pack does say what the database holds.
    held = "Hệ thống mới có số liệu của 2/63" if lang == "vi" else "only 2 of 63"
    assert any(held in text for text in texts)


def test_papi_2024_has_one_denominator_in_every_slide(packs):
    texts = " ".join(_texts(packs["vi"]))
    assert "29/61" in texts and "29/63" not in texts


def test_a_change_below_the_threshold_is_not_called_notable():
    table = pd.DataFrame(
        {
            "indicator": ["a", "b"],
            "value": [3.0, 6.0],
            "change": [0.04, -0.28],
            "percentile": [2.0, 50.0],
            "points_lost": [None, None],
            "valued": [61, 61],
            "best": [4.4, 8.2],
        }
    )
    sentences = component_sentences(table, {"a": "A", "b": "B"}, 2023, "vi", threshold=0.1)
    assert not [s for s in sentences if "tăng nhiều nhất" in s]  # +0,04 is under 0,10
    assert "B (−0,28)" in sentences[0]
    assert notable(0.04, "PAPI", "component") is False and notable(-0.28, "PAPI", "component")


def test_jargon_is_replaced_by_a_place_and_the_best(packs):
    weakest = next(s for s in packs["vi"] if s.key == "weakest")
    assert weakest.title.endswith(
        "Quản trị môi trường của Hà Nội thấp nhất trong 61 tỉnh, thành phố có số liệu"
    )
    assert weakest.sentences[0] == (
        "Quản trị môi trường: 2,87 điểm (tỉnh tốt nhất 4,41), thấp nhất trong 61 tỉnh, thành phố "
        "có số liệu."
    )
    assert "bách phân vị" not in " ".join(_texts(packs["vi"]))


def test_cli_slide_keys_drop_repeats_and_name_each_unknown_once():
    from scores.export.briefing import UnknownSlides, slide_keys

    assert slide_keys(",".join(["changes", "scorecard"] * 1000)) == ["changes", "scorecard"]
    with pytest.raises(UnknownSlides, match=r"^x$"):
        slide_keys("x,scorecard,x")

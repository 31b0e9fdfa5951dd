"""Generated sentences: every figure from the input, in both languages."""

from dataclasses import replace

import pandas as pd
import pytest

from scores.analysis.narrative import component_sentences, index_sentence
from scores.analysis.standings import Standing

PAR_2024 = Standing(
    year=2024, value=92.57, rank=3, units=63, previous_year=2023, value_change=1.14, places_change=0
)


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        (
            "vi",
            "PAR INDEX 2024: 92,57%, xếp thứ 3/63, giữ nguyên thứ hạng và tăng 1,14 điểm "
            "so với năm 2023.",
        ),
        (
            "en",
            "PAR INDEX 2024: 92.57%, ranked 3 of 63, unchanged rank and up 1.14 points since 2023.",
        ),
    ],
)
def test_index_sentence(lang, sentence):
    assert index_sentence("PAR INDEX", "%", PAR_2024, lang) == sentence


def test_rank_only_and_falling():
    found = replace(PAR_2024, value=None, value_change=None, places_change=-4, rank=7)
    assert index_sentence("PCI", "", found, "vi") == (
        "PCI 2024: hệ thống chưa có điểm, xếp thứ 7/63, giảm 4 bậc so với năm 2023."
    )


def test_first_year_has_no_comparison():
    found = replace(PAR_2024, previous_year=None, value_change=None, places_change=None)
    assert index_sentence("SIPAS", "%", found, "en") == "SIPAS 2024: 92.57%, ranked 3 of 63."


# Hand-worked cases of the briefing narrative (issue #10), each in both languages.
PAPI_2018 = Standing(
    year=2018,
    value=42.0,
    rank=40,
    units=63,
    coverage="complete",
    previous_year=2017,
    value_change=6.5,
    places_change=3,
    previous_rank=43,
    previous_units=63,
)
CASES = {
    "rise": (
        {},
        (),
        "PAPI 2018: 42,00, xếp thứ 40/63, tăng 3 bậc và tăng 6,50 điểm so với năm 2017.",
    ),
    "fall": (
        {"places_change": -2, "value_change": -0.25},
        (),
        "PAPI 2018: 42,00, xếp thứ 40/63, giảm 2 bậc và giảm 0,25 điểm so với năm 2017.",
    ),
    "unchanged": (
        {"places_change": 0, "value_change": 0.001},
        (),
        "PAPI 2018: 42,00, xếp thứ 40/63, giữ nguyên thứ hạng và điểm số không đổi so với "
        "năm 2017.",
    ),
    "partial": (
        {"coverage": "partial", "valued": 2},
        (),
        "PAPI 2018: 42,00, xếp thứ 40/63, tăng 3 bậc và tăng 6,50 điểm so với năm 2017. "
        "Hệ thống mới có số liệu của 2/63 tỉnh, thành phố năm 2018; nhập bảng đầy đủ của năm "
        "này để có đủ số liệu cả nước.",
    ),
    "break": (
        {},
        (2016, 2018),
        "PAPI 2018: 42,00, xếp thứ 40/63, tăng 3 bậc so với năm 2017, phương pháp tính thay đổi "
        "từ năm 2018 nên điểm số không so sánh trực tiếp với năm 2017.",
    ),
    "missing_year": (
        {"previous_year": 2015},
        (),
        "PAPI 2018: 42,00, xếp thứ 40/63, tăng 3 bậc và tăng 6,50 điểm so với năm 2015, năm "
        "gần nhất có số liệu.",
    ),
    "across_2025": (
        {"year": 2025, "rank": 4, "units": 34, "places_change": None, "previous_year": 2024},
        (),
        "PAPI 2025: 42,00, xếp thứ 4/34, năm 2024 xếp thứ 43/63, trước khi sắp xếp đơn vị "
        "hành chính (không so sánh trực tiếp), tăng 6,50 điểm so với năm 2024.",
    ),
}
ENGLISH = {
    "rise": "PAPI 2018: 42.00, ranked 40 of 63, up 3 places and up 6.50 points since 2017.",
    "fall": "PAPI 2018: 42.00, ranked 40 of 63, down 2 places and down 0.25 points since 2017.",
    "unchanged": "PAPI 2018: 42.00, ranked 40 of 63, unchanged rank and score unchanged since "
    "2017.",
    "partial": "PAPI 2018: 42.00, ranked 40 of 63, up 3 places and up 6.50 points since 2017. "
    "The system holds figures for only 2 of 63 provinces for 2018; import that year's full "
    "table to complete it.",
    "break": "PAPI 2018: 42.00, ranked 40 of 63, up 3 places since 2017, the method changed in "
    "2018, so the score is not directly comparable with 2017.",
    "missing_year": "PAPI 2018: 42.00, ranked 40 of 63, up 3 places and up 6.50 points since "
    "2015, the latest year with figures.",
    "across_2025": "PAPI 2025: 42.00, ranked 4 of 34, 43 of 63 in 2024, before the 2025 "
    "reorganisation (not directly comparable), up 6.50 points since 2024.",
}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_briefing_cases(case, lang):
    change, breaks, vietnamese = CASES[case]
    found = replace(PAPI_2018, **change)
    expected = vietnamese if lang == "vi" else ENGLISH[case]
    assert index_sentence("PAPI", "", found, lang, breaks) == expected


COMPONENTS = pd.DataFrame(
    {
        "indicator": ["a", "b", "c", "d"],
        "value": [2.0, 5.0, 6.5, 7.0],
        "change": [-0.5, 0.25, None, 1.0],
        "percentile": [10.0, 35.0, 60.0, None],
        "points_lost": [1.234, None, 0.5, 0.0],
        "valued": [20, 20, 20, 20],
        "best": [8.0, 7.5, 9.0, 8.0],
    }
)
LABELS = {"a": "Minh bạch", "b": "Tính năng động", "c": "Chi phí thời gian", "d": "Đào tạo"}


def test_component_sentences_vi():
    assert component_sentences(COMPONENTS, LABELS, 2020, "vi", count=2) == [
        "Chỉ số thành phần tăng nhiều nhất so với năm 2020: Đào tạo (+1,00), "
        "Tính năng động (+0,25).",
        "Chỉ số thành phần giảm nhiều nhất so với năm 2020: Minh bạch (−0,50).",
        "Chỉ số thành phần yếu nhất: Minh bạch (đứng thứ 19/20 tỉnh, thành phố có số liệu, "
        "2,00 điểm; tỉnh tốt nhất 8,00), Tính năng động (đứng thứ 14/20 tỉnh, thành phố có số "
        "liệu, 5,00 điểm; tỉnh tốt nhất 7,50).",
    ]


def test_component_sentences_without_a_comparable_year_en():
    labels = {"a": "Transparency", "b": "Proactivity", "c": "Time costs", "d": "Training"}
    assert component_sentences(COMPONENTS, labels, None, "en", count=1) == [
        "Weakest components: Transparency (19 of the 20 provinces with figures, 2.00 points; "
        "best province 8.00)."
    ]

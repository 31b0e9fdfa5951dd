"""What a slide is: the Context every kind reads (standing, lineage) and the slide's charts."""

from scores.charts.base import smallest_font
from scores.export.slide_kinds import pack
from scores.export.slides import SLIDE_FONT, for_screen, suffix
from tests.export.test_briefing import context


def test_bac_ninh_2024_is_placed_among_the_provinces_with_figures(built_db):
    found = context(built_db, "vi", key="24", year=2024).standing("PAPI")
    assert (found.rank, found.rank_units, found.rank_kind) == (8, 61, "position")


def test_a_merged_unit_s_scorecard_says_whose_figures_the_earlier_years_are(built_db):
    assert "Số liệu 2024 và trước là của Bắc Ninh cũ (trước khi hợp nhất)." in " ".join(
        pack(context(built_db, "vi", key="24", year=2024), ["scorecard"])[0].sentences
    )


def test_a_per_cent_index_s_figures_end_with_a_per_cent_sign():
    assert suffix("PAR", "par_index_total") == "%" and suffix("PAPI", "papi_total_8dim") == ""


def test_a_slide_chart_has_its_height_and_no_text_under_the_slide_font(built_db):
    (weakest, *_) = pack(context(built_db, "vi"), ["weakest"])
    shown = for_screen(weakest.figures[0], 640)
    assert shown.layout.height == 640 and smallest_font(shown) >= SLIDE_FONT == 20
    assert smallest_font(weakest.figures[0]) < SLIDE_FONT  # the page's chart, left as it was

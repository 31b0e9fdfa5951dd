"""scores/app/ranking_tabs.py: each unit set's sentences in its own words, and each tab drawn
on a published table under AppTest.from_function: the bars for a phone and a wide screen, the
scatter against another index (the table tab: test_ranking_table.py; the page around them:
tests/views/test_city_rankings.py, test_pages.py)."""

import pytest

from scores.app import cache
from scores.app.ranking_tabs import said
from tests.app.conftest import draw, figures

pytestmark = pytest.mark.usefixtures("fresh_session")


@pytest.mark.parametrize(
    ("index_code", "year", "shown"),
    [
        ("HNPAR_DEPT", 2022, "Xếp hạng trong {units} sở, ban, ngành của Thành phố năm đó."),
        ("HNPAR_LOCAL", 2022, "Xếp hạng trong {units} quận, huyện, thị xã của Thành phố năm đó."),
        ("PCI", 2016, "Xếp hạng trên {units} tỉnh, thành phố của năm đó."),
    ],
)
def test_a_caption_names_the_units_of_the_indexs_own_set(built, index_code, year, shown):
    unit_set = str(cache.load("unit_set_by_index", index_code=index_code).iloc[0, 0])
    units = len(cache.index_units_in(index_code, year))
    assert said(unit_set, "caption", units=units) == shown.format(units=units)


def test_the_bars_are_drawn_for_a_phone_and_a_wide_screen_with_the_focus(built):
    phone, wide = figures(draw("ranking_tabs.ranking", "PCI", 2016))
    assert len(wide["data"][0]["y"]) == 63
    assert [y.strip("\u00a0") for y in phone["data"][0]["y"]][:4] == [
        "1. Đà Nẵng", "2. Quảng Ninh", "3. Đồng Tháp", "4. Bình Dương"
    ]  # fmt: skip
    assert "14. Hà Nội" in phone["data"][0]["y"]
    assert len(phone["data"][0]["y"]) < 63  # the top 10 and Hà Nội among its neighbours


def test_a_city_table_with_one_unit_valued_draws_no_bars_and_says_why(built):
    app = draw("ranking_tabs.ranking", "HNPAR_DEPT", 2024)
    assert not app.get("plotly_chart")
    assert app.info[0].value == (
        "Không đủ số liệu để so sánh: cần điểm số của ít nhất hai sở, ban, ngành."
    )


def test_the_scatter_pairs_the_index_with_the_richest_other_that_year(built):
    app = draw("ranking_tabs.scattered", "PCI", 2016)
    against = app.selectbox(key="against")
    assert against.value == "PAPI"  # 63 provinces in 2016; PAR INDEX and SIPAS far fewer
    [scatter] = figures(app)
    assert len(scatter["data"][0]["customdata"]) == 63
    assert app.caption[-1].value == "63 tỉnh, thành phố có số liệu cả hai bộ chỉ số."
    assert "PCI và PAPI năm 2016" in scatter["layout"]["title"]["text"]


def test_the_scatter_says_when_the_other_index_has_too_few_or_no_year(built):
    app = draw("ranking_tabs.scattered", "PCI", 2016)
    app.selectbox(key="against").set_value("PAR").run()
    assert not app.get("plotly_chart")
    assert app.info[0].value.startswith("Không đủ số liệu để so sánh: chỉ ")
    app.selectbox(key="against").set_value("SIPAS").run()
    assert [i.value for i in app.info] == ["SIPAS chưa có số liệu năm 2016."]

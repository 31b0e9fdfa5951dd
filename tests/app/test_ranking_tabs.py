"""scores/app/ranking_tabs.py: each unit set's sentences in its own words, and each tab drawn
on a published table under AppTest.from_function: the ranks then and now (what does not compare
said first), the bars for a phone and a wide screen, the scatter against another index (the
page around them: tests/views/test_city_rankings.py, test_pages.py)."""

import json

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from scores.app import cache
from scores.app.ranking_tabs import said


@pytest.fixture(autouse=True)
def fresh_session():
    """These tests call the module outside a script run, on one shared session state."""
    st.session_state.clear()
    yield
    st.session_state.clear()


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


def tab_script(index_code, year, drawer, previous, lang):
    """One tab of the Rankings page drawn on the year's headline table, as the page builds it
    (every unit shown, Hà Nội the focus among the provinces)."""
    import streamlit as st

    from scores.app import cache, ranking_tabs, state
    from scores.i18n import in_lang

    st.session_state["lang"] = lang
    available = cache.load("indicators_by_year", index_code=index_code)
    of_year = available[available["year"] == year]
    indicator = of_year.loc[of_year["headline"], "indicator"].iloc[0]
    frame = cache.load("scores_by_province", index_code=index_code, year=year, indicator=indicator)
    frame = frame.assign(name=in_lang(frame, "name", lang))
    unit_set = str(cache.load("unit_set_by_index", index_code=index_code).iloc[0, 0])
    code = "01" if unit_set == "province" else None
    sources = list(frame["source"].dropna().unique())
    view = ranking_tabs.RankingView(
        index_code, year, indicator, unit_set, frame, frame, code, "t", "t", sources,
        previous, of_year, state.scope_index_names()
    )  # fmt: skip
    getattr(ranking_tabs, drawer)(view)


def draw(drawer, index_code, year, previous=(), lang="vi") -> AppTest:
    app = AppTest.from_function(
        tab_script, args=(index_code, year, drawer, list(previous), lang), default_timeout=30
    )
    app.run()
    assert not app.exception
    return app


def figures(app) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


def test_the_table_gives_each_province_its_rank_then_and_now(built):
    app = draw("tabled", "PCI", 2016, [2015, 2014])
    table = app.dataframe[0].value
    assert table.columns.tolist() == [
        "Hạng", "Tỉnh, thành phố", "Điểm", "Hạng 2015", "Thay đổi", "Nguồn thứ hạng"
    ]  # fmt: skip
    assert len(table) == 63 and not app.info  # no method change, the same 63 provinces
    hanoi = table[table["Tỉnh, thành phố"] == "Hà Nội"].iloc[0].tolist()
    # PCI as published: Hà Nội 24th in 2015, 14th in 2016 with 60.74.
    assert hanoi == ["14", "Hà Nội", "60,74", "24", "▲ 10", "theo công bố"]
    assert len(app.get("download_button")) == 2


def test_the_table_says_a_method_change_before_comparing(built):
    app = draw("tabled", "PCI", 2013, [2012])
    assert [i.value for i in app.info] == [
        "Phương pháp thay đổi năm 2013: Thêm Cạnh tranh bình đẳng; trọng số mới (minh bạch, hỗ "
        "trợ doanh nghiệp và đào tạo lao động mỗi chỉ số 20%). So sánh với năm trước cần thận "
        "trọng."
    ]


def test_across_a_boundary_change_no_province_is_said_to_move_up_or_down(built):
    # Hà Tây joined Hà Nội in August 2008: PCI ranked 64 provinces in 2008, 63 in 2009.
    app = draw("tabled", "PCI", 2009, [2008])
    boundary, method = (i.value for i in app.info)
    assert boundary.startswith("Thứ hạng 2008 xếp trên 64 tỉnh, thành phố")
    assert method.startswith("Phương pháp thay đổi năm 2009: ")
    table = app.dataframe[0].value
    assert set(table["Thay đổi"]) == {"–"}
    assert table.loc[table["Tỉnh, thành phố"] == "Hà Nội", "Hạng 2008"].iloc[0] != "–"


def test_without_published_ranks_the_table_shows_dashes(built):
    table = draw("tabled", "PAPI", 2014, [2013]).dataframe[0].value
    assert len(table) == 61 and set(table["Hạng"]) == {"–"} and set(table["Thay đổi"]) == {"–"}


def test_the_bars_are_drawn_for_a_phone_and_a_wide_screen_with_the_focus(built):
    phone, wide = figures(draw("ranking", "PCI", 2016))
    assert len(wide["data"][0]["y"]) == 63
    assert [y.strip("\u00a0") for y in phone["data"][0]["y"]][:4] == [
        "1. Đà Nẵng", "2. Quảng Ninh", "3. Đồng Tháp", "4. Bình Dương"
    ]  # fmt: skip
    assert "14. Hà Nội" in phone["data"][0]["y"]
    assert len(phone["data"][0]["y"]) < 63  # the top 10 and Hà Nội among its neighbours


def test_a_city_table_with_one_unit_valued_draws_no_bars_and_says_why(built):
    app = draw("ranking", "HNPAR_DEPT", 2024)
    assert not app.get("plotly_chart")
    assert app.info[0].value == (
        "Không đủ số liệu để so sánh: cần điểm số của ít nhất hai sở, ban, ngành."
    )


def test_the_scatter_pairs_the_index_with_the_richest_other_that_year(built):
    app = draw("scattered", "PCI", 2016)
    against = app.selectbox(key="against")
    assert against.value == "PAPI"  # 63 provinces in 2016; PAR INDEX and SIPAS far fewer
    [scatter] = figures(app)
    assert len(scatter["data"][0]["customdata"]) == 63
    assert app.caption[-1].value == "63 tỉnh, thành phố có số liệu cả hai bộ chỉ số."
    assert "PCI và PAPI năm 2016" in scatter["layout"]["title"]["text"]


def test_the_scatter_says_when_the_other_index_has_too_few_or_no_year(built):
    app = draw("scattered", "PCI", 2016)
    app.selectbox(key="against").set_value("PAR").run()
    assert not app.get("plotly_chart")
    assert app.info[0].value.startswith("Không đủ số liệu để so sánh: chỉ ")
    app.selectbox(key="against").set_value("SIPAS").run()
    assert [i.value for i in app.info] == ["SIPAS chưa có số liệu năm 2016."]

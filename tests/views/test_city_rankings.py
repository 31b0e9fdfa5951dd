"""The city's scope: the sidebar's choice in the link, the Rankings page on the city's own units
(the seed's 2022 departments as printed, the partial-year mark, no map, no "up N places" across
the 2025 change), and the pages made for the provinces saying so instead of showing them."""

import pytest
from conftest import open_view

from tests.export.test_city_slides import with_2025_wards  # noqa: F401  (a fixture)

DEPARTMENTS_2022 = [  # the seed as printed (tinbong247news.net, 23/3/2023), best first
    ("1", "Sở Lao động - Thương binh và Xã hội", "91,68"),
    ("2", "Sở Nội vụ", "91,59"),
    ("3", "Sở Tài chính", "90,57"),
    ("–", "Sở Tư pháp", "90,42"),
    ("–", "Sở Công Thương", "89,66"),
]


def param(app, key: str) -> str:
    """A query parameter of the app's link as the script left it (AppTest keeps a list)."""
    value = app.query_params[key]
    return value[-1] if isinstance(value, list) else value


def test_the_city_scope_lists_the_city_indices_and_the_national_scope_the_four(app):
    open_view(app, "rankings", scope="city")
    assert app.radio(key="scope").value == "city"
    assert app.selectbox(key="index").options == [
        "Chỉ số CCHC sở, ban, ngành",
        "Chỉ số CCHC quận, huyện, thị xã",
    ]
    assert param(app, "scope") == "city"
    app.radio(key="scope").set_value("national").run()
    assert not app.exception
    assert app.selectbox(key="index").options == ["PAR INDEX", "SIPAS", "PAPI", "PCI"]
    assert param(app, "scope") == "national"


def test_an_unknown_scope_in_the_link_falls_back_to_the_country(app):
    open_view(app, "rankings", scope="moon")
    assert app.radio(key="scope").value == "national"
    assert app.selectbox(key="index").value == "PAR"


def test_the_seed_2022_departments_are_ranked_as_printed_with_their_partial_mark(app):
    open_view(app, "rankings", scope="city", index="HNPAR_DEPT", year="2022", tab="Bảng số liệu")
    assert app.title[0].value.startswith("Chỉ số CCHC sở, ban, ngành 2022")
    # The gap is the database's (the department published every unit's result), said so.
    assert app.warning[0].value.startswith(
        "Hệ thống mới có số liệu của 21/22 sở, ban, ngành năm 2022. Sở Nội vụ đã công bố"
    )
    table = app.dataframe[0].value
    assert "Đơn vị" in table.columns and "Tỉnh, thành phố" not in table.columns
    assert len(table) == 21
    shown = list(zip(table["Hạng"], table["Đơn vị"], table["Điểm"], strict=True))[:5]
    assert shown == DEPARTMENTS_2022
    assert (table["Nguồn thứ hạng"].iloc[:3] == "theo công bố").all()


def test_the_city_bars_name_their_source_and_the_city_units(app):
    open_view(app, "rankings", scope="city", index="HNPAR_DEPT", year="2022")
    assert len(app.get("plotly_chart")) == 2  # a phone's and a wide screen's
    captions = " ".join(c.value for c in app.caption)
    assert "tinbong247news" in captions
    assert "Xếp hạng trong 22 sở, ban, ngành của Thành phố năm đó." in captions
    assert "tỉnh" not in captions


def test_the_city_rankings_offer_no_map_and_an_old_map_link_opens_the_bars(app):
    open_view(app, "rankings", scope="city", lang="en", index="HNPAR_DEPT", tab="Map")
    assert [tab.label for tab in app.tabs] == ["Ranking", "Table"]
    assert app.selectbox(key="year").value == 2023  # the latest year with two units valued
    assert app.radio(key="peers").options == ["All", "Top 5", "Custom"]


@pytest.mark.usefixtures("with_2025_wards")
def test_no_up_n_places_across_the_2025_change_of_the_local_units(app):
    open_view(app, "rankings", scope="city", index="HNPAR_LOCAL", year="2025", tab="Bảng số liệu")
    table = app.dataframe[0].value
    assert list(table["Đơn vị"]) == ["Phường Thử Một", "Phường Thử Hai"]
    assert list(table["Hạng 2024"]) == ["–", "–"] and list(table["Thay đổi"]) == ["–", "–"]
    said = " ".join(i.value for i in app.info)
    assert "Thứ hạng 2024 xếp trên 30 quận, huyện, thị xã, thứ hạng 2025 trên 2" in said
    assert "không tính tăng, giảm bậc" in said


@pytest.mark.parametrize(
    ("view", "page"),
    [
        ("overview", "Tổng quan"),
        ("components", "Chỉ số thành phần"),
        ("targets", "Mục tiêu"),
        ("compare", "So sánh"),
    ],
)
def test_a_page_made_for_the_provinces_says_so_in_the_city_scope(app, view, page):
    open_view(app, view, scope="city", index="HNPAR_DEPT")
    assert app.title[0].value == page
    assert app.info[0].value.startswith(f"Trang “{page}” chưa có cho các đơn vị của Thành phố.")
    assert not app.get("plotly_chart") and not app.metric and not app.dataframe

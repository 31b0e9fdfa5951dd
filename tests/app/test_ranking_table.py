"""scores/app/ranking_table.py: the table tab drawn on published tables under
AppTest.from_function: each unit's rank then and now, what does not compare said first (a method
change, the 2008 boundary change), dashes where no rank was published."""

import pytest

from tests.app.conftest import draw

pytestmark = pytest.mark.usefixtures("fresh_session")


def test_the_table_gives_each_province_its_rank_then_and_now(built):
    app = draw("ranking_table.tabled", "PCI", 2016, [2015, 2014])
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
    app = draw("ranking_table.tabled", "PCI", 2013, [2012])
    assert [i.value for i in app.info] == [
        "Phương pháp thay đổi năm 2013: Thêm Cạnh tranh bình đẳng; trọng số mới (minh bạch, hỗ "
        "trợ doanh nghiệp và đào tạo lao động mỗi chỉ số 20%). So sánh với năm trước cần thận "
        "trọng."
    ]


def test_across_a_boundary_change_no_province_is_said_to_move_up_or_down(built):
    # Hà Tây joined Hà Nội in August 2008: PCI ranked 64 provinces in 2008, 63 in 2009.
    app = draw("ranking_table.tabled", "PCI", 2009, [2008])
    boundary, method = (i.value for i in app.info)
    assert boundary.startswith("Thứ hạng 2008 xếp trên 64 tỉnh, thành phố")
    assert method.startswith("Phương pháp thay đổi năm 2009: ")
    table = app.dataframe[0].value
    assert set(table["Thay đổi"]) == {"–"}
    assert table.loc[table["Tỉnh, thành phố"] == "Hà Nội", "Hạng 2008"].iloc[0] != "–"


def test_without_published_ranks_the_table_shows_dashes(built):
    table = draw("ranking_table.tabled", "PAPI", 2014, [2013]).dataframe[0].value
    assert len(table) == 61 and set(table["Hạng"]) == {"–"} and set(table["Thay đổi"]) == {"–"}

"""Units across the 2025 reorganisation: a 2025 release takes nothing away from a leader."""

import pytest
import streamlit as st
from conftest import ROOT
from streamlit.testing.v1 import AppTest

from scores import db
from scores.store import releases as store
from scores.store.imports import import_file

APP = str(ROOT / "dashboard.py")
SOURCE = store.Source("Bộ Nội vụ", "test", "2026-05-01", imported_by="tester")


@pytest.fixture
def with_2025(db_file, tmp_path):
    """The real database plus a partial PAR INDEX 2025 table on the 34 units."""
    table = tmp_path / "par_2025.csv"
    table.write_text(
        "Tỉnh/thành phố,PAR INDEX,Xếp hạng\nHà Nội,93.10,2\nBắc Ninh,90.00,6\n", encoding="utf-8"
    )
    con = db.connect(db_file)
    import_file(con, table, "PAR", 2025, SOURCE)
    con.close()
    return db_file


def run(page: str = "views/overview.py", **params: str) -> AppTest:
    st.cache_data.clear()
    st.cache_resource.clear()
    app = AppTest.from_file(APP, default_timeout=60)
    for name, value in params.items():
        app.query_params[name] = value
    app.switch_page(page).run()
    assert not app.exception
    return app


def test_hanoi_keeps_its_history_once_2025_is_imported(with_2025):
    app = run()
    assert app.title[0].value == "Tổng quan: Hà Nội"
    assert [m.value for m in app.metric] == ["93,10%", "86,50%", "43,77", "68,38"]
    assert [m.label for m in app.metric] == ["Điểm năm 2025"] + ["Điểm năm 2024"] * 3
    text = " ".join(m.value for m in app.markdown)
    # 2nd of 34 in 2025 against 3rd of 63 in 2024: said with its caveat, never "up 1 place".
    assert "Năm 2024: thứ 3/63, trước khi sắp xếp" in text
    assert "Tăng 1 bậc" not in text


def papi_2024(db_file, code: str) -> str:
    """A unit's published PAPI 2024 total as the Overview prints it."""
    con = db.connect(db_file)
    value = con.execute(
        "SELECT s.value FROM scores s JOIN releases r USING (release_id) JOIN indicators i"
        " ON i.index_code = r.index_code AND i.indicator = s.indicator AND i.headline"
        " AND r.year BETWEEN coalesce(i.first_year, 0) AND coalesce(i.last_year, 9999)"
        " WHERE r.status = 'current' AND r.index_code = 'PAPI' AND r.year = 2024"
        " AND s.province_code = $code",
        {"code": code},
    ).fetchone()[0]
    con.close()
    return f"{value:.2f}".replace(".", ",")


def test_a_merged_unit_shows_its_main_predecessor_and_names_the_other(with_2025):
    bac_ninh, bac_giang = papi_2024(with_2025, "27"), papi_2024(with_2025, "24")
    assert bac_ninh != bac_giang
    app = run(province="24")
    assert app.title[0].value == "Tổng quan: Bắc Ninh"
    captions = " ".join(c.value for c in app.caption)
    assert "Số liệu 2024 và trước là của Bắc Ninh cũ" in captions
    assert "Bắc Giang (2004–2024)" in captions
    assert app.metric[0].value == "90,00%"  # the 2025 unit's own figure
    shown = [m.value for m in app.metric]
    # Code 24 meant Bắc Giang until 2024: its figure must not appear as Bắc Ninh's.
    assert bac_ninh in shown and bac_giang not in shown


def test_an_ended_unit_is_still_offered(with_2025):
    app = run(province="06-2004")
    assert app.title[0].value == "Tổng quan: Bắc Kạn"
    options = app.selectbox(key="province").options
    assert "Trước 1/7/2025 · Bắc Kạn (2004–2024)" in options
    assert options.index("Hà Nội") < options.index("Trước 1/7/2025 · Bắc Kạn (2004–2024)")


def test_rankings_2025_set_each_unit_against_its_former_rank(with_2025):
    app = run("views/rankings.py", index="PAR", year="2025", tab="Bảng số liệu")
    table = app.dataframe[0].value
    hanoi = table[table["Tỉnh, thành phố"] == "Hà Nội"].iloc[0]
    assert (hanoi["Hạng"], hanoi["Hạng 2024"], hanoi["Thay đổi"]) == ("2", "3", "–")
    assert "trước sắp xếp đơn vị hành chính" in " ".join(i.value for i in app.info)


@pytest.mark.parametrize("province", ["01", "24", "79", "06-2004"])
@pytest.mark.parametrize(
    ("page", "charts"),
    [("views/rankings.py", 1), ("views/targets.py", 1), ("views/components.py", 1)],
)
def test_every_page_opens_on_a_chart_for_any_province(with_2025, province, page, charts):
    app = run(page, province=province)
    assert len(app.get("plotly_chart")) >= charts, (page, province)


def test_an_old_link_to_an_ended_unit_still_opens_it(with_2025):
    app = run(province="06")  # a link made before the lineage: Bắc Kạn had code 06
    assert app.title[0].value == "Tổng quan: Bắc Kạn"

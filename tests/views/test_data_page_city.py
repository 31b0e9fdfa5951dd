"""The Data page takes a table of the city's own index: the index offered, the names matched, the
one change shown in the diff, through the same import service."""

import pytest
import streamlit as st
from conftest import ROOT
from streamlit.testing.v1 import AppTest

APP = str(ROOT / "dashboard.py")
# Three departments of the 2022 list in the spellings of a city document; Sở Y tế's 81.01 of
# the seed is typed 81.50 here.
TABLE = "STT,Tên đơn vị,Chỉ số CCHC\n1,Sở LĐ-TB&XH,91.68\n2,VP UBND TP,88.86\n3,Sở Y tế,81.50\n"


@pytest.fixture
def app(db_file, monkeypatch):
    monkeypatch.setenv("SCORES_ADMIN_PASSWORD", "s3cret-passphrase")
    st.cache_data.clear()
    st.cache_resource.clear()
    test = AppTest.from_file(APP, default_timeout=60)
    test.switch_page("views/data.py").run()
    test.text_input(key="admin_login_password").input("s3cret-passphrase")
    test.button[0].click().run()
    assert not test.exception
    yield test
    st.cache_resource.clear()


def test_the_city_indices_are_offered_after_the_national_ones(app):
    options = app.selectbox(key="upload_index").options
    assert options[:4] == ["PAR INDEX", "SIPAS", "PAPI", "PCI"]
    assert options[4:] == ["Chỉ số CCHC sở, ban, ngành", "Chỉ số CCHC quận, huyện, thị xã"]


def test_a_department_table_is_previewed_with_its_one_change(app):
    app.selectbox(key="upload_index").set_value("HNPAR_DEPT")
    app.number_input(key="upload_year").set_value(2022)
    app.file_uploader[0].upload("so_2022.csv", TABLE.encode("utf-8"), "text/csv").run()
    assert not app.exception and not app.error
    texts = " ".join(m.value for m in app.markdown)
    assert "0 giá trị mới, 1 giá trị thay đổi" in texts
    shown = next(d.value for d in app.dataframe if "Giá trị cũ" in d.value.columns)
    changed = shown[shown["Thay đổi"] == "thay đổi"]
    assert changed.iloc[:, 0].tolist() == ["Sở Y tế"]  # the unit's official name, not its code
    assert shown.columns[0] == "Đơn vị" and "3 đơn vị; dữ liệu một phần" in texts
    # 3 of the 21 departments held: the others would leave the view, so it is said first.
    assert "Ban Dân tộc" in app.warning[0].value and "21 đơn vị" in app.warning[0].value

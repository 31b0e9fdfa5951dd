"""scores/app/understood.py: what the Data page says it understood of a real release, in the
words of its units (the city's departments, or provinces), and counts in the language's format."""

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.app.conftest import read

pytestmark = pytest.mark.usefixtures("fresh_session")


@pytest.fixture(scope="module")
def departments(built_db, tables) -> AppTest:
    """The 2022 departments' table read once, for the tests that only look at what was said."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SCORES_DB", str(built_db))
        st.cache_data.clear()
        st.cache_resource.clear()
        return read(tables["departments"], "HNPAR_DEPT", 2022)


def test_a_city_table_is_understood_in_the_words_of_its_units(departments, built, tables):
    counts = departments.markdown[1].value
    assert counts == "21 giá trị, 0 ô trống, 21 đơn vị; dữ liệu một phần."
    meanings = departments.dataframe[0].value
    assert meanings.iloc[1].tolist() == ["Tỉnh/thành phố", "Tên đơn vị"]
    national = read(tables["sipas"], "SIPAS", 2024).markdown[1].value
    assert national == "3 giá trị, 0 ô trống, 3 tỉnh, thành phố; dữ liệu một phần."


def test_a_city_tables_layout_is_said_in_units_not_provinces(departments, built, tables):
    assert "ngang (mỗi dòng một đơn vị)" in departments.markdown[0].value
    assert "tỉnh" not in departments.markdown[0].value
    national = read(tables["sipas"], "SIPAS", 2024).markdown[0].value
    assert "ngang (mỗi dòng một tỉnh)" in national


@pytest.mark.parametrize(("lang", "shown"), [("vi", "."), ("en", ",")])
def test_a_count_is_written_with_the_languages_thousands_mark(tables, lang, shown):
    from scores.app import understood

    st.session_state["lang"] = lang
    count = tables["count"]
    assert understood.whole(count) == f"{count // 1000}{shown}{count % 1000:03d}"

"""scores/app/ranking_tabs.py: each unit set's sentences in its own words (the tabs themselves
are drawn through the Rankings page: tests/views/test_city_rankings.py, test_pages.py)."""

import pytest
import streamlit as st

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

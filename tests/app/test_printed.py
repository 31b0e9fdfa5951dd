"""scores/app/printed.py: the table chosen on a page printing several, and the values typed for
the cells OCR was unsure of, read from the page's session state (no file is read or OCR'd)."""

import pytest
import streamlit as st

from scores.app import printed


@pytest.fixture(autouse=True)
def fresh_session():
    """These tests call the module outside a script run, on one shared session state."""
    st.session_state.clear()
    yield
    st.session_state.clear()


def test_the_first_table_is_read_until_another_is_chosen():
    assert printed.table() == 1
    st.session_state[printed.TABLE] = 2
    assert printed.table() == 2


def test_a_typed_value_is_a_correction_of_its_cell_and_an_empty_box_is_none():
    # Hà Nội's PCI 2016 total as VCCI prints it, typed for row 14, column 12.
    st.session_state["fix::14::12"] = "60,74"
    st.session_state["fix::15::12"] = ""  # a box drawn, nothing typed yet
    st.session_state["map::Điểm"] = "pci_total_weighted"  # another kind of answer
    assert printed.corrections() == {(14, 12): "60,74"}

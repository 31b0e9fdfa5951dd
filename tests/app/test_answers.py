"""The Data page's answers in session state: one key shape, written and parsed in one place."""

import pytest
from streamlit.testing.v1 import AppTest

from scores.app.answers import cell, key


def test_a_key_joins_its_kind_and_parts_and_a_cells_key_parses_back():
    assert key("fix", 14, 12) == "fix::14::12"
    assert cell(key("fix", 14, 12).removeprefix("fix::")) == (14, 12)


def test_a_cell_key_without_both_positions_is_an_error_not_a_guess():
    with pytest.raises(ValueError):
        cell("14")


def script() -> None:
    import streamlit as st

    from scores.app.answers import answers, key

    st.session_state[key("map", "Điểm PCI")] = "pci_total_weighted"
    st.session_state[key("map", "Cột lạ")] = ""
    st.session_state[key("name", "TP HN")] = "01"
    st.session_state["mapping"] = "not an answer"
    st.write(repr(sorted(answers("map").items())))  # session state keeps no order


def test_the_answers_of_a_kind_are_every_key_of_that_kind_unanswered_ones_included():
    app = AppTest.from_function(script).run()
    assert not app.exception
    assert app.markdown[0].value == repr([("Cột lạ", ""), ("Điểm PCI", "pci_total_weighted")])

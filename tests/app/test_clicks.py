"""A click on a province in a chart makes it the focus: the code read from the selection, and
the unit a leader follows (today's, when the clicked one is on its main line)."""

import pytest
from streamlit.testing.v1 import AppTest


def script(selection: object, year: int) -> None:
    import streamlit as st

    from scores.app.clicks import clicked_code, focus_on_click

    st.session_state["chart"] = selection
    st.session_state["province"] = "01"
    st.write(repr(clicked_code("chart")))
    focus_on_click("chart", year)()
    st.write(st.session_state["province"])


def run(selection: object, year: int = 2016) -> list[str]:
    app = AppTest.from_function(script, args=(selection, year)).run()
    assert not app.exception
    return [m.value for m in app.markdown]


def points(*codes: object) -> dict:
    return {"selection": {"points": [{"customdata": code} for code in codes]}}


@pytest.mark.parametrize(
    ("selection", "clicked", "focus"),
    [
        (points(["27"]), "'27'", "24"),  # Bắc Ninh of 2016: followed as today's Bắc Ninh
        (points("24"), "'24'", "24-2004"),  # Bắc Giang of 2016: not Bắc Ninh's main line
        (points(["01"], ["79"]), "'79'", "79"),  # the last point selected wins
        ({"selection": {"points": []}}, "None", "01"),  # nothing selected: the focus stays
        (None, "None", "01"),
    ],
)
def test_the_clicked_unit_becomes_the_focus_leaders_follow(built, selection, clicked, focus):
    assert run(selection) == [clicked, focus]

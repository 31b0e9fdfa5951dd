"""The Data page's coverage and calendar: release months in the chosen language, and the
calendar and coverage rows read from the built database."""

import csv

import pytest
from streamlit.testing.v1 import AppTest

from scores.app.coverage import GLYPH
from scores.config import DATA_DIR


def script(lang: str) -> None:
    from datetime import date

    import streamlit as st

    from scores.app.coverage import months, tables

    st.session_state["lang"] = lang
    st.write(f"{months(3, 5)} | {months(11, 11)}")
    calendar, rows = tables(date(2026, 12, 3))
    st.write(repr(sorted(calendar["index_code"])))
    st.write(repr(sorted(set(rows["status"]))))


@pytest.mark.parametrize(
    ("lang", "said"), [("vi", "tháng 3–5 | tháng 11"), ("en", "March–May | November")]
)
def test_release_months_are_said_in_the_chosen_language(built, lang, said):
    app = AppTest.from_function(script, args=(lang,), default_timeout=30).run()
    assert not app.exception
    assert app.markdown[0].value == said


def test_the_calendar_has_a_row_per_index_of_the_file_and_coverage_its_statuses(built):
    with (DATA_DIR / "release_calendar.csv").open(encoding="utf-8") as file:
        listed = sorted(row["index_code"] for row in csv.DictReader(file))
    app = AppTest.from_function(script, args=("vi",), default_timeout=30).run()
    assert app.markdown[1].value == repr(listed)
    # The seed's years meet all three statuses, and each has its glyph on the page.
    assert app.markdown[2].value == repr(sorted(GLYPH))

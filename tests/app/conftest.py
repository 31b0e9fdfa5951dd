"""What the tests of the Data page's upload flow share: real releases as publishers print them,
read through the page's own calls in a script run."""

import pytest
import streamlit as st
from conftest import publisher_table
from streamlit.testing.v1 import AppTest

from scores import db


@pytest.fixture(scope="module")
def tables(built_db) -> dict[str, str]:
    """Real releases as publishers print them (SIPAS 2024, the 2022 departments) and the
    values stored for them, read before any app run opens the file."""
    with db.connect(built_db, read_only=True) as con:
        sipas = publisher_table(con, "SIPAS", 2024)
        departments = publisher_table(con, "HNPAR_DEPT", 2022)
        stored = dict(
            con.execute(
                "SELECT s.province_code, s.value FROM scores s JOIN releases r USING (release_id)"
                " WHERE r.index_code = 'SIPAS' AND r.year = 2024 AND r.status = 'current'"
                " AND s.indicator = 'sipas_total'"
            ).fetchall()
        )
        count = con.execute("SELECT count(*) FROM scores").fetchone()[0]
    return {
        "sipas": sipas.to_csv(index=False),
        "departments": departments.to_csv(index=False),
        "stored": stored,
        "count": count,
    }


def read_script(text: str, index_code: str, year: int, given: dict, lang: str) -> None:
    import streamlit as st

    from scores.app import state, understood, upload

    st.session_state["lang"] = lang
    for name, value in given.items():
        st.session_state.setdefault(name, value)
    prepared = upload.read(text.encode("utf-8"), "table.csv", index_code, year)
    labels = state.indicator_labels(index_code)
    understood.show(prepared, labels)
    upload.mapping_controls(prepared, labels)
    upload.province_controls(prepared)
    upload.problems_box(prepared)
    values = prepared.parsed.values
    headline = values[values["value"].notna()].set_index("province_code")["value"]
    st.session_state["read"] = headline.to_dict()


def read(text: str, index_code: str, year: int, given: dict | None = None, lang="vi"):
    args = (text, index_code, year, given or {}, lang)
    app = AppTest.from_function(read_script, args=args, default_timeout=30).run()
    assert not app.exception
    return app


@pytest.fixture
def fresh_session():
    """The tests that call the module outside a script run share one session state: cleared."""
    yield
    st.session_state.clear()

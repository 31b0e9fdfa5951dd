"""What tests of the page's modules share: real releases as publishers print them, read through
the Data page's own calls in a script run; a Rankings tab drawn on a year's published table;
the sign-in's gate as the Data page calls it."""

import json

import duckdb
import pytest
import streamlit as st
from conftest import publisher_table
from streamlit.testing.v1 import AppTest

from scores import db

PASSWORD = "s3cret-passphrase"


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
    """The tests that call a module outside a script run share one session state: cleared."""
    st.session_state.clear()
    yield
    st.session_state.clear()


def tab_script(index_code, year, drawer, previous, lang):
    """One tab of the Rankings page drawn on the year's headline table, as the page builds it
    (every unit shown, Hà Nội the focus among the provinces)."""
    import importlib

    import streamlit as st

    from scores.app import cache, ranking_tabs, state
    from scores.i18n import in_lang

    st.session_state["lang"] = lang
    available = cache.load("indicators_by_year", index_code=index_code)
    of_year = available[available["year"] == year]
    indicator = of_year.loc[of_year["headline"], "indicator"].iloc[0]
    frame = cache.load("scores_by_province", index_code=index_code, year=year, indicator=indicator)
    frame = frame.assign(name=in_lang(frame, "name", lang))
    unit_set = str(cache.load("unit_set_by_index", index_code=index_code).iloc[0, 0])
    code = "01" if unit_set == "province" else None
    sources = list(frame["source"].dropna().unique())
    view = ranking_tabs.RankingView(
        index_code, year, indicator, unit_set, frame, frame, code, "t", "t", sources,
        previous, of_year, state.scope_index_names()
    )  # fmt: skip
    module, function = drawer.split(".")
    getattr(importlib.import_module(f"scores.app.{module}"), function)(view)


def draw(drawer, index_code, year, previous=(), lang="vi") -> AppTest:
    """The tab drawn by drawer ('ranking_tabs.ranking', 'ranking_table.tabled') in a script run."""
    app = AppTest.from_function(
        tab_script, args=(index_code, year, drawer, list(previous), lang), default_timeout=30
    )
    app.run()
    assert not app.exception
    return app


def figures(app) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]


def gate_script(needed, lang):
    """What the Data page does: the gate, and who is signed in when it lets them through."""
    import streamlit as st

    from scores.app import access

    st.session_state["lang"] = lang
    allowed = access.gate(needed)
    if allowed:
        access.status("upload")
    person = access.actor()
    st.session_state["allowed"] = allowed
    st.session_state["actor"] = (person.name, person.role, person.issuer, person.subject)


def gate_page(needed: str = "editor", lang: str = "vi") -> AppTest:
    """A fresh session in this process (the back-off, a cached resource, is kept)."""
    app = AppTest.from_function(gate_script, args=(needed, lang), default_timeout=30)
    app.run()
    assert not app.exception
    return app


@pytest.fixture
def fresh(db_file, monkeypatch):
    """A writable database for the audit lines, no secrets, and no back-off left over."""
    monkeypatch.delenv("SCORES_ADMIN_PASSWORD", raising=False)
    st.cache_resource.clear()
    yield db_file
    st.cache_resource.clear()


def audit(db_file, action: str) -> list[tuple]:
    with duckdb.connect(str(db_file), read_only=True) as con:
        return con.execute(
            "SELECT who, role, after FROM audit_log WHERE action = $a ORDER BY changed_at",
            {"a": action},
        ).fetchall()


def sign_in(app: AppTest, given: str) -> str:
    app.text_input(key="admin_login_password").input(given)
    app.button[0].click().run()
    assert not app.exception
    return " ".join(e.value for e in app.error)

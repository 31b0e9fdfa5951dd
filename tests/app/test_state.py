"""scores/app/state.py: the language, the focus province and the picks that live in the URL
(tests/app mirrors scores/app module by module, each driven by a small script under AppTest)."""

import pytest
from streamlit.testing.v1 import AppTest


def lang_script():
    import streamlit as st

    from scores.app import state

    st.write(state.lang())


def focus_script():
    import streamlit as st

    from scores.app import state
    from scores.catalog import unit_key

    unit = state.focus_unit()
    st.write(f"{unit_key(unit)} {state.unit_name(unit)}")


def pick_script():
    import streamlit as st

    from scores.app import state

    if st.session_state.get("draw", True):
        st.write(state.pick("Index", ["PAR", "PCI", "PAPI"], key="index", default="PCI"))


def run(script, **params: str) -> AppTest:
    app = AppTest.from_function(script, default_timeout=30)
    for name, value in params.items():
        app.query_params[name] = value
    app.run()
    assert not app.exception
    return app


@pytest.mark.parametrize(
    ("asked", "chosen"), [({"lang": "en"}, "en"), ({"lang": "fr"}, "vi"), ({}, "vi")]
)
def test_the_language_comes_from_the_link_and_an_unknown_one_is_vietnamese(asked, chosen):
    assert run(lang_script, **asked).markdown[0].value == chosen


@pytest.mark.parametrize(
    ("asked", "shown"),
    [
        ({}, "01 Hà Nội"),
        ({"province": "24"}, "24 Bắc Ninh"),  # the unit of today
        ({"province": "24-2004"}, "24-2004 Bắc Giang"),  # the ended unit that held 24
        ({"province": "27"}, "27-2004 Bắc Ninh"),  # a link from before the lineage: 27 ended
        ({"province": "zz"}, "01 Hà Nội"),
    ],
)
def test_the_focus_province_comes_from_the_link_else_ha_noi(built, asked, shown):
    assert run(focus_script, **asked).markdown[0].value == shown


def test_a_pick_lives_in_the_url_and_outlives_a_page_that_does_not_draw_it(built):
    app = run(pick_script)
    assert app.markdown[0].value == "PCI" and app.query_params["index"] == "PCI"
    app.selectbox(key="index").set_value("PAPI").run()
    assert app.markdown[0].value == "PAPI" and app.query_params["index"] == "PAPI"
    app.session_state["draw"] = False  # another page: Streamlit drops the widget's own state
    app.run()
    del app.query_params["index"]  # and a link without the pick
    app.session_state["draw"] = True
    app.run()
    assert app.markdown[0].value == "PAPI"  # kept outside the widget, not the default PCI

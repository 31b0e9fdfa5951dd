"""scores/app/target_editor.py: the administrator's form saves a sound target and shows every
reason a broken one is refused, worded by i18n.describe, storing nothing."""

import duckdb
import pytest
import streamlit as st

pytestmark = pytest.mark.slow  # runs the whole Targets page under AppTest


def signed_in(app, monkeypatch):
    monkeypatch.setenv("SCORES_ADMIN_PASSWORD", "s3cret-passphrase")
    app.switch_page("views/targets.py").run()
    app.text_input(key="admin_login_password").input("s3cret-passphrase")
    app.button[0].click().run()
    assert not app.exception
    app.selectbox(key="target_choice").set_value(2).run()  # SIPAS: at least 85 %
    return app


def targets(db_file) -> list[tuple]:
    st.cache_resource.clear()
    with duckdb.connect(str(db_file), read_only=True) as con:
        return con.execute("SELECT * FROM targets ORDER BY target_id").fetchall()


def test_a_target_above_the_indicators_maximum_is_refused_in_words(app, monkeypatch, db_file):
    before = targets(db_file)
    signed_in(app, monkeypatch)
    app.number_input[0].set_value(101.0)
    app.button[-1].click().run()
    assert not app.exception
    assert [e.value for e in app.error] == [
        "Giá trị “101”: Ngưỡng điểm phải lớn hơn 0 và không vượt điểm tối đa của chỉ số."
    ]
    assert targets(db_file) == before

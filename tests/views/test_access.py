"""The password fallback's guards (minimum length, back-off, failures logged) and the change
history a leader reads on the Data page, in both languages."""

import duckdb
import pytest
import streamlit as st
from conftest import ROOT
from streamlit.testing.v1 import AppTest

from scores import db
from scores.app import access
from scores.roles import Actor
from scores.store import releases as store
from scores.store.imports import import_file

APP = str(ROOT / "dashboard.py")
PASSWORD = "s3cret-passphrase"


def data_page(monkeypatch, password: str, lang: str = "vi") -> AppTest:
    monkeypatch.setenv("SCORES_ADMIN_PASSWORD", password)
    st.cache_data.clear()
    st.cache_resource.clear()
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params["lang"] = lang
    app.switch_page("views/data.py").run()
    assert not app.exception
    return app


def failures(db_file) -> int:
    st.cache_resource.clear()
    with duckdb.connect(str(db_file), read_only=True) as con:
        return con.execute(
            "SELECT count(*) FROM audit_log WHERE action = 'sign_in_failed'"
        ).fetchone()[0]


def test_a_too_short_password_keeps_sign_in_off_and_says_so(db_file, monkeypatch):
    app = data_page(monkeypatch, "short123")
    assert not [box for box in app.text_input if box.key == "admin_login_password"]
    assert "ít nhất 12 ký tự" in app.error[0].value
    assert app.file_uploader[0].disabled


def test_failures_are_slowed_down_and_logged(db_file, monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(access, "clock", lambda: now[0])
    app = data_page(monkeypatch, PASSWORD)

    def attempt(given: str) -> str:
        app.text_input(key="admin_login_password").input(given)
        app.button[0].click().run()
        return " ".join(e.value for e in app.error)

    assert "Mật khẩu không đúng" in attempt("guess-1")
    # At once, even the right password is not checked: guessing fast gains nothing.
    assert "chờ 2 giây" in attempt(PASSWORD)
    assert app.file_uploader[0].disabled
    now[0] += 3
    assert "chờ 4 giây" in attempt("guess-2")
    assert failures(db_file) == 2
    now[0] += 5
    attempt(PASSWORD)
    assert not app.file_uploader[0].disabled


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("vi", "Nguyễn Văn A đã khôi phục SIPAS 2024 về bản 1 (thay bản 2) lúc "),
        ("en", "Nguyễn Văn A restored SIPAS 2024 to version 1 (replacing version 2) at "),
    ],
)
def test_the_change_history_reads_as_sentences(db_file, monkeypatch, lang, expected):
    with db.connect(db_file) as con:
        data = "STT,Tỉnh/thành phố,Chỉ số SIPAS\n1,TP. Hà Nội,87.1\n".encode()
        path = db_file.parent / "sipas_2024.csv"
        path.write_bytes(data)
        import_file(con, path, "SIPAS", 2024, store.Source(imported_by="Trần Thị B"), partial=True)
        first = con.execute(
            "SELECT release_id FROM releases WHERE index_code = 'SIPAS' AND version = 1"
            " AND year = 2024"
        ).fetchone()[0]
        store.restore(con, first, Actor("Nguyễn Văn A", "admin"))
    app = data_page(monkeypatch, PASSWORD, lang)
    lines = [m.value.replace("\\", "") for m in app.markdown if "Nguyễn Văn A" in m.value]
    assert lines and expected in lines[0]
    assert "Trần Thị B" in lines[0]  # the import before it, with its own author
    assert app.get("download_button")  # the CSV and Excel files of the whole log

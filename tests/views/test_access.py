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


def fresh_data_page(lang: str = "vi") -> AppTest:
    """Another browser session on the Data page, in the same server process (caches kept)."""
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params["lang"] = lang
    app.switch_page("views/data.py").run()
    assert not app.exception
    return app


def sign_in(app: AppTest, given: str) -> str:
    app.text_input(key="admin_login_password").input(given)
    app.button[0].click().run()
    assert not app.exception
    return " ".join(e.value for e in app.error)


def test_a_guesser_elsewhere_never_keeps_the_administrator_out(db_file, monkeypatch):
    now, where = [1000.0], ["203.0.113.9"]
    monkeypatch.setattr(access, "clock", lambda: now[0])
    monkeypatch.setattr(access, "client", lambda: where[0], raising=False)
    guesser = data_page(monkeypatch, PASSWORD)  # clears the caches once, before both sessions
    for _ in range(3):  # one wrong guess every 300 s, the administrator a second later
        where[0] = "203.0.113.9"
        assert "Mật khẩu không đúng" in sign_in(guesser, "guess")
        now[0] += 1
        where[0] = "198.51.100.7"
        administrator = fresh_data_page()
        assert sign_in(administrator, PASSWORD) == ""
        assert not administrator.file_uploader[0].disabled
        now[0] += 299
    # The guesser's own address is slowed down: even the right password waits there.
    where[0] = "203.0.113.9"
    assert "Mật khẩu không đúng" in sign_in(guesser, "guess")
    assert "hãy chờ" in sign_in(guesser, PASSWORD)
    # ...for a bounded time after its last failure, not for ever.
    now[0] += 300
    assert sign_in(guesser, PASSWORD) == ""
    with duckdb.connect(str(db_file), read_only=True) as con:
        st.cache_resource.clear()
        logged = con.execute(
            "SELECT who, after FROM audit_log WHERE action = 'sign_in_failed'"
        ).fetchall()
    assert len(logged) == 4
    assert all(who == "203.0.113.9" and '"client": "203.0.113.9"' in a for who, a in logged)


ADMIN = "nguyenvana@hanoi.gov.vn"
ISSUER = "https://login.hanoi.gov.vn"


def oidc_page(monkeypatch, claims: dict, lang: str = "vi") -> AppTest:
    """The Data page signed in through the identity provider with these ID token claims."""
    monkeypatch.setattr(access, "_oidc", lambda: True)
    monkeypatch.setattr(access, "claims_of_user", lambda: {"is_logged_in": True, **claims})
    return data_page(monkeypatch, PASSWORD, lang)


@pytest.mark.parametrize(
    "claims",
    [
        {"sub": "u1", "email": ADMIN, "email_verified": False},
        {"sub": "u2", "email": ADMIN},  # email_verified missing
        {"sub": "u3", "preferred_username": ADMIN},
        {"sub": ADMIN},
        {"sub": "u5", "email": ADMIN, "email_verified": True, "roles": {"admin": False}},
    ],
    ids=["unverified", "verified-missing", "username-only", "sub-only", "dict-claim"],
)
def test_the_administrator_s_address_unverified_grants_nothing(db_file, monkeypatch, claims):
    config = {"admin": [ADMIN]}
    if "roles" in claims:  # a verified stranger whose role claim is a dict
        claims = {**claims, "email": "khach@example.com"}
        config["claim"] = "roles"
    monkeypatch.setattr(access, "role_config", lambda: config)
    app = oidc_page(monkeypatch, {"iss": ISSUER, **claims})
    assert app.file_uploader[0].disabled
    warned = " ".join(w.value for w in app.warning)
    if "roles" in claims:
        assert "không có trong danh sách" in warned
    else:
        assert "không gửi địa chỉ thư điện tử đã được xác minh" in warned
        assert app.button(key="admin_login_oidc_again").label == "Đăng nhập lại"
    st.cache_resource.clear()
    with duckdb.connect(str(db_file), read_only=True) as con:
        who, role, after = con.execute(
            "SELECT who, role, after FROM audit_log WHERE action = 'sign_in_refused'"
        ).fetchone()
    assert role == "viewer"
    assert f'"issuer": "{ISSUER}"' in after and f'"sub": "{claims["sub"]}"' in after


def test_an_expired_token_gets_a_sentence_and_a_fresh_sign_in(db_file, monkeypatch):
    claims = {"iss": ISSUER, "sub": "u1", "email": ADMIN, "email_verified": True, "exp": 1}
    monkeypatch.setattr(access, "role_config", lambda: {"admin": [ADMIN]})
    app = oidc_page(monkeypatch, claims, "en")
    assert app.file_uploader[0].disabled
    assert "Your sign-in has expired. Sign in again" in " ".join(w.value for w in app.warning)
    assert app.button(key="admin_login_oidc_again").label == "Sign in again"


def test_a_verified_administrator_is_recorded_with_issuer_and_subject(db_file, monkeypatch):
    claims = {"iss": ISSUER, "sub": "u9", "email": ADMIN.upper(), "email_verified": True}
    monkeypatch.setattr(access, "role_config", lambda: {"admin": [ADMIN]})
    app = oidc_page(monkeypatch, claims)
    assert not app.file_uploader[0].disabled
    captions = " ".join(c.value for c in app.caption)
    assert "nguyenvana@" in captions and "(quản trị viên)" in captions


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

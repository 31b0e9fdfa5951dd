"""scores/app/access.py: who this session is (the password or the identity provider), the gate
in front of every write with its sign-in and its refusals in words, and what sign-ins leave in
the audit log. The password's form and back-off: test_password.py; the roles themselves:
tests/test_roles.py."""

import pytest
from streamlit.testing.v1 import AppTest

from scores.app import access, password
from tests.app.conftest import PASSWORD, audit, gate_page, gate_script, sign_in

ADMIN = "nguyenvana@hanoi.gov.vn"
EDITOR = "tranthib@hanoi.gov.vn"
ISSUER = "https://login.hanoi.gov.vn"


def refused_script(name, role):
    from scores.app import access
    from scores.roles import Actor, NotAllowed

    access.refused(NotAllowed(Actor(name, role), "admin"))


def oidc(monkeypatch, claims: dict, config: dict) -> None:
    """Signed in at the identity provider with these ID token claims, under this [roles]."""
    monkeypatch.setattr(access, "_oidc", lambda: True)
    monkeypatch.setattr(access, "claims_of_user", lambda: {"is_logged_in": True, **claims})
    monkeypatch.setattr(access, "role_config", lambda: config)


def test_the_password_from_secrets_comes_before_the_environment(fresh, monkeypatch):
    monkeypatch.setenv("SCORES_ADMIN_PASSWORD", "from-the-environment")
    app = AppTest.from_function(gate_script, args=("admin", "vi"), default_timeout=30)
    app.secrets["admin_password"] = PASSWORD
    app.run()
    assert "Mật khẩu không đúng" in sign_in(app, "from-the-environment")
    fresh_app = AppTest.from_function(gate_script, args=("admin", "vi"), default_timeout=30)
    fresh_app.secrets["admin_password"] = PASSWORD
    fresh_app.run()
    monkeypatch.setattr(password, "clock", lambda: 10.0**9)  # past the failure's back-off
    assert sign_in(fresh_app, PASSWORD) == ""
    assert fresh_app.session_state["allowed"] is True


def test_signing_out_ends_the_password_session(fresh, monkeypatch):
    monkeypatch.setenv("SCORES_ADMIN_PASSWORD", PASSWORD)
    app = gate_page()
    sign_in(app, PASSWORD)
    assert "Đã đăng nhập: admin (password) (quản trị viên)." in [c.value for c in app.caption]
    app.button(key="upload_sign_out").click().run()
    assert app.session_state["allowed"] is False
    assert "admin" not in app.session_state
    assert app.text_input(key="admin_login_password")  # the form is back


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
def test_the_administrator_s_address_unverified_grants_nothing(fresh, monkeypatch, claims):
    config = {"admin": [ADMIN]}
    if "roles" in claims:  # a verified stranger whose role claim is a dict
        claims = {**claims, "email": "khach@example.com"}
        config["claim"] = "roles"
    oidc(monkeypatch, {"iss": ISSUER, **claims}, config)
    app = gate_page()
    assert app.session_state["allowed"] is False
    warned = " ".join(w.value for w in app.warning)
    if "roles" in claims:
        assert "không có trong danh sách" in warned
    else:
        assert "không gửi địa chỉ thư điện tử đã được xác minh" in warned
        assert app.button(key="admin_login_oidc_again").label == "Đăng nhập lại"
    ((who, role, after),) = audit(fresh, "sign_in_refused")
    assert role == "viewer"
    assert f'"issuer": "{ISSUER}"' in after and f'"sub": "{claims["sub"]}"' in after


def test_a_refused_sign_in_is_logged_once_per_session(fresh, monkeypatch):
    claims = {"iss": ISSUER, "sub": "u7", "email": "khach@example.com", "email_verified": True}
    oidc(monkeypatch, claims, {"admin": [ADMIN]})
    app = gate_page()
    app.run()
    app.run()
    assert [who for who, _, _ in audit(fresh, "sign_in_refused")] == ["khach@example.com"]
    gate_page()  # another session of the same person: its own line
    assert len(audit(fresh, "sign_in_refused")) == 2


def test_an_expired_token_gets_a_sentence_and_a_fresh_sign_in(fresh, monkeypatch):
    claims = {"iss": ISSUER, "sub": "u1", "email": ADMIN, "email_verified": True, "exp": 1}
    oidc(monkeypatch, claims, {"admin": [ADMIN]})
    app = gate_page(lang="en")
    assert app.session_state["allowed"] is False
    assert "Your sign-in has expired. Sign in again" in " ".join(w.value for w in app.warning)
    assert app.button(key="admin_login_oidc_again").label == "Sign in again"
    ((_, _, after),) = audit(fresh, "sign_in_refused")
    assert '"reason": "expired"' in after


def test_a_verified_administrator_is_recorded_with_issuer_and_subject(fresh, monkeypatch):
    claims = {"iss": ISSUER, "sub": "u9", "email": ADMIN.upper(), "email_verified": True}
    oidc(monkeypatch, claims, {"admin": [ADMIN]})
    app = gate_page()
    assert app.session_state["allowed"] is True
    assert app.session_state["actor"] == (ADMIN, "admin", ISSUER, "u9")
    captions = " ".join(c.value for c in app.caption)
    assert "nguyenvana@" in captions and "(quản trị viên)" in captions


def test_an_editor_asked_for_an_administrator_s_work_is_told_the_role_it_needs(fresh, monkeypatch):
    claims = {"iss": ISSUER, "sub": "u2", "email": EDITOR, "email_verified": True}
    oidc(monkeypatch, claims, {"admin": [ADMIN], "editor": [EDITOR]})
    assert gate_page("editor").session_state["allowed"] is True
    app = gate_page("admin")
    assert app.session_state["allowed"] is False
    assert app.warning[0].value == (
        f"Tài khoản {EDITOR} là biên tập viên: việc này cần quyền quản trị viên."
    )
    assert audit(fresh, "sign_in_refused") == []  # an editor is on a list: no refusal line


def test_nobody_signed_in_at_the_provider_is_offered_its_button(fresh, monkeypatch):
    monkeypatch.setattr(access, "_oidc", lambda: True)
    monkeypatch.setattr(access, "claims_of_user", lambda: {"is_logged_in": False})
    app = gate_page()
    assert app.session_state["actor"] == ("–", "viewer", None, None)
    assert [b.label for b in app.button] == ["Đăng nhập bằng tài khoản cơ quan"]
    assert not app.text_input  # no password form beside the provider


def test_the_role_configuration_is_logged_once_per_database_and_configuration(fresh, monkeypatch):
    claims = {"iss": ISSUER, "sub": "u9", "email": ADMIN, "email_verified": True}
    oidc(monkeypatch, claims, {"admin": [ADMIN]})
    gate_page()
    gate_page()
    assert [a for _, _, a in audit(fresh, "roles_loaded")] == [f'{{"admin": ["{ADMIN}"]}}']
    monkeypatch.setattr(access, "role_config", lambda: {"admin": [ADMIN], "editor": [EDITOR]})
    gate_page()
    assert len(audit(fresh, "roles_loaded")) == 2


def test_the_older_admin_emails_list_still_names_administrators(fresh, monkeypatch):
    claims = {"iss": ISSUER, "sub": "u9", "email": ADMIN, "email_verified": True}
    monkeypatch.setattr(access, "_oidc", lambda: True)
    monkeypatch.setattr(access, "claims_of_user", lambda: {"is_logged_in": True, **claims})
    app = AppTest.from_function(gate_script, args=("admin", "vi"), default_timeout=30)
    app.secrets["roles"] = {"editor": [EDITOR]}
    app.secrets["admin_emails"] = [ADMIN]
    app.run()
    assert not app.exception
    assert app.session_state["actor"][:2] == (ADMIN, "admin")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("vi", "Thay đổi không được lưu: tài khoản lan@hanoi.gov.vn (biên tập viên) không có"),
        ("en", "The change was not saved: the account lan@hanoi.gov.vn (editor) may not do this."),
    ],
)
def test_a_write_refused_when_made_names_the_account_and_its_role(lang, expected):
    app = AppTest.from_function(refused_script, args=("lan@hanoi.gov.vn", "editor"))
    app.session_state["lang"] = lang
    app.run()
    assert app.error[0].value.startswith(expected)

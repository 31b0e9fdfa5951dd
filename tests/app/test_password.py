"""scores/app/password.py: the administrator's password behind the gate: a password too short
is refused, failures are slowed down per client and logged, the right one starts a client's count
afresh, a guesser elsewhere never keeps the administrator out, and the client behind a proxy."""

from types import SimpleNamespace

import pytest

from scores.app import access, password
from tests.app.conftest import PASSWORD, audit, gate_page, sign_in


@pytest.fixture
def now(monkeypatch) -> list[float]:
    """The password set, and the sign-in's clock at now[0] (a test moves it on)."""
    moment = [1000.0]
    monkeypatch.setattr(password, "clock", lambda: moment[0])
    monkeypatch.setenv("SCORES_ADMIN_PASSWORD", PASSWORD)
    return moment


def test_a_too_short_password_keeps_sign_in_off_and_says_so(fresh, monkeypatch):
    monkeypatch.setenv("SCORES_ADMIN_PASSWORD", "short123")
    app = gate_page()
    assert not [box for box in app.text_input if box.key == "admin_login_password"]
    assert "ít nhất 12 ký tự" in app.error[0].value
    assert app.session_state["allowed"] is False


def test_without_any_password_or_provider_writes_are_off_and_the_caption_says_how(fresh):
    app = gate_page(lang="en")
    assert not app.text_input and not app.button
    assert "SCORES_ADMIN_PASSWORD" in app.caption[0].value
    assert app.session_state["allowed"] is False


def test_failures_are_slowed_down_and_logged(fresh, now):
    app = gate_page()
    assert "Mật khẩu không đúng" in sign_in(app, "guess-1")
    # At once, even the right password is not checked: guessing fast gains nothing.
    assert "chờ 2 giây" in sign_in(app, PASSWORD)
    assert app.session_state["allowed"] is False
    now[0] += 3
    assert "chờ 4 giây" in sign_in(app, "guess-2")
    now[0] += 5
    assert sign_in(app, PASSWORD) == ""
    assert app.session_state["allowed"] is True
    assert app.session_state["actor"] == (access.PASSWORD_ADMIN, "admin", None, None)
    logged = audit(fresh, "sign_in_failed")
    assert [(who, role) for who, role, _ in logged] == [("local", "viewer")] * 2


def test_the_right_password_starts_the_client_s_count_afresh(fresh, now):
    app = gate_page()
    assert "chờ 2 giây" in sign_in(app, "guess-1")
    now[0] += 3
    assert "chờ 4 giây" in sign_in(app, "guess-2")
    now[0] += 5
    assert sign_in(app, PASSWORD) == ""
    # The same client in a new session slips at once: its count began again at one (2 s),
    # not at three (8 s) as if the right password had not been given.
    assert "chờ 2 giây" in sign_in(gate_page(), "slip")


def test_a_guesser_elsewhere_never_keeps_the_administrator_out(fresh, now, monkeypatch):
    where = ["203.0.113.9"]
    monkeypatch.setattr(password, "client", lambda: where[0])
    guesser = gate_page()
    for _ in range(3):  # one wrong guess every 300 s, the administrator a second later
        where[0] = "203.0.113.9"
        assert "Mật khẩu không đúng" in sign_in(guesser, "guess")
        now[0] += 1
        where[0] = "198.51.100.7"
        administrator = gate_page()
        assert sign_in(administrator, PASSWORD) == ""
        assert administrator.session_state["allowed"] is True
        now[0] += 299
    # The guesser's own address is slowed down: even the right password waits there.
    where[0] = "203.0.113.9"
    assert "Mật khẩu không đúng" in sign_in(guesser, "guess")
    assert "hãy chờ" in sign_in(guesser, PASSWORD)
    # ...for a bounded time after its last failure, not for ever.
    now[0] += 300
    assert sign_in(guesser, PASSWORD) == ""
    logged = audit(fresh, "sign_in_failed")
    assert len(logged) == 4
    assert all(who == "203.0.113.9" and '"client": "203.0.113.9"' in a for who, _, a in logged)


@pytest.mark.parametrize(
    ("address", "forwarded", "expected"),
    [
        ("198.51.100.7", None, "198.51.100.7"),
        (None, "203.0.113.9, 127.0.0.1", "127.0.0.1"),  # the hop the proxy added
        (None, "203.0.113.9", "203.0.113.9"),
        (None, None, "local"),
    ],
)
def test_the_client_is_the_address_or_the_proxy_s_last_hop(
    monkeypatch, address, forwarded, expected
):
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    monkeypatch.setattr(
        password.st, "context", SimpleNamespace(ip_address=address, headers=headers)
    )
    assert password.client() == expected

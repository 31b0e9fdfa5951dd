"""Roles from the configuration, the check every write makes, the back-off after failed sign-ins."""

import pytest

from scores.roles import (
    ACCOUNT_LOCK,
    BACKOFF_CAP,
    Actor,
    Backoff,
    NotAllowed,
    SignInGuard,
    command_line,
    command_line_name,
    require,
    role_of,
    verified_email,
)

CONFIG = {
    "admin": ["Chi.Pham@hanoi.gov.vn"],
    "editor": ["an@hanoi.gov.vn", "chi.pham@hanoi.gov.vn"],
}


@pytest.mark.parametrize(
    ("email", "claims", "config", "role"),
    [
        ("an@hanoi.gov.vn", {}, CONFIG, "editor"),
        (" CHI.PHAM@hanoi.gov.vn ", {}, CONFIG, "admin"),  # on both lists: the higher role
        ("khach@example.com", {}, CONFIG, "viewer"),
        ("", {}, CONFIG, "viewer"),
        ("x@hanoi.gov.vn", {"roles": ["editor"]}, {"claim": "roles"}, "editor"),
        ("x@hanoi.gov.vn", {"roles": "admin"}, {"claim": "roles"}, "admin"),
        ("x@hanoi.gov.vn", {"roles": ["admin"]}, {}, "viewer"),  # a claim counts only if named
        ("x@hanoi.gov.vn", {"groups": ["staff"]}, {"claim": "groups"}, "viewer"),
        # Only a string or a list of strings names roles: a dict's keys are no grant.
        ("x@hanoi.gov.vn", {"roles": {"admin": False}}, {"claim": "roles"}, "viewer"),
        ("x@hanoi.gov.vn", {"roles": {"admin": True}}, {"claim": "roles"}, "viewer"),
        ("x@hanoi.gov.vn", {"roles": [{"admin": 1}, "editor"]}, {"claim": "roles"}, "editor"),
        ("x@hanoi.gov.vn", {"roles": 1}, {"claim": "roles"}, "viewer"),
    ],
)
def test_role_of(email, claims, config, role):
    assert role_of(email, claims, config) == role


@pytest.mark.parametrize(
    ("role", "needed", "allowed"),
    [
        ("viewer", "editor", False),
        ("viewer", "admin", False),
        ("editor", "editor", True),
        ("editor", "admin", False),
        ("admin", "editor", True),
        ("admin", "admin", True),
        ("root", "editor", False),  # an unknown role is no role
    ],
)
def test_require(role, needed, allowed):
    actor = Actor("someone@hanoi.gov.vn", role)
    if allowed:
        require(actor, needed)
    else:
        with pytest.raises(NotAllowed):
            require(actor, needed)


def test_ten_failures_cost_minutes_not_seconds():
    backoff, now, spent = Backoff(), 0.0, 0.0
    for _ in range(10):
        wait = backoff.wait(now)
        now, spent = now + wait, spent + wait
        backoff.fail(now)
    assert backoff.wait(now) == BACKOFF_CAP
    assert spent > 10 * 60  # ten guesses took more than ten minutes
    assert Backoff().wait(now) == 0.0


def test_a_failure_is_forgotten_after_the_window():
    backoff = Backoff()
    backoff.fail(0.0)
    assert backoff.wait(1.0) == 1.0
    assert backoff.wait(4000.0) == 0.0


def test_one_guess_every_300_s_never_keeps_another_client_out():
    guard, now = SignInGuard(), 1000.0
    for _ in range(30):  # past the account lock, from one address
        guard.fail("203.0.113.9", now)
        assert guard.wait("198.51.100.7", now) == 0  # the administrator's address: checked
        now += 300
    assert guard.wait("203.0.113.9", now - 300) > 0  # the guesser is slowed down


def test_a_locked_account_delays_a_failing_client_for_a_bounded_time_only():
    guard, now = SignInGuard(), 1000.0
    for number in range(ACCOUNT_LOCK):  # guesses spread over many addresses
        guard.fail(f"10.0.0.{number}", now)
    guard.fail("198.51.100.7", now)  # the administrator mistypes once
    assert guard.wait("198.51.100.7", now + 10) > 2  # a lock, not just the 2 s of one failure
    assert guard.wait("198.51.100.7", now + BACKOFF_CAP) == 0  # and no longer than the cap
    assert guard.wait("192.0.2.1", now) == 0  # a client that never failed is not locked out


def test_the_right_password_clears_its_client_only():
    guard = SignInGuard()
    guard.fail("a", 0.0)
    guard.fail("b", 0.0)
    guard.succeed("a")
    assert guard.wait("a", 0.5) == 0 and guard.wait("b", 0.5) > 0


NOW = 1_800_000_000.0


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        ({"email": "A@hanoi.gov.vn", "email_verified": True}, ("a@hanoi.gov.vn", None)),
        ({"email": "a@hanoi.gov.vn", "email_verified": "true"}, ("a@hanoi.gov.vn", None)),
        ({"email": "a@hanoi.gov.vn", "email_verified": False}, ("", "unverified")),
        ({"email": "a@hanoi.gov.vn", "email_verified": "false"}, ("", "unverified")),
        ({"email": "a@hanoi.gov.vn"}, ("", "unverified")),  # not said to be verified
        ({"preferred_username": "a@hanoi.gov.vn"}, ("", "unverified")),
        ({"sub": "a@hanoi.gov.vn"}, ("", "unverified")),
        ({"email": ["a@hanoi.gov.vn"], "email_verified": True}, ("", "unverified")),
        (
            {"email": "a@hanoi.gov.vn", "email_verified": True, "exp": NOW - 1},
            ("", "expired"),
        ),
        (
            {"email": "a@hanoi.gov.vn", "email_verified": True, "exp": NOW + 60},
            ("a@hanoi.gov.vn", None),
        ),
    ],
)
def test_the_identity_is_only_a_verified_email(claims, expected):
    assert verified_email(claims, NOW) == expected


def test_a_command_line_name_is_marked_as_such():
    actor = command_line("admin (password)")
    assert actor.name == "cli:admin (password)" and actor.role == "admin"
    assert command_line_name(actor.name) == "admin (password)"
    assert command_line_name("admin (password)") is None

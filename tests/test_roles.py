"""Roles from the configuration, the check every write makes, the back-off after failed sign-ins."""

import pytest

from scores.roles import BACKOFF_CAP, Actor, Backoff, NotAllowed, require, role_of

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

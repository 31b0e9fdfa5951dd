"""Who may change data: roles from secrets.toml, sign-in through the identity provider (OIDC) or
the one administrator's password (its form and back-off: password.py), and the audit of
sign-ins."""

import hashlib
import json
import os
import threading
import time
from collections.abc import Callable
from typing import Any

import duckdb
import streamlit as st

from scores.app import cache, password
from scores.app.state import lang, tr
from scores.config import db_path
from scores.errors import Refused
from scores.i18n import describe
from scores.roles import Actor, NotAllowed, role_of, verified_email
from scores.store import audit

# The name the password administrator's changes carry (history.IMPORTERS words it).
PASSWORD_ADMIN = "admin (password)"
NOBODY = Actor("–", "viewer")
REFUSALS = ("expired", "unverified")  # verified_email's reasons; no role at all
_LOCK = threading.Lock()
_roles_recorded: set[str] = set()


def admin_password() -> str | None:
    """The administrator password: secrets.toml's admin_password, else $SCORES_ADMIN_PASSWORD."""
    return _secret("admin_password") or os.environ.get("SCORES_ADMIN_PASSWORD") or None


def _secret(name: str, default: Any = None) -> Any:
    try:
        return st.secrets.get(name, default)
    except FileNotFoundError:  # no secrets.toml at all
        return default


def _oidc() -> bool:
    return _secret("auth") is not None


def role_config() -> dict[str, Any]:
    """The [roles] section of secrets.toml (admin and editor e-mail lists, or a claim); the
    older admin_emails list still names administrators."""
    config = {key: value for key, value in dict(_secret("roles", {})).items()}
    legacy = list(_secret("admin_emails", []))
    if legacy:
        config["admin"] = [*config.get("admin", []), *legacy]
    return config


def actor() -> Actor:
    """Who this session is and what it may do: from the identity provider and the configuration,
    or the password; never from the URL or anything the browser sends."""
    if _oidc():
        claims = claims_of_user()
        if not claims.get("is_logged_in", False):
            return NOBODY
        issuer, subject = str(claims.get("iss") or "–"), str(claims.get("sub") or "–")
        email, refusal = verified_email(claims, time.time())
        if refusal:  # signed in at the provider, but not as anyone this app may trust
            return Actor(email or subject, refusal, issuer, subject)
        config = role_config()
        _record_roles(config)
        return Actor(email, role_of(email, claims, config), issuer, subject)
    return Actor(PASSWORD_ADMIN, "admin") if st.session_state.get("admin") else NOBODY


def claims_of_user() -> dict[str, Any]:
    """The signed-in person's ID token claims, as Streamlit keeps them (a test replaces this)."""
    return dict(st.user)


def role() -> str:
    """This session's role: viewer, editor or admin."""
    return actor().role


def signed_in() -> bool:
    """Whether this session is signed in as an administrator; it draws nothing."""
    return actor().may("admin")


def who() -> str:
    """Who makes a change: the signed-in e-mail, or "admin (password)"."""
    return actor().name


def gate(needed: str, key: str = "admin_login") -> bool:
    """Whether this session may do what needs the role `needed`. When it may not: the sign-in
    (provider button or password form), or, for someone signed in, why not in plain words."""
    person = actor()
    if person.may(needed):
        return True
    if person.role in REFUSALS:
        _refuse_identity(person, key)
    elif person != NOBODY:
        st.warning(tr(f"access.refused_{person.role}", email=person.name, needed=_role(needed)))
        _record_refusal(person)
        sign_out(key)
    elif _oidc():
        st.button(tr("admin.sign_in_oidc"), on_click=st.login, key=f"{key}_oidc")
    else:
        password.form(key, admin_password())
    return False


def _refuse_identity(person: Actor, key: str) -> None:
    """A token this app cannot trust: why in one plain sentence, and a fresh sign-in."""
    st.warning(tr(f"trust.oidc_{person.role}"))
    _record_refusal(person)
    st.button(tr("trust.sign_in_again"), on_click=st.login, key=f"{key}_oidc_again")
    sign_out(key)


def admin_gate(key: str = "admin_login") -> bool:
    """gate("admin"): restores and targets."""
    return gate("admin", key)


def status(key: str) -> None:
    """For someone signed in: who they are, their role, and the sign-out button."""
    person = actor()
    if person != NOBODY and person.role not in REFUSALS:
        st.caption(tr("access.signed_in_as", email=person.name, role=_role(person.role)))
        sign_out(key)


def sign_out(key: str) -> None:
    """The sign-out button (the provider's sign-out too, where there is one)."""
    if st.button(tr("access.sign_out"), key=f"{key}_sign_out"):
        st.session_state.pop("admin", None)
        if _oidc():
            # st.logout queues the browser's redirect to the provider's sign-out; a rerun
            # started now can drop that message (the CI run saw the page stay put), so end
            # the run instead and let the redirect start a new session.
            st.logout()
            st.stop()
        st.rerun()


def refused(error: NotAllowed) -> None:
    """A write refused at the moment of writing (the role changed, or a page let it through)."""
    role = _role(error.actor.role)
    st.error(tr("access.not_allowed", email=error.actor.name, role=role))


def write(store: Callable[[duckdb.DuckDBPyConnection], object]) -> bool:
    """Make a write on the app's connection: True once written (the caches cleared); a refusal
    (a rule the value breaks, or a role taken away since the page was drawn) said in sentences,
    nothing stored, False."""
    try:
        with cache.cursor() as con:
            store(con)
    except Refused as broken:
        for problem in broken.problems:
            st.error(describe(problem, lang()))
        return False
    except NotAllowed as error:
        refused(error)
        return False
    st.cache_data.clear()
    return True


def _role(name: str) -> str:
    return tr(f"access.role_{name}")


def _record_refusal(person: Actor) -> None:
    """A signed-in person on no list: one audit line per session."""
    if person.role in ("viewer", *REFUSALS) and not st.session_state.get("refusal_recorded"):
        st.session_state["refusal_recorded"] = True
        why = {"reason": person.role} if person.role in REFUSALS else None
        viewer = Actor(person.name, "viewer", person.issuer, person.subject)
        with cache.cursor() as con:
            audit.record(con, viewer, "sign_in_refused", after=why)


def _record_roles(config: dict[str, Any]) -> None:
    """The audit line "role configuration loaded", once per process, database and configuration."""
    shown = {key: config[key] for key in sorted(config)}
    text = json.dumps([str(db_path()), shown], default=str)
    fingerprint = hashlib.sha256(text.encode()).hexdigest()
    with _LOCK:
        if fingerprint in _roles_recorded:
            return
        _roles_recorded.add(fingerprint)
    with cache.cursor() as con:
        audit.record(con, Actor("secrets.toml", "admin"), "roles_loaded", after=shown)

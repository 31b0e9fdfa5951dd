"""Who may change data: roles from secrets.toml, sign-in through the identity provider (OIDC) or
the one administrator's password, the back-off after failures, and the audit of sign-ins."""

import hashlib
import hmac
import json
import math
import os
import threading
import time
from typing import Any

import streamlit as st

from scores.app import cache
from scores.app.state import tr
from scores.config import MIN_PASSWORD_LENGTH, db_path
from scores.roles import Actor, Backoff, NotAllowed, role_of
from scores.store import audit

# The name the password administrator's changes carry (history.IMPORTERS words it).
PASSWORD_ADMIN = "admin (password)"
NOBODY = Actor("–", "viewer")
clock = time.monotonic  # a test moves time forward instead of sleeping through the back-off
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
        if not st.user.get("is_logged_in", False):
            return NOBODY
        # Entra ID sends the address as preferred_username unless the email claim is added.
        found = st.user.get("email") or st.user.get("preferred_username") or st.user.get("sub")
        email = str(found or "").strip().lower()
        config = role_config()
        _record_roles(config)
        return Actor(email or "–", role_of(email, dict(st.user), config))
    return Actor(PASSWORD_ADMIN, "admin") if st.session_state.get("admin") else NOBODY


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
    if person != NOBODY:
        st.warning(tr(f"access.refused_{person.role}", email=person.name, needed=_role(needed)))
        _record_refusal(person)
        sign_out(key)
    elif _oidc():
        st.button(tr("admin.sign_in_oidc"), on_click=st.login, key=f"{key}_oidc")
    else:
        _password_form(key)
    return False


def admin_gate(key: str = "admin_login") -> bool:
    """gate("admin"): restores and targets."""
    return gate("admin", key)


def status(key: str) -> None:
    """For someone signed in: who they are, their role, and the sign-out button."""
    person = actor()
    if person != NOBODY:
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


def _role(name: str) -> str:
    return tr(f"access.role_{name}")


@st.cache_resource
def _process_backoff() -> Backoff:
    """The failures of every session of this server process (a new session starts no fresh)."""
    return Backoff()


def _password_form(key: str) -> None:
    password = admin_password()
    if password is None:
        st.caption(tr("admin.not_configured"))
        return
    if len(password) < MIN_PASSWORD_LENGTH:
        st.error(tr("access.password_too_short", minimum=MIN_PASSWORD_LENGTH))
        return
    with st.form(key):
        given = st.text_input(tr("admin.password"), type="password", key=f"{key}_password")
        if st.form_submit_button(tr("admin.sign_in")):
            _try_password(given, password)


def _try_password(given: str, password: str) -> None:
    session = st.session_state.setdefault("sign_in_backoff", Backoff())
    with _LOCK:
        now = clock()
        wait = max(session.wait(now), _process_backoff().wait(now))
        if wait > 0:  # not even checked: guessing faster than the back-off gains nothing
            st.error(tr("access.wait", seconds=math.ceil(wait)))
            return
        if hmac.compare_digest(given.encode("utf-8"), password.encode("utf-8")):
            st.session_state["admin"] = True
            st.session_state.pop("sign_in_backoff", None)
            st.rerun()
        session.fail(now)
        _process_backoff().fail(now)
        wait = max(session.wait(now), _process_backoff().wait(now))
    with cache.cursor() as con:
        audit.record(con, Actor("–", "viewer"), "sign_in_failed", after={"method": "password"})
    st.error(tr("admin.wrong_password") + " " + tr("access.wait", seconds=math.ceil(wait)))


def _record_refusal(person: Actor) -> None:
    """A signed-in person on no list: one audit line per session."""
    if person.role == "viewer" and not st.session_state.get("refusal_recorded"):
        st.session_state["refusal_recorded"] = True
        with cache.cursor() as con:
            audit.record(con, person, "sign_in_refused")


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

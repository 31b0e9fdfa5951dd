"""The administrator's password sign-in, where no identity provider is configured: the form,
the check in constant time, and the back-off per client that makes guessing slow."""

import hmac
import math
import threading
import time

import streamlit as st

from scores.app import cache
from scores.app.state import tr
from scores.config import MIN_PASSWORD_LENGTH
from scores.roles import Actor, SignInGuard
from scores.store import audit

clock = time.monotonic  # a test moves time forward instead of sleeping through the back-off
_LOCK = threading.Lock()


@st.cache_resource
def _guard() -> SignInGuard:
    """The password failures of every session of this server process, per client."""
    return SignInGuard()


def client() -> str:
    """Where this session connects from: its address, or, from a proxy on this machine (the
    address Streamlit hides as None), the last address the proxy added to X-Forwarded-For;
    "local" for a browser on the server itself."""
    address = st.context.ip_address
    if isinstance(address, str) and address:
        return address
    forwarded = st.context.headers.get("X-Forwarded-For")
    forwarded = forwarded.split(",")[-1].strip() if isinstance(forwarded, str) else ""
    return forwarded or "local"


def form(key: str, password: str | None) -> None:
    """The password form for the administrator's password; where none is set, or one too short
    to keep, why not."""
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
    where = client()
    with _LOCK:
        now = clock()
        wait = _guard().wait(where, now)
        if wait > 0:  # not even checked: guessing faster than the back-off gains nothing
            st.error(tr("access.wait", seconds=math.ceil(wait)))
            return
        if hmac.compare_digest(given.encode("utf-8"), password.encode("utf-8")):
            _guard().succeed(where)
            st.session_state["admin"] = True
            st.rerun()
        _guard().fail(where, now)
        wait = _guard().wait(where, now)
    with cache.cursor() as con:
        failed = {"method": "password", "client": where}
        audit.record(con, Actor(where, "viewer"), "sign_in_failed", after=failed)
    st.error(tr("admin.wrong_password") + " " + tr("access.wait", seconds=math.ceil(wait)))

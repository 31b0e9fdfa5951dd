"""Who may change data: the administrator password (secrets.toml or the environment)."""

import hmac
import os
from typing import Any

import streamlit as st

from scores.app.state import tr


def admin_password() -> str | None:
    """The administrator password: secrets.toml's admin_password, else $SCORES_ADMIN_PASSWORD."""
    return _secret("admin_password") or os.environ.get("SCORES_ADMIN_PASSWORD") or None


def _secret(name: str, default: Any = None) -> Any:
    try:
        return st.secrets.get(name, default)
    except FileNotFoundError:  # no secrets.toml at all
        return default


def admin_gate(key: str = "admin_login") -> bool:
    """Whether this session may change data: signed in through the identity provider (OIDC,
    when secrets.toml has an [auth] section) with an e-mail on the admin_emails list, or with
    the administrator password. Offers the sign-in; says how to enable it when neither is set."""
    if st.session_state.get("admin"):
        return True
    if _secret("auth") is not None:
        return _oidc_gate(key)
    password = admin_password()
    if password is None:
        st.caption(tr("admin.not_configured"))
        return False
    with st.form(key):
        given = st.text_input(tr("admin.password"), type="password", key=f"{key}_password")
        if st.form_submit_button(tr("admin.sign_in")):
            if hmac.compare_digest(given.encode("utf-8"), password.encode("utf-8")):
                st.session_state["admin"] = True
                st.session_state["admin_name"] = "admin (password)"
                st.rerun()
            st.error(tr("admin.wrong_password"))
    return False


def _oidc_gate(key: str) -> bool:
    if not st.user.get("is_logged_in", False):
        st.button(tr("admin.sign_in_oidc"), on_click=st.login, key=f"{key}_oidc")
        return False
    email = str(st.user.get("email") or "").strip().lower()
    allowed = {str(address).strip().lower() for address in _secret("admin_emails", [])}
    if email and email in allowed:
        st.session_state["admin_name"] = email
        return True
    st.caption(tr("admin.not_admin", email=email or "–"))
    return False


def signed_in() -> bool:
    """Whether this session has passed admin_gate (password or identity provider) in this run
    or an earlier one; it draws nothing."""
    return bool(st.session_state.get("admin") or st.session_state.get("admin_name"))


def who() -> str:
    """Who makes a change: the signed-in e-mail where there is one, else "admin"."""
    return st.session_state.get("admin_name", "admin")

"""Who may change data: the administrator password (secrets.toml or the environment)."""

import hmac
import os

import streamlit as st

from scores.ui import tr


def admin_password() -> str | None:
    """The administrator password: secrets.toml's admin_password, else $SCORES_ADMIN_PASSWORD."""
    try:
        secret = st.secrets.get("admin_password")
    except FileNotFoundError:  # no secrets.toml at all
        secret = None
    return secret or os.environ.get("SCORES_ADMIN_PASSWORD") or None


def admin_gate(key: str = "admin_login") -> bool:
    """Whether this session may change data; offers the password form when one is configured."""
    if st.session_state.get("admin"):
        return True
    password = admin_password()
    if password is None:
        st.caption(tr("admin.not_configured"))
        return False
    with st.form(key):
        given = st.text_input(tr("admin.password"), type="password", key=f"{key}_password")
        if st.form_submit_button(tr("admin.sign_in")):
            if hmac.compare_digest(given.encode("utf-8"), password.encode("utf-8")):
                st.session_state["admin"] = True
                st.rerun()
            st.error(tr("admin.wrong_password"))
    return False


def who() -> str:
    """Who makes a change: the signed-in e-mail where there is one, else "admin"."""
    return st.session_state.get("admin_name", "admin")

"""The app's entry point: page set-up, navigation and the shared sidebar (language, scope,
province)."""

from pathlib import Path

import streamlit as st

from scores.app import state
from scores.catalog import unit_key

HERE = Path(__file__).parent
# The tab icon from a file of ours: a ":material/…:" page icon is fetched from a font host on
# the internet (scores/app/icons/SOURCES.md), which a city network may not reach.
st.set_page_config(
    page_title="Chỉ số CCHC · Hà Nội",
    page_icon=str(HERE / "scores" / "app" / "icons" / "leaderboard.svg"),
    layout="wide",
)

# Captions readable from the back of a room; cards and numbers that fit a tablet or a phone.
st.html(HERE / "scores" / "app" / "style.css")
lang = state.lang()
with st.sidebar:
    st.radio(
        state.tr("sidebar.language"),
        ["vi", "en"],
        key="lang",
        horizontal=True,
        format_func=lambda code: {"vi": "Tiếng Việt", "en": "English"}[code],
    )
    state.scope()
    st.radio(
        state.tr("cityscope.scope"),
        list(state.SCOPES),
        key="scope",
        horizontal=True,
        format_func=lambda scope: state.tr(f"cityscope.scope_{scope}"),
    )
    units = {unit_key(unit): unit for unit in state.focus_units()}
    state.focus_unit()
    st.selectbox(
        state.tr("sidebar.province"),
        list(units),
        key="province",
        format_func=lambda key: state.picker_label(units[key]),
    )
    st.html(HERE / "scores" / "app" / "sidebar.js", unsafe_allow_javascript=True)
st.query_params.update(
    {
        "lang": st.session_state["lang"],
        "scope": st.session_state["scope"],
        "province": st.session_state["province"],
    }
)

pages = [
    st.Page(
        "views/overview.py", title=state.tr("page.overview"), icon=":material/home:", default=True
    ),
    st.Page("views/rankings.py", title=state.tr("page.rankings"), icon=":material/leaderboard:"),
    st.Page("views/compare.py", title=state.tr("compare.page"), icon=":material/compare_arrows:"),
    st.Page("views/targets.py", title=state.tr("page.targets"), icon=":material/flag:"),
    st.Page("views/components.py", title=state.tr("page.components"), icon=":material/extension:"),
    st.Page("views/plan.py", title=state.tr("page.plan"), icon=":material/task_alt:"),
    st.Page("views/unit.py", title=state.tr("owners.page"), icon=":material/apartment:"),
    st.Page("views/data.py", title=state.tr("page.data"), icon=":material/database:"),
    st.Page("views/present.py", title=state.tr("present.page"), icon=":material/slideshow:"),
]
st.navigation(pages).run()

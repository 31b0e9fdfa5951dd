"""A click on a province in a chart (Streamlit's plotly selection event) makes it the focus."""

from collections.abc import Callable

import streamlit as st

from scores.app import cache
from scores.catalog import unit_key


def clicked_code(chart_key: str) -> str | None:
    """The province code (the trace's customdata) of the point last selected in a chart."""
    event = st.session_state.get(chart_key) or {}
    points = (event.get("selection") or {}).get("points", [])
    codes = [point.get("customdata") for point in points if point.get("customdata")]
    found = codes[-1] if codes else None
    return found[0] if isinstance(found, list) else found


def focus_on_click(chart_key: str, year: int) -> Callable[[], None]:
    """An on_select callback: the clicked province (the unit with that code in the chart's year)
    becomes the focus, as if picked in the sidebar (a callback runs before the page is drawn, so
    the sidebar's widget may still be set)."""

    def focus() -> None:
        code = clicked_code(chart_key)
        provinces = cache.provinces()
        unit = provinces.by_code(code, year) if code else None
        if unit is not None:
            # The unit a leader follows: today's, when the clicked one is on its main line.
            today = (u for u in provinces.today() if unit in provinces.main_line(u))
            st.session_state["province"] = unit_key(next(today, unit))

    return focus

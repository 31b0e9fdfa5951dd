"""scores/app/widgets.py: status badges, source notes, localized tables and lineage notes."""

import pytest
from streamlit.testing.v1 import AppTest


def badge_script(status):
    from scores.app import widgets

    widgets.status_badge(status)


def source_script(lang):
    import streamlit as st

    from scores.app import widgets

    st.session_state["lang"] = lang
    widgets.source_caption("PAPI", 2024)


def lineage_script(key):
    import streamlit as st

    from scores.app import cache, widgets

    st.session_state["lang"] = "en"
    widgets.lineage_note(cache.provinces().by_key(key))


def table_script():
    import pandas as pd
    import streamlit as st

    from scores.app import widgets

    st.session_state["lang"] = "en"
    st.dataframe(widgets.localized(pd.DataFrame({"met": [1], "unknown": [2]}), "status"))


def run(script, *args) -> AppTest:
    app = AppTest.from_function(script, args=args, default_timeout=30)
    app.run()
    assert not app.exception
    return app


@pytest.mark.parametrize(
    ("status", "shown"),
    [
        ("met", ":green-badge[✓ Đạt]"),
        ("missed", ":red-badge[✗ Không đạt]"),
        (None, ":gray-badge[? Chưa có số liệu để đánh giá]"),
    ],
)
def test_a_status_badge_is_a_glyph_and_a_word_never_colour_alone(status, shown):
    assert run(badge_script, status).markdown[0].value == shown


def test_a_source_note_names_the_publisher_and_keeps_the_repository_one_click_away(built):
    app = run(source_script, "en")
    caption = app.caption[0].value
    assert caption.startswith("Source: UNDP and CECODES – PAPI 2024 data; as reported by Hanoi")
    assert caption.endswith("(release version 1)") and "github" not in caption
    # Shown as plain text (escaped, a word joiner after ":" and "@"): a typed source is no link.
    trail = [m.value.replace("\\", "").replace("\u2060", "") for m in app.markdown]
    assert "- github:hnks-gh/ml-mcdm@d165721 data/csv/2024.csv" in trail  # in the popover
    assert all(line.startswith(("- github:", "- https://")) for line in trail)


def test_a_merged_unit_says_whose_figures_the_earlier_years_are(built):
    captions = [c.value for c in run(lineage_script, "24").caption]
    assert captions[0] == (
        "Figures for 2024 and before are those of the former Bac Ninh (before the merger)."
    )
    assert captions[1].startswith("Units merged into Bac Ninh: Bac Giang (2004–2024).")


def test_a_unit_never_merged_has_no_lineage_note(built):
    assert not run(lineage_script, "22").caption  # Quảng Ninh


def test_localized_names_the_columns_in_the_chosen_language():
    frame = run(table_script).dataframe[0].value
    assert list(frame.columns) == ["met", "no data to judge yet"]

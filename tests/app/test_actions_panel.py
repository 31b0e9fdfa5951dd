"""scores/app/actions_panel.py: the remediation actions a page lists (late ones marked) and the
indicator since an action began (the forms that add and change them: test_action_forms.py)."""

from datetime import date

import duckdb
import pandas as pd
import pytest
import streamlit as st
from conftest import as_read
from streamlit.testing.v1 import AppTest

from scores import db
from scores.i18n import day
from scores.roles import Actor
from scores.store import actions
from scores.store.actions import Action

LAN = Actor("lan", "editor")
# A PCI action long overdue, with the agency in charge as a unit; a PAR INDEX one not yet due,
# whose owner is typed text naming no unit of the city.
LATE = Action(
    "01", "PCI", "transparency", "", "Công khai mọi khoản phí", "2020-01-31", owner_code="HN-D-NV"
)
AHEAD = Action(
    "01",
    "PAR",
    "par_impact",
    "Phòng Kế hoạch",
    "Khảo sát người dân",
    "2030-06-30",
    status="in_progress",
    note="Đã họp",
)


def stored(db_file, *found: Action) -> None:
    with db.connect(db_file) as con:
        for action in found:
            actions.add(con, action, LAN)


def versions(db_file) -> pd.DataFrame:
    st.cache_resource.clear()  # the app's connection, so the file can be opened here
    with duckdb.connect(str(db_file), read_only=True) as con:
        return con.execute("SELECT * FROM actions ORDER BY action_id, version").df()


def words_script(lang):
    import streamlit as st

    from scores.app import actions_panel

    st.session_state["lang"] = lang
    st.session_state["names"] = actions_panel.status_names()
    st.session_state["words"] = [
        actions_panel.status_word(status, overdue)
        for status, overdue in [("planned", False), ("planned", True), ("done", False)]
    ]


def readable_script(lang):
    import pandas as pd
    import streamlit as st

    from scores.app import actions_panel

    st.session_state["lang"] = lang
    found = actions_panel.current("01")
    st.session_state["table"] = actions_panel.readable(found, {"PAR": "PAR INDEX", "PCI": "PCI"})
    indicators = pd.Series(["par_impact", "transparency", "informal_charges"])
    st.session_state["short"] = actions_panel.short(found, indicators)


def trend_script(history, indicator, began, lang):
    import pandas as pd
    import streamlit as st

    from scores.app import actions_panel

    st.session_state["lang"] = lang
    st.session_state["trend"] = actions_panel.trend_text(history, indicator, pd.Timestamp(began))


def show_script(index_code):
    from scores.app import actions_panel

    actions_panel.show("01", {"PAR": "PAR INDEX", "PCI": "PCI"}, index_code)


def beside_script(history):
    from scores.app import actions_panel, state

    found = actions_panel.current("01", "PCI")
    actions_panel.beside_indicators(found, history, state.indicator_labels("PCI"))


def run(script, *args) -> AppTest:
    st.cache_data.clear()
    app = AppTest.from_function(script, args=args, default_timeout=30)
    app.run()
    assert not app.exception
    return app


@pytest.fixture(scope="module")
def transparency(built_db) -> pd.DataFrame:
    """Hà Nội's PCI transparency as published, year by year (2005-2021)."""
    with duckdb.connect(str(built_db), read_only=True) as con:
        return con.execute(
            "SELECT r.year, s.indicator, s.value FROM scores s JOIN releases r USING (release_id)"
            " WHERE r.index_code = 'PCI' AND s.province_code = '01'"
            " AND s.indicator = 'transparency' ORDER BY r.year"
        ).df()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("vi", ["chưa bắt đầu", "⚠ chưa bắt đầu · quá hạn", "hoàn thành"]),
        ("en", ["not started", "⚠ not started · overdue", "done"]),
    ],
)
def test_a_status_reads_in_the_reader_s_language_and_a_late_one_is_marked(built, lang, expected):
    app = run(words_script, lang)
    assert app.session_state["words"] == expected
    assert list(app.session_state["names"]) == list(actions.STATUSES)
    assert app.session_state["names"]["done"] == expected[2]


def test_the_actions_read_as_a_leader_reads_them_in_vietnamese(db_file):
    stored(db_file, LATE, AHEAD)
    table = run(readable_script, "vi").session_state["table"]
    assert table.columns.tolist() == [
        "Số",
        "Bộ chỉ số",
        "Chỉ số",
        "Cơ quan chủ trì",
        "Nội dung",
        "Hạn hoàn thành",
        "Trạng thái",
        "Tiến độ",
        "Cập nhật",
    ]
    par, pci = table.to_dict("records")  # by index, then indicator
    assert (par["Số"], pci["Số"]) == (2, 1)
    assert (par["Bộ chỉ số"], pci["Bộ chỉ số"]) == ("PAR INDEX", "PCI")
    assert par["Chỉ số"].startswith("Tác động của cải cách hành chính đến người dân")
    assert pci["Chỉ số"] == "Tính minh bạch"
    assert (par["Cơ quan chủ trì"], pci["Cơ quan chủ trì"]) == (
        "Phòng Kế hoạch (ghi tự do)",
        "Sở Nội vụ",  # the unit's name, though nothing was typed
    )
    assert (par["Hạn hoàn thành"], pci["Hạn hoàn thành"]) == ("30/06/2030", "31/01/2020")
    assert (par["Trạng thái"], pci["Trạng thái"]) == ("đang thực hiện", "⚠ chưa bắt đầu · quá hạn")
    assert (par["Tiến độ"], pci["Tiến độ"]) == ("Đã họp", "")  # no note: empty, not "None"
    today = day(date.today(), "vi")
    assert pci["Cập nhật"].startswith(today + " ") and pci["Cập nhật"].endswith(" · lan")


def test_the_actions_read_in_english_with_english_dates_and_the_unit_s_english_name(db_file):
    stored(db_file, LATE)
    (row,) = run(readable_script, "en").session_state["table"].to_dict("records")
    assert row["Agency in charge"] == "Department of Home Affairs"
    assert row["Due"] == "31 Jan 2020"
    assert row["Status"] == "⚠ not started · overdue"


def test_each_indicator_s_actions_in_a_few_words_and_a_dash_where_none(db_file):
    second = Action(
        "01", "PCI", "transparency", "", "Họp báo", "2031-01-01", "done", owner_code="HN-D-TC"
    )
    stored(db_file, LATE, AHEAD, second)
    assert run(readable_script, "vi").session_state["short"] == [
        "Phòng Kế hoạch (ghi tự do): đang thực hiện",
        "Sở Nội vụ: ⚠ chưa bắt đầu · quá hạn; Sở Tài chính: hoàn thành",
        "–",  # informal charges: no action
    ]


@pytest.mark.parametrize(
    ("began", "lang", "expected"),
    [
        # The year before it began is the baseline; every year since follows.
        ("2019-03-01", "vi", "2018: 5,83 → 2019: 6,60 → 2020: 5,81 → 2021: 5,21"),
        ("2019-03-01", "en", "2018: 5.83 → 2019: 6.60 → 2020: 5.81 → 2021: 5.21"),
        # Nothing published since: the baseline alone, and saying so.
        ("2026-12-03", "vi", "2021: 5,21 (chưa có số liệu công bố từ năm 2026)"),
        ("2026-12-03", "en", "2021: 5.21 (nothing published since 2026 yet)"),
    ],
)
def test_the_indicator_since_the_action_began(built, transparency, began, lang, expected):
    assert (
        run(trend_script, transparency, "transparency", began, lang).session_state["trend"]
        == expected
    )


def test_an_indicator_never_published_is_a_dash_and_says_nothing_is_out(built, transparency):
    app = run(trend_script, transparency, "informal_charges", "2026-01-05", "vi")
    assert app.session_state["trend"] == "– (chưa có số liệu công bố từ năm 2026)"


def test_without_actions_a_page_says_none_is_recorded(built):
    app = run(show_script, None)
    assert [c.value for c in app.caption] == ["Chưa có nhiệm vụ khắc phục nào được ghi nhận."]
    assert not app.table and not app.get("download_button")


def test_a_page_counts_the_late_actions_and_lists_them_with_their_files(db_file):
    stored(db_file, LATE, AHEAD)
    app = run(show_script, None)
    assert [w.value for w in app.warning] == ["1 nhiệm vụ đã quá hạn mà chưa hoàn thành."]
    table = as_read(app.table[0])
    # On screen what a leader needs side by side: the index joined to its indicator.
    assert table.columns.tolist() == [
        "Số",
        "Chỉ số",
        "Cơ quan chủ trì",
        "Nội dung",
        "Hạn hoàn thành",
        "Trạng thái",
        "Tiến độ",
    ]
    assert table["Chỉ số"].iloc[1] == "PCI · Tính minh bạch"
    assert len(app.get("download_button")) == 2  # CSV and XLSX


def test_one_index_s_page_lists_its_actions_only(db_file):
    stored(db_file, LATE, AHEAD)
    app = run(show_script, "PAR")
    assert not app.warning  # the late one is PCI's
    assert as_read(app.table[0])["Nội dung"].tolist() == ["Khảo sát người dân"]


def test_beside_its_indicator_an_action_is_shown_as_typed_with_its_trend(db_file, transparency):
    typed = "![x](http://evil.example/x.png) **ngay**"
    stored(
        db_file, Action("01", "PCI", "transparency", "", typed, "2020-01-31", owner_code="HN-D-NV")
    )
    app = run(beside_script, transparency)
    assert app.subheader[0].value == "Nhiệm vụ khắc phục"
    first, second = (m.value for m in app.markdown)
    # Escaped: no image is fetched and nothing is bold; the words are those typed.
    assert first.startswith("**Tính minh bạch** · Sở Nội vụ: ")
    assert "![x](" not in first and "\\!\\[x\\]\\(http" in first and "\\*\\*ngay\\*\\*" in first
    assert second == "Trạng thái: **⚠ chưa bắt đầu · quá hạn** · hạn 31/01/2020 · tiến độ: –"
    # Began today: the baseline is 2021, the last year published before it.
    assert app.caption[0].value == (
        f"Chỉ số từ khi bắt đầu: 2021: 5,21 (chưa có số liệu công bố từ năm {date.today().year})"
    )

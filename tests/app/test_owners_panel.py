"""scores/app/owners_panel.py: the city's units offered as an action's agency in charge, an
owner as a reader sees it, and the departments answering for each national component (an
editor for administrators, read-only for everyone else, with its history)."""

import csv

import duckdb
import pytest
import streamlit as st
from conftest import ROOT, as_read
from streamlit.testing.v1 import AppTest

from scores import db
from scores.roles import Actor
from scores.store import owners
from scores.text import fold

LAN = Actor("lan", "admin")
SAVE = "FormSubmitter:owners_PAR_par_administrative_procedures-Lưu phân công"


def city_units() -> list[dict]:
    with (ROOT / "data" / "city_units.csv").open(encoding="utf-8") as file:
        return list(csv.DictReader(file))


def choices_script(year, lang):
    import streamlit as st

    from scores.app import owners_panel

    st.session_state["lang"] = lang
    choices = owners_panel.owner_choices(year)
    st.session_state["names"] = [choices[code].name_vi for code in choices]
    st.session_state["sets"] = [code[:4] for code in choices]


def label_script(code, text, lang):
    import streamlit as st

    from scores.app import owners_panel

    st.session_state["lang"] = lang
    st.session_state["label"] = owners_panel.owner_label(code, text)
    st.session_state["names"] = owners_panel.department_names(["HN-D-NV", "HN-X", "HN-D-TP"])
    st.session_state["none"] = owners_panel.department_names([])


def pick_script(current):
    import streamlit as st

    from scores.app import owners_panel

    st.session_state["lang"] = "vi"
    st.session_state["picked"] = owners_panel.pick_owner("owner", current)


def mapping_script(index_code):
    import streamlit as st

    from scores.app import owners_panel

    found = owners_panel.mapping(index_code)
    st.session_state["mapping"] = list(zip(found["indicator"], found["owners"], strict=True))


def show_script(index_code):
    from scores.app import owners_panel, state

    owners_panel.show_mapping(index_code, state.scope_index_names())


def run(script, *args) -> AppTest:
    app = AppTest.from_function(script, args=args, default_timeout=30)
    app.run()
    assert not app.exception
    return app


def test_the_owners_offered_are_the_departments_by_name_then_the_districts_to_2024(built):
    app = run(choices_script, 2024, "vi")
    rows = city_units()
    departments = sorted((r["name_vi"] for r in rows if r["unit_set"] == "hn_department"), key=fold)
    districts = sorted((r["name_vi"] for r in rows if r["unit_set"] == "hn_local"), key=fold)
    assert app.session_state["names"] == departments + districts
    assert app.session_state["names"][:2] == [
        "Ban Dân tộc",
        "Ban Quản lý các khu công nghiệp và chế xuất",
    ]


def test_from_2025_no_district_is_offered(built):
    # The districts end in 2024 (data/city_units.csv); the communes and wards are not in it yet.
    app = run(choices_script, 2025, "vi")
    assert set(app.session_state["sets"]) == {"HN-D"}
    assert len(app.session_state["names"]) == 22


def test_the_owners_are_sorted_by_their_name_in_the_reader_s_language(built):
    english = {r["name_vi"]: r["name_en"] for r in city_units()}
    names = [english[name] for name in run(choices_script, 2025, "en").session_state["names"]]
    departments = [r["name_en"] for r in city_units() if r["unit_set"] == "hn_department"]
    assert names == sorted(departments, key=fold)


@pytest.mark.parametrize(
    ("code", "lang", "expected"),
    [
        ("HN-D-TC", "vi", "Sở Tài chính"),
        ("HN-D-TC", "en", "Department of Finance"),
        ("HN-L-BAVI", "vi", "Huyện Ba Vì"),  # a district ended in 2024 is still named
        (None, "vi", "Phòng Kế hoạch (ghi tự do)"),  # typed before owners were units
        ("HN-NOWHERE", "en", "Phòng Kế hoạch (typed)"),
    ],
)
def test_an_owner_reads_as_its_unit_s_name_or_as_free_text_marked(built, code, lang, expected):
    assert run(label_script, code, "Phòng Kế hoạch", lang).session_state["label"] == expected


def test_departments_are_named_in_order_an_unknown_code_kept_and_none_a_dash(built):
    app = run(label_script, None, "", "vi")
    assert app.session_state["names"] == "Sở Nội vụ, HN-X, Sở Tư pháp"
    assert app.session_state["none"] == "–"


@pytest.mark.parametrize(
    ("current", "expected"), [("HN-D-TP", "HN-D-TP"), ("HN-GONE", "HN-D-BDT"), (None, "HN-D-BDT")]
)
def test_the_owner_picker_starts_at_the_current_owner_else_the_first(built, current, expected):
    app = run(pick_script, current)
    picker = app.selectbox(key="owner")
    assert app.session_state["picked"] == expected
    assert picker.value == expected and picker.options[0] == "Ban Dân tộc"


def test_the_mapping_lists_the_components_of_the_method_in_use_today(built):
    with duckdb.connect(str(built), read_only=True) as con:
        today = [
            i
            for (i,) in con.execute(
                "SELECT indicator FROM indicators WHERE index_code = 'PAR'"
                " AND level = 'component' AND last_year IS NULL"
            ).fetchall()
        ]
    found = run(mapping_script, "PAR").session_state["mapping"]
    # The component PAR INDEX dropped after 2021 is not there: no one answers for it now.
    assert sorted(i for i, _ in found) == sorted(today)
    assert len(today) == 8 and all(held == [] for _, held in found)


def test_the_mapping_holds_the_departments_now_responsible(db_file):
    with db.connect(db_file) as con:
        owners.set_owners(con, "PAR", "par_impact", ["HN-D-TP", "HN-D-NV"], LAN)
        owners.set_owners(con, "PAR", "par_impact", ["HN-D-NV"], LAN)
    found = dict(run(mapping_script, "PAR").session_state["mapping"])
    assert found["par_impact"] == ["HN-D-NV"]
    assert found["par_direction"] == []


def test_an_administrator_changes_a_component_s_departments_and_a_viewer_only_reads(db_file):
    st.cache_data.clear()
    app = run(show_script, "PAR")
    assert not app.multiselect  # a viewer reads the mapping
    assert "Chỉ quản trị viên được thay đổi phân công này." in [c.value for c in app.caption]
    assert "Chưa có thay đổi nào về phân công." in [c.value for c in app.caption]
    app.session_state["admin"] = True
    app.run()
    app.selectbox(key="owners_part").set_value("par_administrative_procedures").run()
    picker = app.multiselect(key="owners_pick_PAR_par_administrative_procedures")
    picker.set_value(["HN-D-NV", "HN-D-TP"])
    app.button(key=SAVE).click().run()
    assert not app.exception and not app.error
    assert app.success[0].value.startswith("Đã lưu phân công.")
    with db.connect(db_file, read_only=True) as con:
        held = owners.owners(con, "PAR")
        trail = con.execute("SELECT who FROM audit_log WHERE action = 'owners_changed'").fetchall()
    assert held["owner_code"].tolist() == ["HN-D-NV", "HN-D-TP"]
    assert trail == [("admin (password)",)]
    mapping, history = map(as_read, app.table)
    row = mapping[mapping["Chỉ số thành phần"] == "Cải cách thủ tục hành chính"].iloc[0]
    assert row["Sở, ban, ngành phụ trách"] == "Sở Nội vụ, Sở Tư pháp"
    assert app.expander[0].label == "Lịch sử phân công (1 lần thay đổi)"
    assert history.iloc[0][["Trước", "Sau"]].tolist() == ["–", "Sở Nội vụ, Sở Tư pháp"]

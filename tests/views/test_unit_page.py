"""A department's page, and an action assigned to it: on its page, on the Plan page and on the
plan slide, with the history saying who changed the owner (the components' mapping editor:
tests/app/test_owners_panel.py)."""

from datetime import date

from conftest import as_read, open_view

from scores import db
from scores.analysis.actions import overdue_by_unit
from scores.catalog import Provinces
from scores.export.briefing import pack
from scores.export.slides import Context
from scores.roles import Actor
from scores.store import owners
from scores.store.actions import Action, add, change, history

HOA = Actor("hoa", "editor")
LAN = Actor("lan", "admin")
TEXT = "Rà soát thủ tục cấp sở"


def assigned(db_file) -> int:
    """An overdue action first given to the Department of Finance, then moved by lan to the
    Department of Home Affairs; the administrative-procedures component owned by Home Affairs."""
    with db.connect(db_file) as con:
        found = Action(
            "01", "PCI", "informal_charges", "", TEXT, "2026-01-31", owner_code="HN-D-TC"
        )
        action_id = add(con, found, HOA)
        change(con, action_id, LAN, owner_code="HN-D-NV")
        owners.set_owners(con, "PCI", "informal_charges", ["HN-D-NV"], LAN)
    return action_id


def actions_in(app) -> list[str]:
    return [row for table in app.table for row in as_read(table).astype(str).sum(axis=1)]


def test_an_assigned_action_is_on_its_department_page_the_plan_and_the_slide(app, db_file):
    action_id = assigned(db_file)
    open_view(app, "unit", unit="HN-D-NV")
    assert app.title[0].value == "Sở Nội vụ"
    assert any(TEXT in row for row in actions_in(app))
    assert app.warning[-1].value == "Quá hạn mà chưa hoàn thành: 1 nhiệm vụ."
    app.selectbox(key="unit").set_value("HN-D-TC").run()  # no longer Finance's
    assert app.title[0].value == "Sở Tài chính"
    assert not any(TEXT in row for row in actions_in(app))
    open_view(app, "plan", index="PCI")
    (plan,) = [t for t in map(as_read, app.table) if "Cơ quan chủ trì" in t]  # the actions
    assert plan[plan["Nội dung"] == TEXT]["Cơ quan chủ trì"].tolist() == ["Sở Nội vụ"]
    with db.connect(db_file, read_only=True) as con:
        provinces = Provinces(con)
        load = lambda n, **p: db.query(con, n, **p)  # noqa: E731
        (slide,) = pack(Context(load, provinces, provinces.by_key("01"), 2024, "vi"), ["plan"])
        versions = history(con, action_id)
        late = overdue_by_unit(con, date.today())
    assert any(f"Sở Nội vụ: {TEXT}" in line for line in slide.sentences)
    assert versions[["owner_code", "updated_by"]].values.tolist() == [
        ["HN-D-TC", "hoa"],
        ["HN-D-NV", "lan"],
    ]
    assert late == {"HN-D-NV": 1}


def test_the_page_shows_the_city_index_the_components_owned_and_hanoi_s_standing(app, db_file):
    assigned(db_file)
    open_view(app, "unit", unit="HN-D-NV")
    metrics = {m.label: m.value for m in app.metric}
    # 2024, as printed: Sở Nội vụ first with 95.77; the seed holds only that row (partial).
    assert metrics == {"Điểm": "95,77", "Xếp hạng": "1/22"}
    assert app.subheader[0].value == "Chỉ số CCHC sở, ban, ngành năm 2024"
    assert "chưa đầy đủ" in app.warning[0].value
    ranks = as_read(app.table[0])
    assert ranks["Năm"].tolist() == ["2024", "2023", "2022"]
    assert ranks["Xếp hạng"].tolist() == ["1/22", "1/22", "2/21"]
    # 2022 -> 2023 crosses the 2023 revision of the criteria: no "up 1 place".
    assert ranks["Thay đổi so với năm có dữ liệu trước"].tolist() == [
        "=",
        "không so sánh: bộ tiêu chí sửa đổi năm 2023",
        "–",
    ]
    owned = as_read(app.table[1])
    row = owned[owned["Chỉ số thành phần"] == "Chi phí không chính thức"].iloc[0]
    assert (row["Bộ chỉ số"], row["Năm gần nhất"]) == ("PCI", "2021")
    assert row["Hà Nội: điểm, xếp hạng"].endswith("/63")


def test_the_department_page_in_english(app, db_file):
    assigned(db_file)
    open_view(app, "unit", unit="HN-D-NV", lang="en")
    assert app.title[0].value == "Department of Home Affairs"
    assert {m.label: m.value for m in app.metric} == {"Score": "95.77", "Rank": "1 of 22"}
    assert app.warning[0].value.startswith("The 2024 figures are partial")

"""scores/app/action_forms.py: the editor's two forms, behind the sign-in, store a sound action
and a change of status, note and owner as a new version, and refuse a wrong one with a
sentence, storing nothing."""

from scores.app import access
from scores.i18n import t
from scores.roles import Actor
from tests.app.test_actions_panel import LATE, run, stored, versions

ADD = "FormSubmitter:action_add-Thêm nhiệm vụ"
SAVE = "FormSubmitter:action_change-Lưu"
NOT_CONFIGURED = t("admin.not_configured", "vi")


def editor_script():
    from scores.app import action_forms

    action_forms.show("01", {"PAR": "PAR INDEX", "PCI": "PCI"})


def test_the_forms_are_not_offered_without_signing_in(built):
    app = run(editor_script)
    assert not app.get("selectbox") and not app.text_area
    # No password set up here and no identity provider: the sign-in says so.
    assert [c.value for c in app.caption] == [NOT_CONFIGURED]


def test_an_administrator_adds_an_action_and_a_wrong_one_changes_nothing(db_file):
    app = run(editor_script)
    app.session_state["admin"] = True
    app.run()
    app.selectbox(key="action_index").set_value("PCI").run()
    # The indicators offered follow the index chosen.
    offered = app.selectbox(key="action_indicator").options
    assert "Chi phí không chính thức" in offered and "Tính minh bạch" in offered
    app.selectbox(key="action_indicator").set_value("informal_charges")
    # The agency is one of the city's units, chosen, not typed: departments by name (in 2026
    # no district exists, and the communes are not in data/city_units.csv yet).
    owners = app.selectbox(key="action_owner")
    assert owners.options[:2] == ["Ban Dân tộc", "Ban Quản lý các khu công nghiệp và chế xuất"]
    assert len(owners.options) == 22
    owners.set_value("HN-D-TC")
    assert not app.get("form")[1:]  # no action yet: no form to change one
    app.button(key=ADD).click().run()
    assert [e.value for e in app.error] == ["Cần ghi nội dung nhiệm vụ."]
    assert versions(db_file).empty
    app.text_area(key="action_text").input("Công khai mọi khoản phí")
    app.button(key=ADD).click().run()
    assert not app.exception and not app.error
    assert app.success[0].value == "Đã lưu. Mọi thay đổi đều được giữ lại trong lịch sử."
    found = versions(db_file)
    assert found[["indicator", "owner_code", "owner", "status", "updated_by"]].values.tolist() == [
        ["informal_charges", "HN-D-TC", "Sở Tài chính", "planned", "admin (password)"]
    ]


def test_an_administrator_changes_an_action_s_status_progress_and_owner(db_file):
    stored(db_file, LATE)
    app = run(editor_script)
    app.session_state["admin"] = True
    app.run()
    picker = app.selectbox(key="action_pick")
    assert picker.options == ["1 · Công khai mọi khoản phí"]
    app.selectbox(key="action_new_status").set_value("done")
    app.text_input(key="action_note").input("Đã công khai trên cổng thông tin")
    keep = app.selectbox(key="action_new_owner")
    assert keep.options[0] == "Giữ nguyên cơ quan chủ trì" and keep.value == ""
    keep.set_value("HN-D-TC")
    app.button(key=SAVE).click().run()
    assert not app.exception and not app.error
    assert app.success[0].value.startswith("Đã lưu.")
    found = versions(db_file).fillna("")
    assert found[["version", "status", "note", "owner_code", "owner"]].values.tolist() == [
        [1, "planned", "", "HN-D-NV", "Sở Nội vụ"],  # the first version kept
        [2, "done", "Đã công khai trên cổng thông tin", "HN-D-TC", "Sở Tài chính"],
    ]


def test_a_progress_note_breaking_the_text_rule_is_refused_in_a_sentence(db_file):
    stored(db_file, LATE)
    app = run(editor_script)
    app.session_state["admin"] = True
    app.run()
    app.text_input(key="action_note").input("Xong\u202e 2026-12-31")
    app.button(key=SAVE).click().run()
    assert [e.value for e in app.error] == [
        "Ghi chú tiến độ: ký tự thứ 5 là một dấu đổi chiều viết vô hình (U+202E), có thể làm "
        "ngày tháng và con số bị đọc ngược. Hãy xoá ký tự đó; chưa lưu gì."
    ]
    assert not app.success and len(versions(db_file)) == 1


def test_a_role_taken_away_before_the_write_is_refused_and_stores_nothing(db_file, monkeypatch):
    stored(db_file, LATE)
    app = run(editor_script)
    app.session_state["admin"] = True
    app.run()
    # The page let the form through; the person's role at the moment of writing is a viewer's.
    monkeypatch.setattr(access, "gate", lambda needed, key: True)
    monkeypatch.setattr(access, "actor", lambda: Actor("an@hanoi.gov.vn", "viewer"))
    app.selectbox(key="action_new_status").set_value("done")
    app.button(key=SAVE).click().run()
    assert not app.exception and not app.success
    assert len(app.error) == 1 and "an@hanoi.gov.vn" in app.error[0].value
    assert len(versions(db_file)) == 1

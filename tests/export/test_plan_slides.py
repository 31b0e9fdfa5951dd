"""The plan slide kind: the remediation plan's progress, overdue first, continued over slides."""

from scores import db
from scores.export.plan_slides import PER_SLIDE
from scores.export.slide_kinds import pack
from scores.roles import Actor
from scores.store.actions import Action, add, change
from tests.export.test_briefing import context

EDITOR = Actor("Sở Nội vụ", "editor")


def test_the_plan_slide_lists_the_actions_overdue_first(db_file):
    with db.connect(db_file) as con:
        add(
            con,
            Action("01", "PCI", "informal_charges", "Sở Tài chính", "Công khai phí", "2030-06-30"),
            EDITOR,
        )
        late = add(
            con,
            Action("01", "PAPI", "D8_e_governance", "Sở KH&CN", "Cổng dịch vụ", "2020-01-31"),
            EDITOR,
        )
        change(con, late, EDITOR, status="in_progress")
    (slide,) = pack(context(db_file, "vi"), ["plan"])
    assert slide.title == "Hà Nội: tiến độ khắc phục"
    assert slide.sentences[0] == (
        "2 nhiệm vụ: 0 hoàn thành, 1 đang thực hiện, 1 chưa bắt đầu, 0 tạm dừng; 1 quá hạn."
    )
    assert slide.sentences[1].startswith("PAPI · Quản trị điện tử — Sở KH&CN: Cổng dịch vụ")
    assert slide.sentences[1].endswith("(hạn 31/01/2020; ⚠ đang thực hiện · quá hạn)")
    assert slide.sentences[2].endswith("(hạn 30/06/2030; chưa bắt đầu)")
    assert slide.source.startswith("kế hoạch khắc phục trong ứng dụng")
    (english,) = pack(context(db_file, "en"), ["plan"])
    assert english.sentences[1].endswith("(due 31 Jan 2020; ⚠ in progress · overdue)")


def test_no_plan_slide_where_the_province_has_no_action(built_db):
    """The built database holds no action (the plan is typed in the app)."""
    assert pack(context(built_db, "vi"), ["plan"]) == []


def test_a_long_plan_continues_with_the_summary_said_once_on_screen(db_file):
    """Seven actions: five on the first slide under the summary, two on the second; each
    slide's notes open with the summary, for whoever presents the second one."""
    with db.connect(db_file) as con:
        for day in range(1, 8):
            due = f"2030-01-{day:02d}"
            add(
                con,
                Action("01", "PCI", "informal_charges", "Sở Tài chính", f"Việc {day}", due),
                EDITOR,
            )
    first, second = pack(context(db_file, "vi"), ["plan"])
    assert PER_SLIDE == 5
    assert (first.title, second.title) == (
        "Hà Nội: tiến độ khắc phục (1/2)",
        "Hà Nội: tiến độ khắc phục (2/2)",
    )
    summary = "7 nhiệm vụ: 0 hoàn thành, 0 đang thực hiện, 7 chưa bắt đầu, 0 tạm dừng; 0 quá hạn."
    assert first.sentences[0] == summary and len(first.sentences) == 1 + PER_SLIDE
    assert [line.split(": ")[1].split(" (")[0] for line in second.sentences] == ["Việc 6", "Việc 7"]
    assert first.notes[0] == second.notes[0] == summary


def test_an_action_s_progress_note_follows_its_line(db_file):
    with db.connect(db_file) as con:
        done = add(
            con,
            Action("01", "PCI", "informal_charges", "Sở Tài chính", "Công khai phí", "2030-06-30"),
            EDITOR,
        )
        change(con, done, EDITOR, note="Đã đăng 12 khoản phí lên cổng thông tin")
    (slide,) = pack(context(db_file, "vi"), ["plan"])
    assert slide.sentences[1].endswith(
        "(hạn 30/06/2030; chưa bắt đầu) Tiến độ: Đã đăng 12 khoản phí lên cổng thông tin"
    )
    (english,) = pack(context(db_file, "en"), ["plan"])
    assert english.sentences[1].endswith(" Progress: Đã đăng 12 khoản phí lên cổng thông tin")

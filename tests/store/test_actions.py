"""Remediation actions: add, change, history, overdue, refusals; never a score or a release."""

from datetime import date

import pandas as pd
import pytest
from conftest import assert_unchanged, snapshot

from scores import db
from scores.errors import Refused
from scores.i18n import describe
from scores.roles import Actor, NotAllowed
from scores.store.actions import Action, add, change, history
from scores.text import TextRefused

HOA = Actor("hoa", "editor")
LAN = Actor("lan", "admin")

ACTION = Action("01", "PCI", "informal_charges", "Sở Tài chính", "Công khai phí", "2026-12-31")


def actions_table(con) -> pd.DataFrame:
    return con.execute("SELECT * FROM actions ORDER BY action_id, version").df()


def test_add_then_change_keeps_every_version(con):
    first = add(con, ACTION, HOA)
    second = add(con, ACTION, HOA)
    assert (first, second) == (1, 2)
    assert change(con, first, LAN, status="in_progress", note="Đã họp") == 2
    assert change(con, first, LAN, due="2027-03-31") == 3
    versions = history(con, first)
    assert versions["version"].tolist() == [1, 2, 3]
    assert versions["status"].tolist() == ["planned", "in_progress", "in_progress"]
    assert versions["note"].tolist()[1:] == ["Đã họp", "Đã họp"]  # kept from the last version
    assert versions["updated_by"].tolist() == ["hoa", "lan", "lan"]
    assert [d.date() for d in versions["due"]] == [date(2026, 12, 31)] * 2 + [date(2027, 3, 31)]
    current = db.query(con, "actions_by_province", province_code="01", index_code="PCI")
    assert current[["action_id", "version", "status"]].values.tolist() == [
        [1, 3, "in_progress"],
        [2, 1, "planned"],
    ]
    assert current["began_at"].iloc[0] == versions["updated_at"].iloc[0]


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"indicator": "nope"}, "indicator"),
        ({"index_code": "XYZ"}, "index"),
        ({"province_code": "99"}, "province"),
        ({"province_code": "28"}, "province"),  # Hà Tây: not a unit of today
        ({"due": "31/12/2026"}, "due"),
        ({"due": "2026-02-30"}, "due"),
        ({"status": "finished"}, "status"),
        ({"owner": "  "}, "owner"),
    ],
)
def test_bad_input_is_refused_and_stores_nothing(con, changes, key):
    before = actions_table(con)
    with pytest.raises(Refused) as refused:
        add(con, Action(**{**ACTION.__dict__, **changes}), HOA)
    assert [found.rule for found in refused.value.problems] == [key]
    pd.testing.assert_frame_equal(actions_table(con), before)


def test_a_refused_action_is_worded_once_naming_its_value(con):
    with pytest.raises(Refused) as refused:
        add(con, Action(**{**ACTION.__dict__, "status": "finished", "owner": ""}), HOA)
    status, owner = (describe(problem, "en") for problem in refused.value.problems)
    assert status.count("“finished”") == 1 and "planned, in_progress, done, paused" in status
    assert owner == "The agency in charge is required."


def test_a_bad_change_or_an_unknown_id_stores_nothing(con):
    add(con, ACTION, HOA)
    before = actions_table(con)
    with pytest.raises(Refused):
        change(con, 1, HOA, status="finished")
    with pytest.raises(LookupError):
        change(con, 9, HOA, status="done")
    pd.testing.assert_frame_equal(actions_table(con), before)


def test_a_viewer_is_refused_at_the_write_and_nothing_is_stored(con):
    add(con, ACTION, HOA)
    before = actions_table(con)
    viewer = Actor("khach", "viewer")
    with pytest.raises(NotAllowed):
        add(con, ACTION, viewer)
    with pytest.raises(NotAllowed):
        change(con, 1, viewer, status="done")
    pd.testing.assert_frame_equal(actions_table(con), before)


def test_every_action_change_is_in_the_audit_log_with_who_and_before_after(con):
    action_id = add(con, ACTION, HOA)
    change(con, action_id, LAN, status="in_progress")
    log = con.execute(
        "SELECT who, role, action, index_code, before, after FROM audit_log"
        " WHERE action = 'action_changed' ORDER BY changed_at"
    ).df()
    assert log[["who", "role", "index_code"]].values.tolist() == [
        ["hoa", "editor", "PCI"],
        ["lan", "admin", "PCI"],
    ]
    assert pd.isna(log["before"].iloc[0])
    assert '"status": "planned"' in log["before"].iloc[1]
    assert '"status": "in_progress"' in log["after"].iloc[1]
    assert '"title": "Công khai phí"' in log["after"].iloc[1]


def test_actions_never_change_scores_or_releases(con):
    before = snapshot(con)
    action_id = add(con, ACTION, HOA)
    change(con, action_id, HOA, status="done")
    assert_unchanged(before, con)


# The text rule (issue #23) at the write: nothing stored, and the field and rule named.
@pytest.mark.parametrize(
    ("changes", "field", "rule"),
    [
        ({"action": "x" * 1_000_000}, "action", "too_long"),  # a 1 MB action slowed every page
        ({"owner": "Sở Tài chính" + "x" * 200}, "owner", "too_long"),
        ({"note": "Đã họp\x07"}, "note", "control"),  # broke the actions XLSX download
        # An RTL override would show the due date "2026-12-31" after it as "13-21-6202".
        ({"owner": "Sở Tài chính \u202e"}, "owner", "bidi"),
        ({"action": "Công khai phí\u200f"}, "action", "bidi"),
    ],
)
def test_text_breaking_the_rule_is_refused_and_stores_nothing(con, changes, field, rule):
    before, trail = actions_table(con), con.execute("SELECT count(*) FROM audit_log").fetchone()
    with pytest.raises(TextRefused) as refused:
        add(con, Action(**{**ACTION.__dict__, **changes}), HOA)
    assert (refused.value.field, refused.value.rule) == (field, rule)
    pd.testing.assert_frame_equal(actions_table(con), before)
    assert con.execute("SELECT count(*) FROM audit_log").fetchone() == trail


def test_a_change_breaking_the_text_rule_keeps_the_last_version(con):
    add(con, ACTION, HOA)
    with pytest.raises(TextRefused):
        change(con, 1, HOA, note="\u202eĐã xong")
    assert history(con, 1)["version"].tolist() == [1]

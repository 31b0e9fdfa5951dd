"""The actions' analysis: overdue, a province's progress, a component's trend since an action
began, and the overdue actions counted by the city unit in charge."""

from datetime import date

import pandas as pd

from scores import db
from scores.analysis.actions import overdue_by_unit, progress, since_began, with_overdue
from scores.roles import Actor
from scores.store.actions import Action, add, change

HOA = Actor("hoa", "editor")
ACTION = Action("01", "PCI", "informal_charges", "Sở Tài chính", "Công khai phí", "2026-12-31")


def action(**fields) -> Action:
    base = Action("01", "PCI", "informal_charges", "", "Công khai phí", "2026-12-31")
    return Action(**{**base.__dict__, **fields})


def test_overdue_when_due_has_passed_and_not_done():
    frame = pd.DataFrame(
        {
            "due": pd.to_datetime(["2026-11-25", "2026-11-25", "2026-11-26", "2026-11-27"]),
            "status": ["in_progress", "done", "planned", "paused"],
        }
    )
    assert with_overdue(frame, date(2026, 11, 26))["overdue"].tolist() == [
        True,
        False,
        False,
        False,
    ]


def test_progress_reads_the_province_s_actions(con):
    add(con, ACTION, HOA)
    add(con, Action(**{**ACTION.__dict__, "province_code": "79"}), HOA)
    found = progress(lambda name, **p: db.query(con, name, **p), "01", date(2027, 1, 1))
    assert found[["province_code", "overdue"]].values.tolist() == [["01", True]]


def test_trend_since_began_starts_at_the_year_before():
    history_ = pd.DataFrame(
        {
            "indicator": ["a"] * 4 + ["b"],
            "year": [2019, 2020, 2021, 2022, 2021],
            "value": [1.0, 2.0, None, 4.0, 9.0],
        }
    )
    found = since_began(history_, "a", date(2021, 5, 1))
    assert found.values.tolist() == [[2020, 2.0], [2022, 4.0]]


def test_overdue_by_unit_counts_each_unit_s_late_actions_and_leaves_free_text_out(con):
    add(con, action(owner_code="HN-D-NV", due="2026-01-31"), HOA)
    add(con, action(owner_code="HN-D-NV", due="2026-02-28"), HOA)
    done = add(con, action(owner_code="HN-D-TC", due="2026-01-31"), HOA)
    change(con, done, HOA, status="done")
    add(con, action(owner_code="HN-D-TP", due="2027-01-31"), HOA)  # not due yet
    add(con, action(owner="Tổ công tác", due="2026-01-31"), HOA)
    assert overdue_by_unit(con, date(2026, 6, 1)) == {"HN-D-NV": 2}
    assert overdue_by_unit(con, date(2027, 6, 1)) == {"HN-D-NV": 2, "HN-D-TP": 1}

"""Owners: an action's agency in charge is a city unit, components name their departments, and
every change of either is kept with who made it."""

import json

import duckdb
import pandas as pd
import pytest
from conftest import assert_unchanged, snapshot

from scores import db
from scores.errors import Refused
from scores.i18n import describe
from scores.roles import Actor, NotAllowed
from scores.store import owners
from scores.store.actions import Action, add, change, history

HOA = Actor("hoa", "editor")
LAN = Actor("lan", "admin")
PAR = ("PAR", "par_administrative_procedures")


def action(**fields) -> Action:
    base = Action("01", "PCI", "informal_charges", "", "Công khai phí", "2026-12-31")
    return Action(**{**base.__dict__, **fields})


def test_a_unit_code_is_stored_and_its_name_becomes_the_owner(con):
    action_id = add(con, action(owner_code="HN-D-NV"), HOA)
    stored = history(con, action_id).iloc[-1]
    assert (stored["owner_code"], stored["owner"]) == ("HN-D-NV", "Sở Nội vụ")


def test_a_typed_owner_naming_a_unit_gets_its_code_and_another_keeps_its_text(con):
    named = add(con, action(owner="Sở TN&MT"), HOA)
    other = add(con, action(owner="Tổ công tác liên ngành"), HOA)
    assert history(con, named).iloc[-1]["owner_code"] == "HN-D-TNMT"
    kept = history(con, other).iloc[-1]
    assert kept["owner"] == "Tổ công tác liên ngành"
    assert pd.isna(kept["owner_code"])


def test_a_district_is_an_owner_only_in_the_years_it_existed(con):
    add(con, action(owner_code="HN-L-CAUGIAY", due="2024-12-31"), HOA)
    with pytest.raises(Refused):
        add(con, action(owner_code="HN-L-CAUGIAY", due="2026-12-31"), HOA)


def test_an_unknown_code_is_refused_naming_the_field_with_suggestions_and_nothing_stored(con):
    before = snapshot(con)
    stored = con.execute("SELECT count(*) FROM actions").fetchone()
    with pytest.raises(Refused) as refused:
        add(con, action(owner_code="HN-D-NVV"), HOA)
    problem = refused.value.problems[0]
    assert problem.rule == "owner_code"
    sentence = describe(problem, "vi")
    assert "owner_code" in sentence and "Sở Nội vụ (HN-D-NV)" in sentence
    assert con.execute("SELECT count(*) FROM actions").fetchone() == stored
    assert_unchanged(before, con)


def test_changing_the_owner_records_who_changed_it_in_the_history_and_the_trail(con):
    action_id = add(con, action(owner_code="HN-D-TC"), HOA)
    change(con, action_id, LAN, owner_code="HN-D-TP")
    versions = history(con, action_id)
    assert versions["owner_code"].tolist() == ["HN-D-TC", "HN-D-TP"]
    assert versions["updated_by"].tolist() == ["hoa", "lan"]
    last = con.execute(
        "SELECT who, before, after FROM audit_log WHERE action = 'action_changed'"
        " ORDER BY changed_at DESC LIMIT 1"
    ).fetchone()
    assert last[0] == "lan"
    assert (json.loads(last[1])["owner_code"], json.loads(last[2])["owner_code"]) == (
        "HN-D-TC",
        "HN-D-TP",
    )


def test_a_new_typed_owner_drops_the_old_code(con):
    action_id = add(con, action(owner_code="HN-D-TC"), HOA)
    change(con, action_id, HOA, owner="Tổ công tác liên ngành")
    assert pd.isna(history(con, action_id).iloc[-1]["owner_code"])


def test_an_upgrade_maps_free_text_owners_that_name_a_unit(con):
    con.execute(db.sql("insert_action"), legacy(1, "VP UBND TP"))
    con.execute(db.sql("insert_action"), legacy(2, "Ban chỉ đạo"))
    assert owners.map_free_text(con) == 1
    codes = con.execute("SELECT owner, owner_code FROM actions ORDER BY action_id").fetchall()
    assert codes == [("VP UBND TP", "HN-D-VP"), ("Ban chỉ đạo", None)]


def legacy(action_id: int, owner: str) -> dict:
    """An action row as a database made before owner_code holds it."""
    return {
        "action_id": action_id,
        "version": 1,
        "province_code": "01",
        "index_code": "PCI",
        "indicator": "informal_charges",
        "owner": owner,
        "action": "Việc cũ",
        "due": "2026-06-30",
        "status": "planned",
        "note": None,
        "updated_at": "2026-01-05 09:00:00",
        "updated_by": "hoa",
        "owner_code": None,
    }


# The insert of a database made before owner_code (its twelve columns, named).
OLD_INSERT = (
    "INSERT INTO actions VALUES ($action_id, $version, $province_code, $index_code, $indicator,"
    " $owner, $action, $due, $status, $note, $updated_at, $updated_by)"
)


def test_an_old_database_gains_the_column_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as old:
        old.execute(
            "CREATE TABLE actions (action_id INTEGER NOT NULL, version INTEGER NOT NULL,"
            " province_code TEXT NOT NULL, index_code TEXT NOT NULL, indicator TEXT NOT NULL,"
            " owner TEXT NOT NULL, action TEXT NOT NULL, due DATE NOT NULL, status TEXT NOT NULL,"
            " note TEXT, updated_at TIMESTAMP NOT NULL, updated_by TEXT NOT NULL,"
            " PRIMARY KEY (action_id, version))"
        )
        row = legacy(1, "Sở Nội vụ")
        del row["owner_code"]
        old.execute(OLD_INSERT, row)
    with db.connect(path) as con:
        assert con.execute("SELECT owner, owner_code FROM actions").fetchall() == [
            ("Sở Nội vụ", None)
        ]


def test_set_owners_keeps_the_mapping_and_its_history(con):
    first = owners.set_owners(con, *PAR, ["HN-D-NV", "HN-D-VP"], LAN)
    second = owners.set_owners(con, *PAR, ["HN-D-NV", "HN-D-TP"], Actor("minh", "admin"))
    assert first < second
    assert owners.set_owners(con, *PAR, ["HN-D-TP", "HN-D-NV"], LAN) == 0  # nothing new
    now = owners.owners(con, "PAR")
    assert now["owner_code"].tolist() == ["HN-D-NV", "HN-D-TP"]
    lines = owners.owner_history(con, "PAR")
    assert lines["changed_by"].tolist() == ["minh", "lan"]  # newest first
    assert lines.iloc[0]["before"] == ["HN-D-NV", "HN-D-VP"]
    assert lines.iloc[0]["after"] == ["HN-D-NV", "HN-D-TP"]
    trail = con.execute(
        "SELECT who, before, after FROM audit_log WHERE action = 'owners_changed'"
        " ORDER BY changed_at"
    ).fetchall()
    assert [who for who, _, _ in trail] == ["lan", "minh"]
    assert json.loads(trail[1][1])["owners"] == ["HN-D-NV", "HN-D-VP"]
    assert json.loads(trail[1][2])["owners"] == ["HN-D-NV", "HN-D-TP"]


def test_only_an_administrator_sets_owners(con):
    before = snapshot(con)
    with pytest.raises(NotAllowed):
        owners.set_owners(con, *PAR, ["HN-D-NV"], HOA)
    assert owners.owners(con).empty
    assert_unchanged(before, con)


@pytest.mark.parametrize(
    ("component", "codes", "rule"),
    [(PAR, ["HN-L-CAUGIAY"], "owner_code"), (("PAR", "no_such"), ["HN-D-NV"], "no_component")],
)
def test_a_district_or_an_unknown_component_is_refused(con, component, codes, rule):
    with pytest.raises(Refused) as refused:
        owners.set_owners(con, *component, codes, LAN)
    assert refused.value.problems[0].rule == rule
    assert describe(refused.value.problems[0], "en")
    assert owners.owners(con).empty

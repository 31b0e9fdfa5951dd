"""Every change as a sentence a leader reads: who, what, before and after, when."""

import json
from datetime import datetime
from types import SimpleNamespace

from scores.app.changes import sentence

AT = datetime(2026, 11, 26, 14, 5)
NAMES = {"PAR": "PAR INDEX"}


def change(action: str, before: dict | None, after: dict, who: str = "admin") -> SimpleNamespace:
    """A row as audit_log_by_time gives it (JSON text, NULL as None)."""
    return SimpleNamespace(
        action=action,
        who=who,
        index_code="PAR",
        year=float("nan"),
        changed_at=AT,
        before=json.dumps(before) if before is not None else None,
        after=json.dumps(after),
    )


RANK_5 = {"kind": "rank_at_most", "threshold": 5}


def test_a_target_edit_says_its_goal_before_and_after():
    row = change("target_edited", RANK_5, {**RANK_5, "threshold": 3}, who="cli:lan")
    assert sentence(row, NAMES, "en") == (
        "from the command line, by lan changed the PAR INDEX target from “among the top 5"
        " provinces” to “among the top 3 provinces” at 14:05 on 26 Nov 2026."
    )


def test_a_target_without_a_before_is_a_new_one():
    said = sentence(change("target_edited", None, RANK_5), NAMES, "en")
    assert said.startswith("administrator set a PAR INDEX target: “among the top 5 provinces”")


def test_a_rebuild_without_a_backup_says_the_imported_releases_are_gone():
    lost = sentence(change("rebuilt", {}, {}), NAMES, "en")
    kept = sentence(change("rebuilt", {}, {"backup": "scores.duckdb.backup-1"}), NAMES, "en")
    assert "imported releases are gone" in lost and "scores.duckdb.backup-1" in kept

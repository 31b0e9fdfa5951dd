"""Every write refuses a role below the one it needs, at the moment of writing; every change is
recorded with who made it; nothing in the code or the command line changes the recorded trail."""

import json
import re

import pytest
from conftest import ROOT, assert_unchanged, snapshot

from scores import db
from scores.__main__ import main
from scores.i18n import t
from scores.ingest.importer import prepare
from scores.roles import Actor, NotAllowed
from scores.store import audit
from scores.store import releases as store
from scores.store.imports import commit
from scores.store.targets import Target, save

UPLOAD = "STT,Tỉnh/thành phố,Chỉ số SIPAS\n1,TP. Hà Nội,87.1\n2,Hải Phòng,90.2\n".encode()
TARGET = Target(2, "01", "SIPAS", "sipas_total", "value_at_least", 90.0, 2025, None, "Kế hoạch")
VIEWER, EDITOR = Actor("khach@example.com", "viewer"), Actor("b@hanoi.gov.vn", "editor")
ADMIN = Actor("Nguyễn Văn A", "admin")


def trail(con) -> list[tuple]:
    return con.execute(
        "SELECT who, role, action, index_code, year, before, after FROM audit_log"
        " ORDER BY changed_at"
    ).fetchall()


def targets(con) -> list[tuple]:
    return con.execute("SELECT * FROM targets ORDER BY target_id").fetchall()


def import_as(con, actor: Actor) -> int:
    prepared = prepare(con, UPLOAD, "sipas_2024.csv", "SIPAS", 2024)
    return commit(con, prepared, store.Source(imported_by=actor.name), actor, partial=True)


def superseded(con) -> int:
    """A release that may be restored: SIPAS 2024's first version, once a second is imported."""
    import_as(con, EDITOR)
    return con.execute(
        "SELECT release_id FROM releases WHERE index_code = 'SIPAS' AND year = 2024 AND version = 1"
    ).fetchone()[0]


@pytest.mark.parametrize(
    ("write", "below"),
    [
        (lambda con, actor: import_as(con, actor), [VIEWER]),
        (lambda con, actor: store.restore(con, 1, actor), [VIEWER, EDITOR]),
        (lambda con, actor: save(con, TARGET, actor), [VIEWER, EDITOR]),
    ],
    ids=["import", "restore", "target"],
)
def test_each_write_refuses_each_role_below_it(con, write, below):
    before, kept = snapshot(con), targets(con)
    for actor in below:
        with pytest.raises(NotAllowed):
            write(con, actor)
    assert_unchanged(before, con)
    assert targets(con) == kept and trail(con) == []


def test_each_change_is_recorded_with_who_made_it(con):
    release_id = import_as(con, EDITOR)
    old = superseded(con)
    store.restore(con, old, ADMIN)
    save(con, TARGET, ADMIN)
    imported, _second, restored, target = trail(con)
    assert imported[:5] == ("b@hanoi.gov.vn", "editor", "release_imported", "SIPAS", 2024)
    assert json.loads(imported[6]) == {
        "release_id": release_id,
        "version": 2,
        "file_name": "sipas_2024.csv",
    }
    assert restored[:5] == ("Nguyễn Văn A", "admin", "restored", "SIPAS", 2024)
    assert json.loads(restored[5])["version"] == 3 and json.loads(restored[6])["version"] == 1
    assert target[:3] == ("Nguyễn Văn A", "admin", "target_edited")
    assert json.loads(target[5])["threshold"] == 85.0  # the target as it was
    assert json.loads(target[6])["threshold"] == 90.0


def test_an_unknown_kind_of_change_is_not_recorded(con):
    with pytest.raises(ValueError):
        audit.record(con, ADMIN, "erased")
    assert trail(con) == []


# Words that would change a row of the trail, in any SQL or Python of the project.
CHANGING = re.compile(
    r"(UPDATE|DELETE\s+FROM|DROP\s+TABLE|TRUNCATE|ALTER\s+TABLE|INSERT\s+OR\s+REPLACE\s+INTO)"
    r"\s+(IF\s+EXISTS\s+)?audit_log",
    re.IGNORECASE,
)


def test_no_code_path_updates_or_deletes_the_trail():
    files = [*ROOT.glob("queries/*.sql"), *ROOT.glob("scores/**/*.py"), *ROOT.glob("views/*.py")]
    files += [ROOT / "dashboard.py", ROOT / "scores" / "schema.sql"]
    assert not [f for f in files if CHANGING.search(f.read_text(encoding="utf-8"))]
    # Only two statements write to it, both appends; the schema only creates it.
    writers = {f.name for f in ROOT.glob("queries/*.sql") if "INTO audit_log" in f.read_text()}
    assert writers == {"insert_audit_log.sql", "insert_audit_log_from_frame.sql"}


@pytest.mark.slow  # runs every command, `build --fresh` too: the whole database rebuilt
def test_no_command_changes_what_the_trail_holds(db_file, tmp_path, capsys):
    con = db.connect(db_file)
    old = superseded(con)
    recorded = trail(con)
    con.close()
    upload = tmp_path / "sipas_2024.csv"
    upload.write_bytes(UPLOAD)
    commands = [
        ["releases"],
        ["export"],
        [
            "import",
            str(upload),
            "--index",
            "SIPAS",
            "--year",
            "2024",
            "--by",
            "Trần Thị B",
            "--partial",
        ],
        ["restore", str(old), "--by", "Trần Thị B"],
        ["build"],  # an upgrade with nothing changed in data/: no line
        ["build", "--fresh"],
    ]
    for command in commands:
        assert main([*command, "--db", str(db_file)]) == 0
        with db.connect(db_file, read_only=True) as con:
            now = trail(con)
        assert now[: len(recorded)] == recorded, command  # appended to, never changed
        recorded = now
    assert [row[:3] for row in recorded[-3:]] == [
        # Marked as the command line: the trail tells `--by X` from X signed in to the app.
        ("cli:Trần Thị B", "admin", "release_imported"),
        ("cli:Trần Thị B", "admin", "restored"),
        (recorded[-1][0], "admin", "rebuilt"),
    ]


SENTENCE_FIELDS = ("who", "index", "year", "time", "date", "version", "old_version", "before")
SENTENCE_FIELDS += ("after", "what", "admins", "editors", "backup", "client")


def test_each_kind_of_change_has_a_sentence_in_both_languages():
    for action in (*audit.ACTIONS, "target_new", "seed_refreshed_behind", "rebuilt_lost"):
        for lang in ("vi", "en"):
            text = t(f"audit.{action}", lang, **dict.fromkeys(SENTENCE_FIELDS, "x"))
            assert text != f"audit.{action}" and "{" not in text  # t() returns a missing key

"""The `actions` commands (add, set, list, history), run in-process (the contract of issue #13)."""

import csv
import io

import duckdb
import pytest

from scores.__main__ import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


ACTIONS_HEADER = (
    "action_id,province_code,index,indicator,owner,action,due,status,note,updated_at,updated_by"
)
ADD = (
    "actions",
    "add",
    "--province",
    "01",
    "--index",
    "pci",
    "--indicator",
    "informal_charges",
    "--owner",
    "Sở Tài chính",
    "--due",
    "2026-12-31",
    "--text",
    "Công khai các khoản phí",
)


def test_actions_add_set_list_history(db_file, capsys):
    code, out, err = run(capsys, *ADD, "--by", "hoa")
    assert (code, out.strip()) == (0, "1"), err
    code, out, err = run(
        capsys, "actions", "set", "1", "--status", "in_progress", "--note", "Đã họp", "--by", "lan"
    )
    assert code == 0, err
    code, out, _ = run(capsys, "actions", "list", "--province", "01", "--index", "PCI")
    assert out.splitlines()[0] == ACTIONS_HEADER
    (row,) = rows(out)
    assert [row[k] for k in ("action_id", "index", "due", "status", "note", "updated_by")] == [
        "1",
        "PCI",
        "2026-12-31",
        "in_progress",
        "Đã họp",
        "cli:lan",  # the command line, not a sign-in in the app
    ]
    code, out, _ = run(capsys, "actions", "history", "1")
    assert [(r["version"], r["status"]) for r in rows(out)] == [
        ("1", "planned"),
        ("2", "in_progress"),
    ]
    _, out, _ = run(capsys, "actions", "list", "--province", "79")
    assert out.strip() == ACTIONS_HEADER


def test_actions_bad_input_is_a_plain_error_and_changes_nothing(db_file, capsys):
    code, out, err = run(
        capsys,
        "--lang",
        "en",
        *ADD[:7],
        "nope",
        *ADD[8:11],
        "2026-13-01",
        *ADD[12:],
        "--status",
        "finished",
    )
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "The PCI catalogue has no indicator “nope”.",
        "The due date “2026-13-01” is not a date from 2000 to 2100 written YYYY-MM-DD"
        " (e.g. 2026-12-31).",
        "Status “finished” is not valid; use one of: planned, in_progress, done, paused.",
    ]
    code, _, err = run(capsys, "--lang", "en", "actions", "set", "4", "--status", "done")
    assert (code, err.strip()) == (1, "There is no action 4.")
    _, out, _ = run(capsys, "actions", "list")
    assert out.strip() == ACTIONS_HEADER


@pytest.mark.parametrize("due", ["0001-01-01", "2024-W01-1", "20261231", "2101-01-01", "2026-1-5"])
def test_actions_due_dates_outside_2000_2100_or_the_iso_form_are_refused(db_file, capsys, due):
    code, out, err = run(capsys, "--lang", "en", *ADD[:11], due, *ADD[12:])
    assert (code, out) == (1, "")
    assert f"The due date “{due}” is not a date from 2000 to 2100" in err
    _, out, _ = run(capsys, "actions", "list")
    assert out.strip() == ACTIONS_HEADER


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (("--note", "Đã họp\x1b[31m"), "Progress note: character 7 is an invisible control"),
        (("--by", "lan\u202e"), "--by: character 4 is an invisible direction mark (U+202E)"),
    ],
)
def test_actions_text_breaking_the_rule_is_a_plain_error(db_file, capsys, extra, message):
    code, out, err = run(capsys, "--lang", "en", *ADD, *extra)
    assert (code, out) == (1, "") and err.strip().startswith(message), err
    _, out, _ = run(capsys, "actions", "list")
    assert out.strip() == ACTIONS_HEADER


def test_an_unknown_owner_is_refused_with_the_nearest_units_and_nothing_stored(db_file, capsys):
    code, out, err = run(capsys, *ADD[:9], "Sở Nội vục", *ADD[10:])
    assert (code, out) == (1, "")
    assert "--owner" in err and "Sở Nội vụ (HN-D-NV)" in err
    _, out, _ = run(capsys, "actions", "list")
    assert out.strip() == ACTIONS_HEADER


def test_the_owner_is_matched_in_any_spelling(db_file, capsys):
    code, _, err = run(capsys, *ADD[:9], "VP UBND TP", *ADD[10:])
    assert code == 0, err
    with duckdb.connect(str(db_file), read_only=True) as con:
        found = con.execute("SELECT owner, owner_code FROM actions").fetchall()
    assert found == [("VP UBND TP", "HN-D-VP")]  # the unit's code, the spelling as typed


def test_actions_list_guards_a_formula_in_typed_text(db_file, capsys):
    formula = '=HYPERLINK("http://127.0.0.1:9/","x")'
    # The action's text: the owner is a city unit now, a formula names none (refused).
    code, _, err = run(capsys, *ADD[:13], formula)
    assert code == 0, err
    _, out, _ = run(capsys, "actions", "list")
    assert rows(out)[0]["action"] == "'" + formula

"""The plan's command line: `gap` and `actions`, run in-process (the contract of issue #13)."""

import csv
import io

import duckdb
import pytest

from scores.__main__ import main

GAP_HEADER = "indicator,current,frontier,weight,room_points,proposed_gain,proposed_points"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_gap_to_rank_5_writes_the_contract_csv_and_one_line(built_db, capsys):
    code, out, err = run(
        capsys,
        "gap",
        "--province",
        "01",
        "--index",
        "PCI",
        "--year",
        "2021",
        "--rank",
        "5",
        "--db",
        str(built_db),
    )
    assert code == 0, err
    assert out.splitlines()[0] == GAP_HEADER
    found = rows(out)
    assert len(found) == 10  # PCI's ten sub-indices of 2013-2021
    assert found[0]["indicator"] == "transparency"  # the largest room: 20 % weight, far behind
    gains = sum(float(row["proposed_points"]) for row in found)
    assert gains == pytest.approx(69.68898773 - 68.60281372, abs=1e-4)  # Vĩnh Phúc, rank 5
    for row in found:
        assert float(row["proposed_points"]) == pytest.approx(
            float(row["weight"]) * float(row["proposed_gain"]), abs=1e-5
        )
    assert err.count("\n") == 1
    assert "hạng 10/63" in err and "Vĩnh Phúc" in err and "hạng 5/63" in err


def test_gap_already_met_has_zero_gains(built_db, capsys):
    code, out, err = run(
        capsys,
        "--lang",
        "en",
        "gap",
        "--province",
        "01",
        "--index",
        "PAPI",
        "--year",
        "2024",
        "--value",
        "40",
        "--db",
        str(built_db),
    )
    assert code == 0
    assert all(float(row["proposed_gain"]) == 0 for row in rows(out))
    assert "is met" in err


@pytest.mark.parametrize("index", ["SIPAS", "PAR"])
def test_gap_of_an_index_without_components_exits_1_plainly(built_db, capsys, index):
    code, out, err = run(
        capsys,
        "--lang",
        "en",
        "gap",
        "--province",
        "01",
        "--index",
        index,
        "--year",
        "2024",
        "--rank",
        "5",
        "--db",
        str(built_db),
    )
    assert (code, out) == (1, "")
    assert "does not publish all the components" in err and "Traceback" not in err


GAP = ("--lang", "en", "gap", "--province", "01", "--index", "PCI", "--year", "2021")


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("--value=1e308", "The target value 1e+308 is not a number on this index's scale"),
        ("--value=nan", "The target value nan is not a number"),
        ("--value=inf", "The target value inf is not a number"),
        ("--value=-inf", "The target value -inf is not a number"),
        ("--value=100.5", "give one from 0 to 100"),  # PCI's weighted total: 0 to 100
        ("--rank=0", "The target rank 0 is not a rank in this table"),
        ("--rank=-5", "The target rank -5 is not a rank"),
        ("--rank=64", "give a whole number from 1 to 63"),  # 63 provinces ranked in 2021
    ],
)
def test_gap_refuses_a_target_off_the_scale_plainly(built_db, capsys, target, message):
    code, out, err = run(capsys, *GAP, target, "--db", str(built_db))
    assert (code, out) == (1, "")
    assert message in err and "Traceback" not in err and "met" not in err


def test_gap_at_the_ends_of_the_scale_is_answered(built_db, capsys):
    for target in ("--rank=63", "--rank=1", "--value=0", "--value=100"):
        code, out, err = run(capsys, *GAP, target, "--db", str(built_db))
        assert code == 0, (target, err)


def test_gap_writes_values_at_full_precision_as_export_does(built_db, capsys):
    _, out, _ = run(capsys, *GAP, "--rank=5", "--db", str(built_db))
    current = {row["indicator"]: row["current"] for row in rows(out)}
    _, exported, _ = run(
        capsys, "export", "--index", "PCI", "--year", "2021", "--db", str(built_db)
    )
    mine = {
        row["indicator"]: row["value"] for row in rows(exported) if row["province_code"] == "01"
    }
    assert current["transparency"] == "5.208761692"  # not 5.20876 (6 significant digits)
    assert all(current[name] == mine[name] for name in current)


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

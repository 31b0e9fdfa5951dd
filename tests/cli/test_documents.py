"""The plan's `gap` command, run in-process (the contract of issue #13)."""

import csv
import io

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

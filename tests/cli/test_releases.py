"""The command-line contract of docs/product.md, run as a real process."""

import csv
import io
import os
import subprocess
import sys

import pytest
from conftest import ROOT

from scores.__main__ import main

EXPORT_HEADER = "index,year,province_code,province,indicator,value,rank"
RELEASES_HEADER = (
    "release_id,index,year,version,status,coverage,source,file_name,sha256,"
    "imported_at,imported_by,rows"
)


def run(*args: str, db_file=None) -> subprocess.CompletedProcess:
    env = {**os.environ, "SCORES_DB": str(db_file)} if db_file else dict(os.environ)
    return subprocess.run(
        [sys.executable, "-m", "scores", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow  # runs the command line as a process
def test_build_creates_the_database_at_db(tmp_path):
    target = tmp_path / "fresh.duckdb"
    done = run("--lang", "en", "build", "--db", str(target))
    assert done.returncode == 0, done.stderr
    assert target.exists() and "60 releases" in done.stdout


@pytest.mark.slow  # runs the command line as a process
def test_export_writes_the_contract_header_and_current_values(db_file):
    done = run("export", "--index", "PAR", "--year", "2024", db_file=db_file)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == EXPORT_HEADER
    assert "PAR,2024,01,Hà Nội,par_index_total,92.57,3" in lines
    assert "PAR,2024,04,Cao Bằng,par_index_total,,63" in lines


@pytest.mark.slow  # runs the command line as a process
def test_releases_lists_every_version_with_the_contract_header(db_file):
    done = run("releases", db_file=db_file)
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert done.stdout.splitlines()[0] == RELEASES_HEADER
    assert len(rows) == 60 and {row["status"] for row in rows} == {"current"}


@pytest.mark.slow  # runs the command line as a process
def test_import_refused_prints_each_problem_and_writes_nothing(db_file, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("Tỉnh,PCI\nHà Nộii,60\nĐà Nẵng,abc\n", encoding="utf-8")
    before = run("releases", db_file=db_file).stdout
    done = run(
        "--lang", "en", "import", str(bad), "--index", "PCI", "--year", "2016", db_file=db_file
    )
    assert done.returncode == 1
    problems = done.stderr.splitlines()
    assert problems[0].startswith("Row 2, column “Tỉnh”, value “Hà Nộii”: Unknown province name.")
    assert problems[1].startswith("Row 3, column “PCI”, value “abc”: Not a number")
    assert problems[2] == "Nothing stored: the file has 2 problem(s) to fix."
    assert done.stdout == ""
    assert run("releases", db_file=db_file).stdout == before


@pytest.mark.slow  # runs the command line as a process
def test_import_then_restore(db_file, tmp_path):
    upload = tmp_path / "sipas.csv"
    upload.write_text("Tỉnh,SIPAS,Xếp hạng\nHà Nội,87.1,9\n", encoding="utf-8")
    done = run(
        "--lang",
        "en",
        "import",
        str(upload),
        "--index",
        "sipas",
        "--year",
        "2024",
        "--source",
        "MOHA report",
        "--by",
        "tester",
        "--partial",
        db_file=db_file,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        "Stored SIPAS 2024 (release 61): 1 values, 1 provinces, partial coverage."
    )
    exported = run("export", "--index", "SIPAS", "--year", "2024", db_file=db_file).stdout
    assert "SIPAS,2024,01,Hà Nội,sipas_total,87.1,9" in exported.splitlines()
    releases = list(csv.DictReader(io.StringIO(run("releases", db_file=db_file).stdout)))
    sipas = [
        (r["release_id"], r["version"], r["status"], r["imported_by"])
        for r in releases
        if r["index"] == "SIPAS" and r["year"] == "2024"
    ]
    old_id = sipas[0][0]
    assert sipas == [(old_id, "1", "superseded", "seed"), ("61", "2", "current", "cli:tester")]
    done = run("--lang", "en", "restore", old_id, db_file=db_file)
    assert done.returncode == 0 and "version 1" in done.stdout
    exported = run("export", "--index", "SIPAS", "--year", "2024", db_file=db_file).stdout
    assert "SIPAS,2024,01,Hà Nội,sipas_total,86.5,11" in exported.splitlines()


@pytest.mark.slow  # runs the command line as a process
def test_restore_of_an_unknown_release_fails_plainly(db_file):
    done = run("--lang", "en", "restore", "999", db_file=db_file)
    assert done.returncode == 1 and done.stderr.strip() == "There is no release 999."


def refused_log(db_file) -> list[tuple]:
    import duckdb

    with duckdb.connect(str(db_file), read_only=True) as con:
        return con.execute(
            "SELECT year, reason FROM import_log WHERE outcome = 'refused' ORDER BY attempted_at"
        ).fetchall()


def _bad_paths(tmp_path):
    os.mkfifo(tmp_path / "pipe.csv")
    return {
        "missing": (str(tmp_path / "missing.csv"), "There is no such file"),
        "directory": (str(tmp_path), "not a regular file"),
        "named pipe": (str(tmp_path / "pipe.csv"), "not a regular file"),
    }


@pytest.mark.slow  # runs the command line as a process
def test_a_path_that_is_no_readable_file_is_a_message_and_a_log_row(db_file, tmp_path):
    for path, message in _bad_paths(tmp_path).values():
        done = run(
            "--lang", "en", "import", path, "--index", "PCI", "--year", "2016", db_file=db_file
        )
        assert done.returncode == 1 and message in done.stderr
        assert "Traceback" not in done.stderr
        assert message in refused_log(db_file)[-1][1]


@pytest.mark.slow  # runs the command line as a process
def test_bad_arguments_are_a_message_and_a_log_row(db_file, tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("Tỉnh,PCI\nHà Nội,60\n")
    cases = [
        (("--year", "99999999999"), "The year must be between"),
        (("--year", "2016", "--map", "PCI"), "HEADER=indicator_code"),
    ]
    for extra, message in cases:
        done = run("--lang", "en", "import", str(table), "--index", "PCI", *extra, db_file=db_file)
        assert done.returncode == 1 and message in done.stderr
        assert "Traceback" not in done.stderr
        assert message in refused_log(db_file)[-1][1]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (("--year", "abc"), "The year must be a number"),
        (("--year", "2016", "--date", "2024-02-30"), "must be a real date"),
        (("--year", "2016", "--date", "2100-01-01"), "in the future"),
        (("--year", "2016", "--date", "0001-01-01"), "from 2000 to 2100"),
        (("--year", "2016", "--date", "2024-W01-1"), "from 2000 to 2100"),
        (("--year", "2016", "--sheet", "Data"), "Only an Excel workbook"),
    ],
    ids=[
        "year-not-a-number",
        "no-such-day",
        "future-date",
        "year-one",
        "week-date",
        "sheet-of-a-csv",
    ],
)
def test_an_argument_that_would_be_ignored_or_misread_is_refused_and_logged(
    db_file, tmp_path, capsys, extra, message
):
    table = tmp_path / "t.csv"
    table.write_text("Tỉnh,PCI\nHà Nội,60\n")
    assert main(["--lang", "en", "import", str(table), "--index", "PCI", *extra]) == 1
    assert message in capsys.readouterr().err
    assert message in refused_log(db_file)[-1][1]


def test_a_day_first_publication_date_is_stored_as_iso(db_file, tmp_path):
    import duckdb

    table = tmp_path / "t.csv"
    table.write_text("Tỉnh,PCI\nHà Nội,60\n")
    args = ["import", str(table), "--index", "PCI", "--year", "2016", "--date", "06/05/2025"]
    args.append("--partial")
    assert main(args) == 0
    with duckdb.connect(str(db_file), read_only=True) as con:
        stored = con.execute("SELECT source_date FROM releases ORDER BY release_id DESC").fetchone()
    assert stored == ("2025-05-06",)

"""scores/__main__.py: the command line's entry, and how it turns every failure that is not the
command's own (no file, a busy or unreadable or older file, a closed pipe, a typed text breaking
the text rule) into one sentence and exit code 1, never a traceback."""

import os
import subprocess
import sys

import duckdb
import pytest
from conftest import ROOT

from scores.__main__ import main
from tests.cli.test_releases import run


def releases_held(db_file) -> tuple[int, int]:
    """The releases and the import log's lines the file holds."""
    with duckdb.connect(str(db_file), read_only=True) as con:
        return con.execute(
            "SELECT (SELECT count(*) FROM releases), (SELECT count(*) FROM import_log)"
        ).fetchone()


def test_a_missing_database_is_named_with_the_command_that_builds_it(tmp_path, capsys):
    missing = tmp_path / "none.duckdb"
    assert main(["--lang", "en", "export", "--db", str(missing)]) == 1
    assert capsys.readouterr().err.strip() == (
        f"There is no database at {missing} yet. Run: python -m scores build"
    )
    assert not missing.exists()


def test_a_file_that_is_no_database_is_named_with_duckdbs_reason(tmp_path, capsys):
    bad = tmp_path / "scores.duckdb"
    bad.write_bytes(b"not a database" * 1000)
    assert main(["--lang", "en", "releases", "--db", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"The database {bad} cannot be opened: ")
    assert "Traceback" not in err and err.count("\n") == 1
    assert bad.read_bytes() == b"not a database" * 1000


@pytest.mark.slow  # runs the command line as a process
def test_a_locked_database_gives_a_plain_message(db_file, tmp_path, monkeypatch):
    monkeypatch.setenv("SCORES_DB_WAIT", "1")  # the bounded wait, shortened
    held = releases_held(db_file)
    upload = tmp_path / "ok.csv"
    upload.write_text("Tỉnh,PCI\nHà Nội,60\n", encoding="utf-8")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]);"
            " print('held', flush=True); time.sleep(30)",
            str(db_file),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        done = run(
            "--lang",
            "en",
            "import",
            str(upload),
            "--index",
            "PCI",
            "--year",
            "2016",
            db_file=db_file,
        )
    finally:
        holder.kill()
        holder.wait()
    assert done.returncode == 1
    assert done.stderr.strip() == (
        f"The database {db_file} was still in use by another program after waiting 1 s."
        " Nothing was changed; try again in a moment."
    )
    assert releases_held(db_file) == held


@pytest.mark.slow  # runs the command line as a process
def test_export_into_a_closed_pipe_ends_quietly(db_file):
    env = {**os.environ, "SCORES_DB": str(db_file)}
    export = subprocess.Popen(
        [sys.executable, "-m", "scores", "export"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    export.stdout.readline()
    export.stdout.close()  # what `| head -1` does
    stderr = export.stderr.read().decode()
    export.wait(timeout=60)
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (("--source", "x" * 2001), "Source: the text is 2001 characters long; at most 2000"),
        (("--source", "Báo cáo\u202e"), "Source: character 8 is an invisible direction mark"),
        (("--by", "admin\x00"), "--by: character 6 is an invisible control character"),
    ],
)
def test_an_import_source_breaking_the_text_rule_stores_nothing(
    db_file, tmp_path, capsys, extra, message
):
    held = releases_held(db_file)
    table = tmp_path / "t.csv"
    table.write_text("Tỉnh,PCI\nHà Nội,60\n")
    args = ["--lang", "en", "import", str(table), "--index", "PCI", "--year", "2016", *extra]
    assert main(args) == 1
    assert capsys.readouterr().err.startswith(message)
    # Nothing stored, and the refused text is not written to the import log either.
    assert releases_held(db_file) == held


def test_a_database_older_than_the_code_is_refused_with_the_upgrade_to_run(db_file, capsys):
    """A file built before a column was added (index_rules.publishes_ranks) gives one sentence
    naming the build that upgrades it, not a traceback."""
    with duckdb.connect(str(db_file)) as con:
        con.execute("ALTER TABLE index_rules DROP COLUMN publishes_ranks")
    out = db_file.parent / "pack.pptx"
    argv = ["brief", "--province", "01", "--year", "2024", "--lang", "en"]
    code = main([*argv, "--format", "pptx", "--out", str(out), "--db", str(db_file)])
    err = capsys.readouterr().err
    assert code == 1 and not out.exists()
    assert f"Run: python -m scores build --db {db_file}" in err and "Traceback" not in err

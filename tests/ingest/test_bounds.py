"""Bounds before work: hostile files are refused quickly, in bounded memory, naming the limit."""

import subprocess
import sys
import time

import pytest
from conftest import ROOT
from store.test_imports import refuse

from ingest import hostile
from ingest.hostile import CASES
from scores.config import MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS, MAX_XLSX_EXPANDED_MB
from scores.i18n import describe
from scores.ingest.readfile import read_bytes

MEMORY_LIMIT = 600 * 2**20
SECONDS = 15

# Reads one file in a process that may not grow past MEMORY_LIMIT of address space.
READER = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
from scores.errors import ImportRefused
from scores.ingest.readfile import read_bytes
try:
    read_bytes(open(sys.argv[1], "rb").read())
except ImportRefused as refused:
    print(refused.problems[0].rule)
"""

LIMITS = {
    "too_many_rows": MAX_ROWS,
    "too_many_columns": MAX_COLUMNS,
    "cell_too_long": MAX_CELL_CHARS,
    "xlsx_too_large": MAX_XLSX_EXPANDED_MB,
}


@pytest.mark.slow  # a reader process under a memory limit
@pytest.mark.parametrize(("case", "rule"), CASES.items())
def test_a_hostile_file_is_refused_in_seconds_and_bounded_memory(tmp_path, case, rule):
    path = tmp_path / case
    path.write_bytes(getattr(hostile, case)())
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", READER.format(limit=MEMORY_LIMIT), str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == rule
    assert time.perf_counter() - start < SECONDS


@pytest.mark.parametrize(("case", "rule"), CASES.items())
def test_a_hostile_file_is_refused_by_the_importer_naming_the_limit(con, tmp_path, case, rule):
    problems = refuse(con, tmp_path, getattr(hostile, case)(), name=f"{case}.xlsx")
    assert [p.rule for p in problems] == [rule]
    if rule in LIMITS:
        assert f"{LIMITS[rule]}" in describe(problems[0], "en").replace(",", "")


def test_old_mac_line_endings_are_line_ends():
    assert read_bytes(hostile.cr_only_csv()).rows == [
        ["Tỉnh", "PCI"],
        ["Hà Nội", "60.74"],
        ["Hải Phòng", "65.1"],
    ]


def test_a_cell_beyond_the_declared_dimension_is_not_lost():
    data = hostile.xlsx_with_sheet(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Tỉnh</t></is></c></row>'
        '<row r="3"><c r="A3" t="inlineStr"><is><t>Hà Nội</t></is></c><c r="B3"><v>5</v></c></row>',
        dimension="A1:A1",
    )
    assert read_bytes(data).rows == [["Tỉnh"], [], ["Hà Nội", "5"]]


def test_an_unreadable_file_is_refused_with_the_reason(tmp_path, monkeypatch):
    from pathlib import Path

    from scores.errors import ImportRefused
    from scores.ingest.readfile import read_path

    path = tmp_path / "locked.csv"
    path.write_text("Tỉnh,PCI\n")

    def denied(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", denied)  # root reads through chmod 000
    with pytest.raises(ImportRefused) as refused:
        read_path(path)
    assert refused.value.problems[0].rule == "unreadable_file"
    assert "Permission denied" in describe(refused.value.problems[0], "en")

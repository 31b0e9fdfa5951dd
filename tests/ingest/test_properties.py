"""Properties of the importer over files nobody tuned it to: random bytes, and real releases with
cells dropped, swapped, duplicated, mangled and the whole file re-encoded. Each file is either
stored with exactly the values it holds or refused with the import error and nothing written;
never another exception, always within the time and memory bound.

The imports run in one worker process (import_worker.py) under a memory limit, one file a job.
"""

import csv
import io
import json
import math
import os
import select
import shutil
import subprocess
import sys
from dataclasses import dataclass

import pytest
from conftest import ROOT, publisher_table
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from ingest import hostile
from scores import db
from scores.text import key

pytestmark = pytest.mark.slow  # the hostile worker process

ADDRESS_SPACE = 3 * 2**30  # see import_worker.py: DuckDB alone reserves over 1 GiB
PEAK_MB = 600  # resident memory the worker may ever reach
SECONDS = 20  # for one file, on a loaded two-core machine
MISSING = {"", "n/a", "na", "-", "–", "—", "..", "…", "x"}  # docs/product.md: no value, never zero
ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạềốộợứ0123456789 .,;%-*=#\"'\t/+"
RELEASES = [("PCI", 2016), ("PAPI", 2020)]
# Modest in the suite; PROPERTY_EXAMPLES=2000 for a long hunt.
SETTINGS = settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@dataclass
class Release:
    """A real release as a publisher's table of text cells, and what its headers and names mean."""

    index_code: str
    year: int
    grid: list[list[str]]
    headers: dict[str, str]  # header's matching key -> indicator
    names: dict[str, str]  # province name's matching key -> province_code


class Worker:
    """The import worker: send a file, get its outcome (or fail the test on a hang or a crash)."""

    def __init__(self, database: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "tests/ingest/import_worker.py"), database,
             str(ADDRESS_SPACE)],
            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            env={"PYTHONPATH": str(ROOT), "PATH": ""},
        )  # fmt: skip

    def run(self, path: str, index_code: str, year: int) -> dict:
        job = {"path": path, "index": index_code, "year": year}
        self.process.stdin.write(json.dumps(job) + "\n")
        self.process.stdin.flush()
        ready, _, _ = select.select([self.process.stdout], [], [], SECONDS)
        assert ready, f"no answer within {SECONDS} s"
        line = self.process.stdout.readline()
        assert line, f"the worker died (exit {self.process.poll()})"
        reply = json.loads(line)
        assert reply["outcome"] != "crash", reply["error"]
        assert reply["peak_mb"] < PEAK_MB
        return reply


@pytest.fixture(scope="module")
def worker(built_db, tmp_path_factory):
    path = tmp_path_factory.mktemp("properties") / "scores.duckdb"
    shutil.copy(built_db, path)
    running = Worker(str(path))
    yield running
    running.process.stdin.close()
    running.process.wait(timeout=30)


@pytest.fixture(scope="module")
def releases(built_db) -> list[Release]:
    con = db.connect(built_db, read_only=True)
    try:
        return [release(con, index_code, year) for index_code, year in RELEASES]
    finally:
        con.close()


def release(con, index_code: str, year: int) -> Release:
    """The first rows of a real release, laid out as its publisher prints it."""
    table = publisher_table(con, index_code, year).head(12)
    names = con.execute(
        "SELECT name_vi, indicator FROM indicators WHERE index_code = $i", {"i": index_code}
    ).fetchall()
    frame = db.query(con, "export_by_release", index_code=index_code, year=year)
    grid = [list(table.columns)] + [[cell_text(v) for v in row] for row in table.itertuples(False)]
    headers = {key(name): indicator for name, indicator in names}
    provinces = {key(n): c for n, c in zip(frame["province"], frame["province_code"], strict=True)}
    return Release(index_code, year, grid, headers, provinces)


def cell_text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or str(value) == "<NA>":
        return ""
    return f"{value:.15g}" if isinstance(value, float) else str(value)


def number(text: str) -> float | None:
    """A cell's number read the simple way this test writes them ('60.74', '60,74', '60.74%')."""
    cell = text.strip()
    if cell.lower() in MISSING:
        return None
    cell = cell.removesuffix("%").strip()
    if cell.count(",") == 1 and "." not in cell:
        cell = cell.replace(",", ".")
    return float(cell)


# --- Mutations and encodings ---------------------------------------------------------------


@st.composite
def mutated(draw: st.DrawFn, grid: list[list[str]]) -> list[list[str]]:
    """The grid with up to three cells dropped, swapped, duplicated, mangled or blanked."""
    rows = [list(row) for row in grid]
    for _ in range(draw(st.integers(0, 3))):
        r = draw(st.integers(0, len(rows) - 1))
        if not rows[r]:
            continue
        c = draw(st.integers(0, len(rows[r]) - 1))
        kind = draw(st.sampled_from(["drop", "swap", "row", "cell", "mangle", "blank"]))
        if kind == "drop":
            del rows[r][c]
        elif kind == "swap":
            r2 = draw(st.integers(0, len(rows) - 1))
            c2 = draw(st.integers(0, max(0, len(rows[r2]) - 1)))
            if rows[r2]:
                rows[r][c], rows[r2][c2] = rows[r2][c2], rows[r][c]
        elif kind == "row":
            rows.insert(r, list(rows[r]))
        elif kind == "cell":
            rows[r].insert(c, rows[r][c])
        elif kind == "mangle":
            at = draw(st.integers(0, len(rows[r][c])))
            piece = draw(st.text(ALPHABET, min_size=1, max_size=3))
            rows[r][c] = rows[r][c][:at] + piece + rows[r][c][at:]
        else:
            rows[r][c] = ""
    return rows


def encode(rows: list[list[str]], form: str, separator: str, comma: bool) -> bytes:
    """The grid as a file: CSV in one of the encodings the importer accepts, or .xlsx."""
    if comma:
        rows = [[c.replace(".", ",") if is_decimal(c) else c for c in row] for row in rows]
    if form == "xlsx":
        return workbook(rows)
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=separator, lineterminator="\r\n").writerows(rows)
    text = buffer.getvalue()
    return hostile.cp1258(text) if form == "cp1258" else text.encode(form)


def is_decimal(cell: str) -> bool:
    try:
        return "." in cell and float(cell) == float(cell)
    except ValueError:
        return False


def workbook(rows: list[list[str]]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append([as_number(cell) for cell in row] or [None])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def as_number(cell: str) -> float | str:
    try:
        return float(cell) if cell.strip() == cell and cell.lower() not in ("nan", "inf") else cell
    except ValueError:
        return cell


FORMS = st.tuples(
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1258", "xlsx"]),
    st.sampled_from([",", ";", "\t"]),
    st.booleans(),
).map(lambda f: (f[0], f[1], f[2] and f[1] != ","))  # decimal commas only beside another separator


# --- The properties ------------------------------------------------------------------------


@SETTINGS
@given(data=st.data())
def test_a_mutated_real_release_is_stored_as_written_or_refused(
    worker, releases, tmp_path_factory, data
):
    chosen = data.draw(st.sampled_from(releases))
    rows = data.draw(mutated(chosen.grid))
    form, separator, comma = data.draw(FORMS)
    content = encode(rows, form, separator, comma)
    path = tmp_path_factory.mktemp("mutated") / ("upload.xlsx" if form == "xlsx" else "upload.csv")
    path.write_bytes(content)
    reply = worker.run(str(path), chosen.index_code, chosen.year)
    event(f"{reply['outcome']} {form} {reply.get('rules', [''])[0]}")
    if reply["outcome"] == "refused":
        assert reply["unchanged"], reply["rules"]
        return
    read_back = [[c.replace(",", ".") if comma else c for c in row] for row in rows]
    check_stored(reply, read_back, chosen)


def check_stored(reply: dict, rows: list[list[str]], chosen: Release) -> None:
    """Every stored value is the number in the cell the importer took it from, under a header
    naming its indicator, on a row naming its province; no value cell of the table was left out."""
    stored = {tuple(v[:2]): v for v in reply["values"]}
    assert sorted(map(tuple, reply["database"])) == sorted(
        (code, indicator, value) for _, _, code, indicator, value in reply["values"]
    )
    header = rows[reply["header_row"]]
    for row, position, code, indicator, value in reply["values"]:
        cells = rows[row - 1]
        assert math.isclose(number(cells[position]), value, rel_tol=1e-12), (row, position)
        # Headers and names match ignoring case, diacritics, spacing and marks (docs/product.md).
        assert chosen.headers[key(header[position])] == indicator
        assert chosen.names[key(cells[reply["name_position"]])] == code
    for number_, cells in enumerate(rows[reply["header_row"] + 1 :], start=reply["header_row"] + 2):
        for position in map(int, reply["columns"]):
            if position < len(cells) and number(cells[position]) is not None:
                assert (number_, position) in stored, (number_, position, cells[position])


PREFIXES = st.sampled_from([b"", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe", b"\xd0\xcf\x11\xe0",
                            "Tỉnh,PCI\n".encode()])  # fmt: skip


@SETTINGS
@given(prefix=PREFIXES, body=st.binary(max_size=3000))
def test_random_bytes_are_refused_or_stored_never_a_crash(worker, tmp_path_factory, prefix, body):
    path = tmp_path_factory.mktemp("bytes") / "upload.csv"
    path.write_bytes(prefix + body)
    reply = worker.run(str(path), "PCI", 2016)
    assert reply["outcome"] == "stored" or reply["unchanged"]

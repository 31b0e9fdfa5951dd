"""Nothing lost: concurrent commits and reads, and a process killed in the middle of a commit."""

import os
import signal
import subprocess
import sys
import threading

import duckdb
import pandas as pd
import pytest
from conftest import ROOT

from scores import db
from scores.store import releases as store
from scores.store.imports import import_file

SOURCE = store.Source("test", "concurrency", imported_by="thread")


def release(index_code: str, year: int, value: float) -> store.Release:
    indicator = {"PCI": "pci_total_weighted", "SIPAS": "sipas_total"}[index_code]
    values = pd.DataFrame(
        {
            "province_code": ["01", "48"],
            "indicator": [indicator] * 2,
            "value": [value, value + 1],
            "rank": pd.array([None, None], dtype="Int64"),
        }
    )
    return store.Release(index_code, year, values, pd.DataFrame(), SOURCE, "partial")


def test_concurrent_commits_and_reads_lose_nothing(con):
    errors, written = [], []

    def writer(index_code: str, base: float):
        cursor = con.cursor()
        try:
            for step in range(6):
                written.append(store.write_release(cursor, release(index_code, 2025, base + step)))
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)

    def reader():
        cursor = con.cursor()
        try:
            for _ in range(30):
                # A reader must never see a current release with fewer values than it declares.
                torn = cursor.execute(
                    "SELECT r.release_id FROM releases r LEFT JOIN scores s USING (release_id)"
                    " WHERE r.status = 'current' GROUP BY r.release_id, r.rows"
                    " HAVING count(s.release_id) <> r.rows"
                ).fetchall()
                assert torn == []
        except Exception as error:  # noqa: BLE001
            errors.append(error)

    threads = [
        threading.Thread(target=writer, args=("PCI", 60.0)),
        threading.Thread(target=writer, args=("PCI", 70.0)),
        threading.Thread(target=writer, args=("SIPAS", 80.0)),
        threading.Thread(target=reader),
        threading.Thread(target=reader),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    rows = con.execute(
        "SELECT index_code, version, status, release_id FROM releases"
        " WHERE year = 2025 ORDER BY index_code, version"
    ).fetchall()
    assert sorted(r[3] for r in rows) == sorted(written)
    assert [r[1] for r in rows if r[0] == "PCI"] == list(range(1, 13))
    assert [r[1] for r in rows if r[0] == "SIPAS"] == list(range(1, 7))
    assert [r[2] for r in rows].count("current") == 2
    for release_id in written:
        assert len(db.query(con, "values_by_release", release_id=release_id)) == 2


KILLER = """
import sys, time
from scores import db
from scores.store import releases as store
from scores.store.imports import import_file

original = store._insert_frame
def slow(*args, **kwargs):
    original(*args, **kwargs)
    print("in-commit", flush=True)
    time.sleep(60)
store._insert_frame = slow
con = db.connect(sys.argv[1])
import_file(con, sys.argv[2], "SIPAS", 2024, store.Source(imported_by="victim"), partial=True)
"""


@pytest.mark.slow  # a process killed mid-commit
def test_a_kill_during_commit_leaves_the_previous_version_intact(db_file, tmp_path):
    upload = tmp_path / "sipas.csv"
    upload.write_text("Tỉnh,SIPAS\nHà Nội,99\n", encoding="utf-8")
    with duckdb.connect(str(db_file), read_only=True) as before_con:
        before = before_con.execute("SELECT * FROM releases ORDER BY release_id").df()
    victim = subprocess.Popen(
        [sys.executable, "-c", KILLER, str(db_file), str(upload)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ},
    )
    try:
        assert victim.stdout.readline().strip() == "in-commit"
    finally:
        victim.send_signal(signal.SIGKILL)
        victim.wait(timeout=30)
    con = db.connect(db_file)
    after = con.execute("SELECT * FROM releases ORDER BY release_id").df()
    pd.testing.assert_frame_equal(before, after)
    hanoi = con.execute(
        "SELECT s.value FROM scores s JOIN releases r USING (release_id)"
        " WHERE r.index_code='SIPAS' AND r.year=2024 AND r.status='current'"
        " AND s.province_code='01'"
    ).fetchone()
    assert hanoi == (86.5,)
    # The database is not corrupted: a new import goes through.
    release_id, _ = import_file(
        con, upload, "SIPAS", 2024, store.Source(imported_by="after"), partial=True
    )
    assert release_id == after["release_id"].max() + 1
    con.close()

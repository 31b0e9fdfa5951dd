"""Several processes on one database: bounded waits, fresh caches, one build."""

import subprocess
import sys
import threading
import time

import duckdb
import pytest

from scores import db
from scores.app import cache
from scores.store import seed

HOLD = (
    "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]);"
    " print('held', flush=True); time.sleep(float(sys.argv[2])); c.close()"
)


@pytest.fixture
def holder(db_file):
    """Start another process that holds the database read-write for some seconds."""
    started = []

    def hold(seconds: float) -> subprocess.Popen:
        process = subprocess.Popen(
            [sys.executable, "-c", HOLD, str(db_file), str(seconds)],
            stdout=subprocess.PIPE,
            text=True,
        )
        started.append(process)
        assert process.stdout.readline().strip() == "held"
        return process

    yield hold
    for process in started:
        process.kill()
        process.wait()


@pytest.mark.slow  # another process holds or writes the database
def test_a_read_waits_for_another_process_writing_and_then_succeeds(db_file, holder):
    holder(1.0)
    began = time.monotonic()
    with db.connect(db_file, read_only=True, wait=10) as con:
        count = con.execute("SELECT count(*) FROM releases").fetchone()[0]
    assert count == 60  # 52 national releases, 8 of the city
    assert time.monotonic() - began > 0.5  # it did meet the lock, and waited it out


@pytest.mark.slow  # another process holds or writes the database
def test_an_open_that_outwaits_the_bound_is_database_busy_naming_the_file(db_file, holder):
    holder(30)
    began = time.monotonic()
    with pytest.raises(db.DatabaseBusy) as busy:
        db.connect(db_file, wait=0.5)
    assert busy.value.path == db_file and busy.value.seconds == 0.5
    assert 0.5 <= time.monotonic() - began < 5


def test_an_error_that_is_no_lock_is_not_retried(tmp_path):
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"not a database" * 1000)
    began = time.monotonic()
    with pytest.raises(duckdb.Error) as error:
        db.connect(bad, read_only=True, wait=10)
    assert not isinstance(error.value, db.DatabaseBusy) and time.monotonic() - began < 5


@pytest.mark.slow  # another process holds or writes the database
def test_a_cache_hit_opens_nothing_and_a_write_elsewhere_is_seen_next(db_file, monkeypatch):
    opened = []
    real = db.connect
    monkeypatch.setattr(db, "connect", lambda *a, **k: opened.append(k) or real(*a, **k))
    cache.st.cache_data.clear()
    first = cache.load("releases_by_version")
    again = cache.load("releases_by_version")
    assert len(opened) == 1 and opened[0]["read_only"] and again.equals(first)
    # Another process writes (the cache in this one is not told).
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import duckdb, sys; duckdb.connect(sys.argv[1]).execute("
            "\"UPDATE releases SET status = 'superseded' WHERE release_id = 1\").close()",
            str(db_file),
        ],
        check=True,
    )
    after = cache.load("releases_by_version")
    assert len(opened) == 2
    assert after.set_index("release_id").loc[1, "status"] == "superseded"


@pytest.mark.slow  # another process holds or writes the database
def test_a_write_block_lets_go_of_the_file_when_it_ends(db_file, holder):
    with cache.cursor() as con:
        con.execute("UPDATE targets SET updated_by = 'procs'")
        # Reads inside the block go through the same connection (no second, clashing open).
        assert (cache.load("targets_by_index", province_code="01")["updated_by"] == "procs").any()
    holder(0.1).wait()  # another process can take the write lock at once
    with duckdb.connect(str(db_file), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM targets WHERE updated_by = 'procs'").fetchone()


def test_the_database_is_built_once_when_sessions_ask_at_once(tmp_path, monkeypatch):
    built = []

    def slow_build(path, data_dir=None):
        built.append(path)
        time.sleep(0.3)
        path.write_bytes(b"")

    monkeypatch.setattr(seed, "build", slow_build)
    target = tmp_path / "new" / "scores.duckdb"
    askers = [threading.Thread(target=seed.build_once, args=(target,)) for _ in range(4)]
    for asker in askers:
        asker.start()
    for asker in askers:
        asker.join()
    assert built == [target]


@pytest.mark.slow  # another process holds or writes the database
def test_the_app_says_plainly_when_the_file_stays_busy(app, holder, monkeypatch):
    monkeypatch.setattr(db, "BUSY_WAIT_SECONDS", 0.3)
    holder(30)
    app.run()
    assert not app.exception
    assert [e.value for e in app.error] == [
        "Cơ sở dữ liệu đang được một chương trình khác ghi (một lần nhập dữ liệu bằng dòng lệnh"
        " hoặc một bản khác của ứng dụng) và vẫn bận sau 0,3 giây. Không có gì bị thay đổi;"
        " hãy tải lại trang sau giây lát."
    ]

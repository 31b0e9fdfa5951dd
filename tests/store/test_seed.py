"""A build on an existing database is an upgrade: staff work survives, only changed seed years
get a new version, and a destructive rebuild happens only on purpose, after a backup."""

import shutil
from pathlib import Path

import duckdb
import pytest
from conftest import ROOT, publisher_table

from scores import db
from scores.__main__ import main
from scores.roles import Actor
from scores.store import actions, seed, targets
from scores.store import releases as store
from scores.store.imports import import_file

ADMIN = Actor("Nguyễn Văn A", "admin")
# slow: every test rebuilds the whole database from data/ (an upgrade reads every seed file).
pytestmark = pytest.mark.slow
SOURCE = store.Source("VCCI", "Báo cáo PCI 2016", "2017-03-28", imported_by="Trần Thị B")
STAFF_TABLES = ("releases", "scores", "averages", "actions", "targets", "audit_log", "import_log")


def count(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Rows of every table that holds staff work (names from the literal tuple above)."""
    return {
        name: con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]  # noqa: S608
        for name in STAFF_TABLES
    }


def staff_work(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> int:
    """One imported release (PCI 2016 as VCCI prints it), eleven actions and an edited target,
    as an office holds them; returns the imported release_id."""
    table = publisher_table(con, "PCI", 2016)
    path = tmp_path / "pci_2016.csv"
    table.to_csv(path, index=False)
    release_id, _ = import_file(con, path, "PCI", 2016, SOURCE)
    for number in range(11):
        action = actions.Action(
            "01", "PCI", "informal_charges", "Sở Tài chính", f"Việc {number}", "2026-12-31"
        )
        actions.add(con, action, ADMIN)
    par = con.execute("SELECT * FROM targets WHERE index_code = 'PAR'").df().iloc[0]
    edited = targets.Target(
        int(par.target_id), "01", "PAR", "par_index_total", "rank_at_most", 3.0, 2025, None, "KH"
    )
    targets.save(con, edited, ADMIN)
    return release_id


def data_copy(tmp_path: Path) -> Path:
    """A private data/ folder with the real files, to change one seed figure in."""
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder, ignore=shutil.ignore_patterns("*.duckdb*"))
    return folder


def change_seed(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / "seed" / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_build_keeps_imports_actions_target_edits_and_the_trail(db_file, tmp_path):
    with db.connect(db_file) as con:
        imported = staff_work(con, tmp_path)
        before = count(con)
        trail = con.execute("SELECT * FROM audit_log ORDER BY changed_at").fetchall()
    assert main(["build", "--db", str(db_file)]) == 0
    with db.connect(db_file, read_only=True) as con:
        assert count(con) == before  # 61 releases, 11 actions, the target: all still there
        assert con.execute("SELECT * FROM audit_log ORDER BY changed_at").fetchall() == trail
        current = con.execute(
            "SELECT release_id FROM releases WHERE index_code = 'PCI' AND year = 2016"
            " AND status = 'current'"
        ).fetchall()
        threshold = con.execute("SELECT threshold FROM targets WHERE index_code = 'PAR'").fetchall()
    assert current == [(imported,)]
    assert threshold == [(3.0,)]


def test_touching_a_seed_file_writes_no_new_version(db_file, tmp_path):
    folder = data_copy(tmp_path)
    (folder / "seed" / "pci.csv").touch()
    with db.connect(db_file, read_only=True) as con:
        before = con.execute("SELECT * FROM releases ORDER BY release_id").df()
    assert sum(seed.build(db_file, folder, ADMIN).values()) == 0
    with db.connect(db_file, read_only=True) as con:
        after = con.execute("SELECT * FROM releases ORDER BY release_id").df()
    assert after.equals(before)


def test_a_changed_seed_figure_adds_a_version_of_that_year_only(db_file, tmp_path):
    folder = data_copy(tmp_path)
    change_seed(
        folder, "sipas.csv", "2024,Hà Nội,01,sipas_total,86.5,", "2024,Hà Nội,01,sipas_total,86.7,"
    )
    assert seed.build(db_file, folder, ADMIN) == {
        "PAR": 0,
        "SIPAS": 1,
        "PAPI": 0,
        "PCI": 0,
        "HNPAR_DEPT": 0,
        "HNPAR_LOCAL": 0,
    }
    with db.connect(db_file, read_only=True) as con:
        versions = con.execute(
            "SELECT year, version, status FROM releases WHERE index_code = 'SIPAS'"
            " AND year = 2024 ORDER BY version"
        ).fetchall()
        value = con.execute(
            "SELECT value FROM scores JOIN releases USING (release_id) WHERE status = 'current'"
            " AND index_code = 'SIPAS' AND year = 2024 AND province_code = '01'"
        ).fetchall()
        logged = con.execute(
            "SELECT who, action, index_code, year FROM audit_log ORDER BY changed_at DESC LIMIT 1"
        ).fetchall()
    assert versions == [(2024, 1, "superseded"), (2024, 2, "current")]
    assert value == [(86.7,)]
    assert logged == [("Nguyễn Văn A", "seed_refreshed", "SIPAS", 2024)]


def test_a_changed_seed_year_stays_behind_a_staff_import(db_file, tmp_path):
    with db.connect(db_file) as con:
        imported = staff_work(con, tmp_path)
    folder = data_copy(tmp_path)
    old = "2016,Hà Nội,01,entry_costs,7.5077085495,"
    change_seed(folder, "pci.csv", old, old.replace("7.5077085495", "7.5177085495"))
    assert seed.build(db_file, folder, ADMIN)["PCI"] == 1
    with db.connect(db_file, read_only=True) as con:
        rows = con.execute(
            "SELECT release_id, version, status, imported_by FROM releases"
            " WHERE index_code = 'PCI' AND year = 2016 ORDER BY version"
        ).fetchall()
    assert [row[1:] for row in rows] == [
        (1, "superseded", "seed"),
        (2, "current", "Trần Thị B"),
        (3, "superseded", "seed"),  # the refreshed seed, restorable, behind the staff table
    ]
    assert rows[1][0] == imported


def test_a_fresh_build_happens_only_on_purpose_and_keeps_a_backup(db_file, tmp_path):
    with db.connect(db_file) as con:
        staff_work(con, tmp_path)
        before = count(con)
    assert main(["build", "--fresh", "--db", str(db_file)]) == 0
    backups = list(db_file.parent.glob("scores.duckdb.backup-*"))
    assert len(backups) == 1
    with db.connect(backups[0], read_only=True) as con:
        assert count(con) == before
    with db.connect(db_file, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM actions").fetchone() == (0,)
        last = con.execute(
            "SELECT action, after FROM audit_log ORDER BY changed_at DESC LIMIT 1"
        ).fetchone()
    assert last == ("rebuilt", f'{{"backup": "{backups[0].name}"}}')


def test_a_failing_upgrade_leaves_the_database_as_it_was(db_file, tmp_path):
    with db.connect(db_file) as con:
        staff_work(con, tmp_path)
        before = count(con)
        indices = con.execute("SELECT * FROM indices ORDER BY index_code").fetchall()
    folder = data_copy(tmp_path)
    change_seed(
        folder, "sipas.csv", "2024,Hà Nội,01,sipas_total,86.5,", "2024,Hà Nội,01,sipas_total,86.7,"
    )
    (folder / "seed" / "pci.csv").write_text("year,rank\n", encoding="utf-8")  # a broken seed
    with pytest.raises(ValueError, match="pci.csv"):
        seed.build(db_file, folder, ADMIN)
    with db.connect(db_file, read_only=True) as con:
        assert count(con) == before
        # The reference tables were dropped and refilled inside the transaction: back as they were.
        assert con.execute("SELECT * FROM indices ORDER BY index_code").fetchall() == indices


def test_a_database_from_before_the_city_index_gains_its_releases_on_upgrade(db_file):
    with db.connect(db_file) as con:  # as a database built before issue #21 was
        con.execute(
            "DELETE FROM scores WHERE release_id IN (SELECT release_id FROM releases"
            " WHERE index_code LIKE 'HNPAR%')"
        )
        con.execute(
            "DELETE FROM averages WHERE release_id IN (SELECT release_id FROM releases"
            " WHERE index_code LIKE 'HNPAR%')"
        )
        con.execute("DELETE FROM import_log WHERE index_code LIKE 'HNPAR%'")
        con.execute("DELETE FROM releases WHERE index_code LIKE 'HNPAR%'")
        con.execute("DROP VIEW units; DROP TABLE average_scopes")
        before = count(con)
    counts = seed.build(db_file, by=ADMIN)
    assert (counts["HNPAR_DEPT"], counts["HNPAR_LOCAL"], counts["PAR"]) == (4, 4, 0)
    with db.connect(db_file, read_only=True) as con:
        after = count(con)
        city = con.execute(
            "SELECT count(*) FROM scores JOIN releases USING (release_id)"
            " WHERE index_code = 'HNPAR_DEPT' AND year = 2022"
        ).fetchone()
    assert after["releases"] == before["releases"] + 8 and city == (21,)
    assert after["actions"] == before["actions"] and after["targets"] == before["targets"]

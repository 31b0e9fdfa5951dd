"""Two app servers and the command line on one database file, at the same time."""

import csv
import io
import os
import shutil
import subprocess
import sys

from conftest import ROOT
from playwright.sync_api import expect
from test_browser import CHROMIUM, FLAGS, no_exception, pytestmark, start_server  # noqa: F401

ROUNDS = 10
CARD = '[data-testid="stMetricValue"]'


def cli(*args: str, db_file) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "scores", "--lang", "en", *args],
        cwd=ROOT,
        env={**os.environ, "SCORES_DB": str(db_file)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def sipas_card(page) -> str:
    """Reload (a new session, so a new script run) and read Hà Nội's SIPAS card."""
    page.reload()
    expect(page.locator(CARD)).to_have_count(4, timeout=60000)
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0, timeout=30000)
    no_exception(page)
    return page.locator(CARD).nth(1).inner_text()


def test_two_servers_and_cli_imports_share_one_database(built_db, tmp_path):
    from playwright.sync_api import sync_playwright

    path = tmp_path / "scores.duckdb"
    shutil.copy(built_db, path)
    logs = [open(tmp_path / f"server{n}.log", "w") for n in (1, 2)]  # noqa: SIM115
    servers = [start_server(path, log) for log in logs]
    try:
        with sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            pages = [browser.new_page(viewport={"width": 1440, "height": 900}) for _ in servers]
            for page, (_, url) in zip(pages, servers, strict=True):
                page.goto(f"{url}/?lang=vi")
            for round_ in range(1, ROUNDS + 1):
                upload = tmp_path / f"sipas_{round_}.csv"
                upload.write_text(f"Tỉnh,SIPAS\nHà Nội,{70 + round_}.25\n", encoding="utf-8")
                importing = cli(
                    "import", str(upload), "--index", "SIPAS", "--year", "2024", db_file=path
                )
                for page in pages:  # both servers read while the import runs
                    sipas_card(page)
                out, err = importing.communicate(timeout=60)
                assert importing.returncode == 0, err
                # Each server shows the new release on its next run.
                assert [sipas_card(page) for page in pages] == [f"{70 + round_},25%"] * 2
            browser.close()
    finally:
        for process, _ in servers:
            process.terminate()
            process.wait(timeout=20)
        for log in logs:
            log.close()
    listed = cli("releases", db_file=path).communicate(timeout=60)[0]
    sipas = [
        row
        for row in csv.DictReader(io.StringIO(listed))
        if (row["index"], row["year"]) == ("SIPAS", "2024")
    ]
    assert [int(row["version"]) for row in sipas] == list(range(1, ROUNDS + 2))
    assert [row["status"] for row in sipas] == ["superseded"] * ROUNDS + ["current"]
    for n in (1, 2):
        log = (tmp_path / f"server{n}.log").read_text(encoding="utf-8")
        assert "Traceback" not in log and "Error" not in log, log

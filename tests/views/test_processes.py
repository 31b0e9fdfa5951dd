"""Two app servers and the command line on one database file, at the same time."""

import csv
import io
import os
import re
import shutil
import subprocess
import sys

from conftest import ROOT
from playwright.sync_api import expect
from test_browser import CHROMIUM, FLAGS, no_exception, pytestmark, start_server  # noqa: F401

# Five imports while both servers redraw, each round a chance for a page run to meet a commit.
# Ten rounds made this the suite's longest test (75-124 s, bench/RESULTS.md) inside CI's 15 min.
ROUNDS = 5
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


def sipas_card(page, round_: int) -> str:
    """Switch the language (a new script run in the same session, no page reload) and read Hà
    Nội's SIPAS card once the new run has drawn it ("71,25%" in Vietnamese, "71.25%" in English)."""
    lang, label, point = ("en", "English", ".") if round_ % 2 else ("vi", "Tiếng Việt", ",")
    page.get_by_text(label, exact=True).click()
    page.wait_for_function(f"() => location.search.includes('lang={lang}')", timeout=60000)
    card = page.locator(CARD).nth(1)
    expect(card).to_have_text(re.compile(rf"^\d+\{point}\d\d%$"), timeout=60000)
    expect(page.locator('[data-testid="stStatusWidget"]')).to_have_count(0, timeout=60000)
    no_exception(page)
    return card.inner_text().replace(".", ",")


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
                expect(page.locator(CARD)).to_have_count(4, timeout=60000)
            committed = 0  # the value of the last import known to be committed
            for round_ in range(1, ROUNDS + 2):
                importing = None
                if round_ <= ROUNDS:
                    upload = tmp_path / f"sipas_{round_}.csv"
                    upload.write_text(f"Tỉnh,SIPAS\nHà Nội,{70 + round_}.25\n", encoding="utf-8")
                    importing = cli(
                        "import",
                        str(upload),
                        "--index",
                        "SIPAS",
                        "--year",
                        "2024",
                        "--partial",
                        db_file=path,
                    )
                # Both servers run the page while the import runs; each run began after the
                # previous import committed, so it shows that one (or the one now running).
                allowed = {f"{70 + committed},25%", f"{70 + round_},25%"} if committed else None
                shown = [sipas_card(page, round_) for page in pages]
                if allowed:
                    assert set(shown) <= allowed, (round_, shown)
                if importing:
                    err = importing.communicate(timeout=120)[1]
                    assert importing.returncode == 0, err
                    committed = round_
            # The last runs began after the last import: every server shows it.
            assert shown == [f"{70 + ROUNDS},25%"] * 2
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

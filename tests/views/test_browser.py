"""The real server in Chromium: pages open in both languages, links reproduce views."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "tests" / "artifacts"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists() and not os.environ.get("CI"),
        reason="Debian's chromium is not installed (CI installs it)",
    ),
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(built_db, tmp_path_factory):
    """streamlit run on 127.0.0.1 with a private copy of the built database."""
    path = tmp_path_factory.mktemp("server") / "scores.duckdb"
    shutil.copy(built_db, path)
    port = _free_port()
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "dashboard.py",
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--server.headless",
        "true",
    ]
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, "SCORES_DB": str(path), "SCORES_ADMIN_PASSWORD": "s3cret"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/_stcore/health", timeout=2)
            break
        except OSError:
            time.sleep(0.3)
    yield url
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


def open_page(browser, url: str, size=(1440, 900), ready='[data-testid="stMetric"]'):
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    page.goto(url)
    page.wait_for_selector(ready, timeout=60000)
    return page


def shoot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=False)


@pytest.mark.parametrize("size", [(1440, 900), (1920, 1080)], ids=["laptop", "meeting"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_overview_opens_without_error(server, browser, lang, size):
    page = open_page(browser, f"{server}/?lang={lang}", size)
    expected = "92,57 %" if lang == "vi" else "92.57 %"
    # Wait for the whole run: the first metric can appear before the other cards are drawn.
    page.locator('[data-testid="stMetricValue"]').nth(3).wait_for(timeout=30000)
    assert page.locator('[data-testid="stException"]').count() == 0
    values = page.locator('[data-testid="stMetricValue"]').all_inner_texts()
    assert values[0] == expected
    shoot(page, f"overview_{lang}_{size[0]}x{size[1]}")
    page.close()


TABS = {
    "vi": ["Xếp hạng", "Bản đồ", "Bảng số liệu", "Tương quan"],
    "en": ["Ranking", "Map", "Table", "Correlation"],
}


@pytest.mark.parametrize("size", [(1440, 900), (1920, 1080)], ids=["laptop", "meeting"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_rankings_tabs_show_their_charts(server, browser, lang, size):
    url = f"{server}/rankings?lang={lang}&index=PCI&year=2016"
    page = open_page(browser, url, size, ready=".js-plotly-plot")
    for number, tab in enumerate(TABS[lang]):
        page.get_by_role("tab", name=tab).click()
        panel = page.locator('[role="tabpanel"]:visible')
        panel.locator(".js-plotly-plot, [data-testid='stDataFrame']").first.wait_for(timeout=30000)
        page.wait_for_timeout(800)
        assert page.locator('[data-testid="stException"]').count() == 0
        shoot(page, f"rankings_{number}_{lang}_{size[0]}x{size[1]}")
    page.close()


def test_rankings_map_draws_every_province(server, browser):
    page = open_page(
        browser, f"{server}/rankings?lang=vi&index=PCI&year=2016", ready=".js-plotly-plot"
    )
    page.get_by_role("tab", name="Bản đồ").click()
    page.wait_for_timeout(1500)
    shapes = page.locator('[role="tabpanel"]:visible .js-plotly-plot path.js-fill')
    assert shapes.count() == 63
    page.close()


def test_a_link_reproduces_province_and_language(server, browser):
    page = open_page(browser, f"{server}/?lang=en&province=48")
    assert page.locator("h1").first.inner_text().startswith("Overview: Da Nang")
    page.close()


def test_switching_language_updates_the_link(server, browser):
    page = open_page(browser, f"{server}/?lang=vi")
    page.get_by_text("English", exact=True).click()
    page.wait_for_function("() => location.search.includes('lang=en')", timeout=20000)
    page.wait_for_selector("h1:has-text('Overview')", timeout=20000)
    assert "province=01" in page.url
    page.close()


@pytest.mark.parametrize("size", [(1440, 900), (1920, 1080)], ids=["laptop", "meeting"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_targets_page_shows_both_targets(server, browser, lang, size):
    page = open_page(browser, f"{server}/targets?lang={lang}", size, ready=".js-plotly-plot")
    page.wait_for_timeout(1000)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator(".js-plotly-plot").count() == 3
    shoot(page, f"targets_{lang}_{size[0]}x{size[1]}")
    page.close()


@pytest.mark.parametrize("size", [(1440, 900), (1920, 1080)], ids=["laptop", "meeting"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_components_page_shows_bars_table_and_heatmap(server, browser, lang, size):
    url = f"{server}/components?lang={lang}&index=PCI&year=2016"
    page = open_page(browser, url, size, ready=".js-plotly-plot")
    page.wait_for_timeout(1000)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator(".js-plotly-plot").count() == 2
    assert page.locator('[data-testid="stDataFrame"]').count() == 1
    shoot(page, f"components_{lang}_{size[0]}x{size[1]}")
    page.close()


def test_a_file_uploaded_through_the_browser_lands_in_the_history(server, browser, tmp_path):
    upload = tmp_path / "par_2025.csv"
    upload.write_text(
        "Kết quả PAR INDEX 2025\nTỉnh/thành phố,PAR INDEX,Xếp hạng\nTP. Hà Nội,93.1,2\n",
        encoding="utf-8",
    )
    page = open_page(browser, f"{server}/data?lang=vi", (1440, 900), ready='input[type="password"]')
    page.locator('input[type="password"]').first.fill("s3cret")
    page.get_by_role("button", name="Đăng nhập").first.click()
    page.locator('input[type="password"]').first.wait_for(state="detached", timeout=30000)
    page.wait_for_timeout(1000)
    page.locator('input[type="file"]').set_input_files(str(upload))
    page.get_by_role("button", name="Lưu thành bản công bố mới").click(timeout=30000)
    page.get_by_text("Đã lưu PAR INDEX 2025").wait_for(timeout=30000)
    shoot(page, "data_upload_vi_1440x900")
    page.get_by_role("tab", name="Lịch sử công bố").click()
    page.get_by_text("PAR INDEX 2025, phiên bản 1 (hiện hành): tệp par_2025.csv").wait_for(
        timeout=30000
    )
    assert page.locator('[data-testid="stException"]').count() == 0
    shoot(page, "data_history_vi_1440x900")
    page.close()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_data_page_opens_in_both_languages(server, browser, lang):
    page = open_page(
        browser,
        f"{server}/data?lang={lang}",
        (1920, 1080),
        ready='[data-testid="stTabs"], [role="tablist"]',
    )
    page.wait_for_timeout(1000)
    assert page.locator('[data-testid="stException"]').count() == 0
    shoot(page, f"data_{lang}_1920x1080")
    page.close()

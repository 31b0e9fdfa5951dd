"""The city's Rankings in Chromium: the departments' bars and table at 1440x900 and 1920x1080
in both languages, screenshots in tests/artifacts/ for a person to look at."""

import pytest
from playwright.sync_api import expect
from test_browser import (  # noqa: F401  (fixtures)
    ARTIFACTS,
    browser,
    no_exception,
    open_page,
    server,
    settled,
)

pytestmark = pytest.mark.browser

SIZES = [(1440, 900), (1920, 1080)]
TITLES = {
    "vi": "Chỉ số CCHC sở, ban, ngành 2022: Chỉ số CCHC của sở, ban, ngành",
    "en": "Hà Nội PAR (departments) 2022: PAR index of city departments (overall)",
}
TABS = {"vi": ["Xếp hạng", "Bảng số liệu"], "en": ["Ranking", "Table"]}
FIRST = {"vi": "Sở Lao động - Thương binh và Xã hội", "en": "Department of Labour"}


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_the_city_rankings_draw_the_departments_in_both_languages(server, browser, lang, size):  # noqa: F811
    url = f"{server}/rankings?scope=city&index=HNPAR_DEPT&year=2022&lang={lang}"
    page = open_page(browser, url, ".js-plotly-plot", 2, size)
    settled(page)
    no_exception(page)
    assert page.locator("h1").first.inner_text() == TITLES[lang]
    assert page.get_by_role("tab").all_inner_texts() == TABS[lang]
    bars = page.locator('[data-testid="stPlotlyChart"]').last  # the wide screen's chart
    expect(bars).to_contain_text(FIRST[lang])
    assert "21/22" in page.locator('[data-testid="stAlert"]').first.inner_text() or (
        "21 of 22" in page.locator('[data-testid="stAlert"]').first.inner_text()
    )
    ARTIFACTS.mkdir(exist_ok=True)
    name = f"city_rankings_{lang}_{size[0]}x{size[1]}"
    page.screenshot(path=ARTIFACTS / f"{name}.png")
    page.get_by_role("tab").nth(1).click()
    expect(page.locator('[data-testid="stDataFrame"]')).to_have_count(1, timeout=30000)
    settled(page)
    no_exception(page)
    page.screenshot(path=ARTIFACTS / f"{name}_table.png")
    page.close()

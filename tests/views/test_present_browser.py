"""The presentation page in Chromium: walked with the keyboard and the buttons, every slide shot
at 1920x1080 in both languages (tests/artifacts/present_*), links that open a given slide."""

import re

from playwright.sync_api import expect
from test_browser import (  # noqa: F401 (fixtures)
    ARTIFACTS,
    browser,
    no_exception,
    open_page,
    pytestmark,
    server,
    settled,
)

SLIDE_TITLE = ".st-key-slide h1"


def walk(page, lang: str, step) -> list[str]:
    """Every slide from the first to the last, moved by `step`, each shot; their titles."""
    ARTIFACTS.mkdir(exist_ok=True)
    count = int(re.search(r"(\d+)\D*$", page.locator(".st-key-slide_footer").inner_text())[1])
    titles = []
    for number in range(1, count + 1):
        expect(page).to_have_url(re.compile(rf"slide={number}(&|$)"), timeout=30000)
        footer = page.locator(".st-key-slide_footer")
        expect(footer).to_have_text(re.compile(rf"· {number}/{count}\s*$"), timeout=30000)
        if page.locator(".st-key-chart").count():  # a slide with a chart: drawn, not a blank frame
            expect(page.locator(".st-key-chart .main-svg").first).to_be_visible(timeout=30000)
        settled(page)
        expect(page.locator('[data-stale="true"]')).to_have_count(0, timeout=30000)
        no_exception(page)
        titles.append(page.locator(SLIDE_TITLE).inner_text())
        page.screenshot(path=ARTIFACTS / f"present_{lang}_{number:02d}_1920x1080.png")
        if number < count:
            step(page)
    return titles


def test_walk_with_keys_and_buttons_in_both_languages(server, browser):  # noqa: F811
    page = open_page(browser, f"{server}/present?lang=vi&year=2024", SLIDE_TITLE, size=(1920, 1080))
    assert page.locator('section[data-testid="stSidebar"]').is_hidden()  # no sidebar
    page.wait_for_function("() => window.__slideKeys === true", timeout=30000)  # keys heard
    titles = walk(page, "vi", lambda p: p.keyboard.press("ArrowRight"))
    assert titles[0] == "Hà Nội: bốn bộ chỉ số đến năm 2024"
    assert len(set(titles)) == len(titles) >= 7
    assert page.get_by_role("button", name="Trang sau").is_disabled()  # the last slide
    page.keyboard.press("ArrowLeft")
    expect(page.locator(SLIDE_TITLE)).to_have_text(titles[-2], timeout=30000)
    page.get_by_role("button", name="Trang trước").click()
    expect(page.locator(SLIDE_TITLE)).to_have_text(titles[-3])
    page.close()
    page = open_page(browser, f"{server}/present?lang=en&year=2024", SLIDE_TITLE, size=(1920, 1080))
    english = walk(page, "en", lambda p: p.get_by_role("button", name="Next").click())
    assert english[0] == "Hanoi: the four indices up to 2024" and len(english) == len(titles)
    page.close()


def test_a_link_opens_the_chosen_slides_in_their_order(server, browser):  # noqa: F811
    url = f"{server}/present?lang=en&year=2024&slides=changes,scorecard&slide=2"
    page = open_page(browser, url, SLIDE_TITLE, size=(1920, 1080))
    expect(page.locator(SLIDE_TITLE)).to_have_text("Hanoi: the four indices up to 2024")
    settled(page)
    page.wait_for_function("() => window.__slideKeys === true", timeout=30000)  # keys heard
    page.keyboard.press("ArrowLeft")
    expect(page.locator(SLIDE_TITLE)).to_have_text(
        "Hanoi: changes since the latest earlier year with figures (to 2024)", timeout=30000
    )
    expect(page).to_have_url(re.compile(r"slides=changes%2Cscorecard.*slide=1"))
    page.close()

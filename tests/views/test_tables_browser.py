"""Tables fit the screen (issue #22): long text wraps inside its cell, nothing scrolls sideways."""

import shutil

import pytest
from playwright.sync_api import expect
from test_browser import (  # noqa: F401 (fixtures)
    ARTIFACTS,
    browser,
    no_exception,
    open_page,
    pytestmark,
    settled,
    start_server,
)

from scores import db
from scores.roles import Actor
from scores.store.actions import Action, add

# A real-length action and progress note, as a department writes them (no ":" or markup, so
# the text in the DOM is exactly the text typed).
ACTION = (
    "Rà soát toàn bộ quy trình thu phí, lệ phí tại bộ phận một cửa của các sở, ngành và ủy ban"
    " nhân dân cấp xã; công khai danh mục phí trên cổng thông tin điện tử và niêm yết tại trụ sở"
)
NOTE = (
    "Đã hoàn thành rà soát tại 12 sở, ngành; đang tổng hợp ý kiến của hiệp hội doanh nghiệp để"
    " trình ủy ban nhân dân thành phố ban hành kế hoạch trong quý hai năm 2027"
)
# Every table on the page: [its content's width, its own width]; and every cell cut (its text
# taller or wider than its box, as a grid cell that does not wrap is).
TABLES = """() => [...document.querySelectorAll('[data-testid="stTable"]')]
    .map(t => [t.scrollWidth, t.clientWidth])"""
CELLS_CUT = """() => [...document.querySelectorAll('[data-testid="stTable"] td')]
    .filter(c => c.scrollWidth > c.clientWidth + 1 || c.scrollHeight > c.clientHeight + 1)
    .map(c => c.innerText)"""
SIZES = [(1920, 1080), (1440, 900)]


@pytest.fixture(scope="module")
def server(built_db, tmp_path_factory):
    """The app on a copy of the built database holding one long action for Hà Nội."""
    path = tmp_path_factory.mktemp("tables") / "scores.duckdb"
    shutil.copy(built_db, path)
    with db.connect(path) as con:
        action = Action(
            "01",
            "PCI",
            "informal_charges",
            "Sở Tài chính",
            ACTION,
            "2030-06-30",
            "in_progress",
            NOTE,
        )
        add(con, action, Actor("Sở Nội vụ", "editor"))
    process, url = start_server(path)
    yield url
    process.terminate()
    process.wait(timeout=20)


def fits(page, name: str, width: int, texts: list[str]) -> None:
    """No table wider than its frame, no page wider than the screen, every long text whole."""
    settled(page)
    no_exception(page)
    tables = page.evaluate(TABLES)
    assert tables and all(inner <= frame for inner, frame in tables), tables
    assert page.evaluate("() => document.scrollingElement.scrollWidth") <= width
    assert page.evaluate(CELLS_CUT) == []
    for text in texts:
        cells = page.locator('[data-testid="stTable"] td', has_text=text)
        expect(cells.first).to_be_visible()
        for cell in cells.all():
            box = cell.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= width, (text, box)
    page.screenshot(path=ARTIFACTS / f"table_{name}_{width}.png", full_page=True)


@pytest.mark.parametrize("size", SIZES)
def test_plan_action_text_and_note_wrap_in_their_cells(server, browser, size):  # noqa: F811
    page = open_page(
        browser, f"{server}/plan?lang=vi&index=PCI", '[data-testid="stTable"]', 3, size
    )  # the gap, the components' departments (#21) and the actions
    fits(page, "plan", size[0], [ACTION, NOTE])
    page.close()


@pytest.mark.parametrize("size", SIZES)
def test_sub_indicator_reasons_wrap_in_their_cells(server, browser, size):  # noqa: F811
    url = f"{server}/components?lang=vi&index=PAPI&year=2024"
    page = open_page(browser, url, '[data-testid="stTable"]', 1, size)
    reason = "thuộc nhóm một phần ba thấp nhất cả nước; giảm hai năm liền"
    fits(page, "components", size[0], [reason])
    page.close()

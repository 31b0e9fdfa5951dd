"""A department's page in the browser (issue #21): screenshots at the meeting room's sizes in
both languages, and no table scrolling sideways."""

import shutil

import pytest
from test_browser import (  # noqa: F401 (fixtures)
    ARTIFACTS,
    browser,
    no_exception,
    open_page,
    pytestmark,
    settled,
    start_server,
)
from test_tables_browser import CELLS_CUT, TABLES

from scores import db
from scores.roles import Actor
from scores.store import owners
from scores.store.actions import Action, add

LAN = Actor("lan", "admin")
# A real-length action and note, as a department writes them.
ACTION = (
    "Rà soát, cắt giảm thành phần hồ sơ của các thủ tục hành chính do sở tiếp nhận; công khai quy"
    " trình nội bộ và thời hạn giải quyết trên Cổng dịch vụ công của Thành phố"
)
NOTE = "Đã rà soát 120 trong 180 thủ tục; trình Ủy ban nhân dân Thành phố phương án cắt giảm"
SIZES = [(1920, 1080), (1440, 900)]


@pytest.fixture(scope="module")
def server(built_db, tmp_path_factory):
    """The app on a copy of the built database: Home Affairs owns two components and leads an
    overdue action and a later one."""
    path = tmp_path_factory.mktemp("unit") / "scores.duckdb"
    shutil.copy(built_db, path)
    with db.connect(path) as con:
        owners.set_owners(con, "PCI", "informal_charges", ["HN-D-NV", "HN-D-TC"], LAN)
        owners.set_owners(con, "PAR", "par_administrative_procedures", ["HN-D-NV"], LAN)
        late = Action("01", "PAR", "par_administrative_procedures", "", ACTION, "2026-06-30")
        add(con, Action(**{**late.__dict__, "note": NOTE, "owner_code": "HN-D-NV"}), LAN)
        later = Action("01", "PCI", "informal_charges", "", "Công khai các khoản phí", "2027-03-31")
        add(con, Action(**{**later.__dict__, "owner_code": "HN-D-NV"}), LAN)
    process, url = start_server(path)
    yield url
    process.terminate()
    process.wait(timeout=20)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("size", SIZES)
def test_the_department_page_fits_the_screen_in_both_languages(server, browser, size, lang):  # noqa: F811
    url = f"{server}/unit?lang={lang}&unit=HN-D-NV"
    page = open_page(browser, url, '[data-testid="stTable"]', 3, size)
    settled(page)
    no_exception(page)
    tables = page.evaluate(TABLES)
    assert len(tables) == 3 and all(inner <= frame for inner, frame in tables), tables
    assert page.evaluate("() => document.scrollingElement.scrollWidth") <= size[0]
    assert page.evaluate(CELLS_CUT) == []
    title = "Sở Nội vụ" if lang == "vi" else "Department of Home Affairs"
    assert page.locator("h1").first.inner_text() == title
    assert page.get_by_text(NOTE).count() == 1  # the long note whole, in its cell
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"unit_{lang}_{size[0]}.png")
    page.locator('[data-testid="stTable"]').last.scroll_into_view_if_needed()
    page.screenshot(path=ARTIFACTS / f"unit_{lang}_{size[0]}_actions.png")
    page.close()


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("size", SIZES)
def test_the_plan_page_s_departments_fit_the_screen(server, browser, size, lang):  # noqa: F811
    page = open_page(
        browser, f"{server}/plan?lang={lang}&index=PAR", '[data-testid="stTable"]', 3, size
    )
    settled(page)
    no_exception(page)
    tables = page.evaluate(TABLES)
    assert all(inner <= frame for inner, frame in tables), tables
    assert page.evaluate(CELLS_CUT) == []
    page.locator('[data-testid="stTable"]').nth(1).scroll_into_view_if_needed()  # the mapping
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"plan_owners_{lang}_{size[0]}.png")
    page.close()

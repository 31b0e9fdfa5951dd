"""Typed text in the browser (issue #23): an action's owner, text and note, a target's basis and
an import's source hold Markdown and right-to-left text; every page that shows them shows them as
written, and the browser fetches nothing outside the app (an image in Markdown was fetched by
every viewer's browser, a link became clickable)."""

import shutil
from dataclasses import replace
from urllib.parse import urlparse

import pytest
from test_browser import (  # noqa: F401 (fixtures)
    ARTIFACTS,
    browser,
    no_exception,
    pytestmark,
    settled,
    start_server,
)

from scores import db
from scores.roles import Actor
from scores.store import releases as store
from scores.store import targets
from scores.store.actions import Action, add
from scores.store.imports import import_file

HOSTILE = "http://127.0.0.1:9"  # the discard port: a fetch there is a fetch the app caused
RTL = "מחלקת האוצר وزارة المالية"


def typed(field: str) -> str:
    """A typed field's text: an image, a link and emphasis in Markdown, then right-to-left."""
    return f"![b]({HOSTILE}/{field}.png) [{field}]({HOSTILE}/{field}) **{field}** {RTL}"


@pytest.fixture(scope="module")
def site(built_db, tmp_path_factory):
    """The app on a database holding typed text in every free-text field."""
    folder = tmp_path_factory.mktemp("free_text")
    path = folder / "scores.duckdb"
    shutil.copy(built_db, path)
    editor, admin = Actor("hoa", "editor"), Actor("lan", "admin")
    with db.connect(path) as con:
        owner = typed("owner")[:200]
        action = Action("01", "PCI", "informal_charges", owner, typed("action"), "2026-12-31")
        add(con, replace(action, note=typed("note")), editor)
        for target in db.query(con, "targets_by_index", province_code="01").itertuples():
            fields = {name: getattr(target, name) for name in targets.Target.__dataclass_fields__}
            fields["last_year"] = None  # every target still runs
            targets.save(con, targets.Target(**{**fields, "basis": typed("basis")}), admin)
        upload = folder / "sipas_2024.csv"
        upload.write_text("STT,Tỉnh/thành phố,Chỉ số SIPAS\n1,TP. Hà Nội,87.1\n", "utf-8")
        import_file(
            con, upload, "SIPAS", 2024, store.Source(document=typed("source")), partial=True
        )
    process, url = start_server(path)
    yield url
    process.terminate()
    process.wait(timeout=20)


PAGES = [
    "components?index=PCI&year=2021",  # the actions beside the indicators
    "targets",  # each target's basis
    "plan?index=PCI",  # the actions table (a data grid drawn on a canvas: plain text)
    "data",  # the release history, the change history (its tabs are in the page, hidden)
    "rankings?index=SIPAS&year=2024",  # the imported release's source under the chart
    "present?slides=plan",  # the plan slide's actions
    "present?slides=targets",  # the target slide's speaker notes (basis)
]
CANVAS_ONLY = {"plan?index=PCI"}


@pytest.mark.parametrize("path", PAGES)
def test_typed_text_is_shown_as_written_and_fetches_nothing(site, browser, path):  # noqa: F811
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(f"{site}/{path}")
    page.locator("h1").first.wait_for(timeout=60000)
    settled(page)
    no_exception(page)
    outside = [url for url in fetched if urlparse(url).port != urlparse(site).port]
    assert outside == []
    assert page.locator('img[src*="127.0.0.1:9"], a[href*="127.0.0.1:9"]').count() == 0
    if path not in CANVAS_ONLY:  # text in the page, shown or in a closed tab or expander
        body = page.evaluate("document.body.textContent").replace("\u2060", "")
        assert RTL in body  # right-to-left letters shown like any text
        assert "![b](" in body and "**" in body  # the Markdown itself, as typed
    ARTIFACTS.mkdir(exist_ok=True)
    name = path.replace("?", "_").replace("&", "_").replace("=", "-")
    page.screenshot(path=str(ARTIFACTS / f"free_text_{name}.png"), full_page=True)
    page.close()

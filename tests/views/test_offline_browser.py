"""Offline: with every request to anywhere but the app's own address refused, each page draws
every icon from what the app ships (issue #23: a city network without internet showed none)."""

from urllib.parse import urlparse

import pytest
from test_browser import (  # noqa: F401 (fixtures)
    ARTIFACTS,
    PAGES,
    browser,
    no_exception,
    pytestmark,
    server,
    settled,
)

# An icon drawn by the Material Symbols font is one glyph about as wide as the type is high;
# a font that did not load leaves the ligature's name ("leaderboard"), many times wider.
ICONS = """() => [...document.querySelectorAll('[data-testid="stIconMaterial"]')].map(icon => {
    const style = getComputedStyle(icon);
    return {name: icon.textContent, width: icon.getBoundingClientRect().width,
            size: parseFloat(style.fontSize), family: style.fontFamily};
})"""


def offline_page(browser, blocked: list[str]):  # noqa: F811
    """A tab whose requests outside 127.0.0.1 are refused (and listed in `blocked`)."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})

    def only_the_app(route) -> None:
        if urlparse(route.request.url).hostname == "127.0.0.1" or route.request.url.startswith(
            "data:"
        ):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort("internetdisconnected")

    context.route("**/*", only_the_app)
    return context, context.new_page()


@pytest.mark.parametrize("name", [*PAGES, "plan", "present"])
def test_every_page_shows_its_icons_with_the_network_blocked(server, browser, name):  # noqa: F811
    blocked: list[str] = []
    context, page = offline_page(browser, blocked)
    seen: list[str] = []  # every request the page makes, routed or not
    page.on("request", lambda request: seen.append(request.url))
    path = PAGES[name][0] if name in PAGES else name
    page.goto(f"{server}/{path}")
    # attached, not visible: the presentation page hides its sidebar (the icons still load)
    page.locator('[data-testid="stSidebarNav"] [data-testid="stIconMaterial"]').first.wait_for(
        state="attached", timeout=60000
    )
    settled(page)
    page.wait_for_function("document.fonts.status === 'loaded'", timeout=30000)
    no_exception(page)
    icons = page.evaluate(ICONS)
    assert len(icons) >= 7  # one per page in the navigation at least
    wide = [icon for icon in icons if icon["width"] > 1.6 * icon["size"]]
    assert wide == [], wide  # every icon a glyph, none its ligature's text
    assert page.evaluate("document.fonts.check('24px \"Material Symbols Rounded\"')")
    # The tab icon too is the app's own: Streamlit sets a :material/…: page icon to an address
    # on a font host, a request Chromium makes outside the page (not seen by routes).
    favicon = page.evaluate("document.querySelector(\"link[rel='shortcut icon']\").href")
    assert urlparse(favicon).hostname in ("127.0.0.1", None), favicon
    outside = [u for u in seen if urlparse(u).hostname not in ("127.0.0.1", None)]
    assert blocked == [] and outside == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"offline_{name}.png"))
    context.close()

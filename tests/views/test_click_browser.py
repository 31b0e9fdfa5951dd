"""A click on a province in Chromium (Streamlit's plotly selection event) makes it the focus."""

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

from scores.charts.map import outlines
from scores.charts.targets_on_map import centre

MAP = ".st-key-map_wide .js-plotly-plot"


def point_on_page(page, chart: str, lon: float, lat: float) -> list[float]:
    """Where a map coordinate is drawn on the page (plotly's own axis conversion)."""
    return page.evaluate(
        """([chart, x, y]) => {
            const gd = document.querySelector(chart);
            const box = gd.getBoundingClientRect(), L = gd._fullLayout;
            return [box.left + L._size.l + L.xaxis.l2p(x), box.top + L._size.t + L.yaxis.l2p(y)];
        }""",
        [chart, lon, lat],
    )


def test_a_click_on_a_map_province_makes_it_the_focus(browser, server):  # noqa: F811
    page = open_page(browser, f"{server}/rankings?index=PCI&year=2016&tab=Bản+đồ", MAP)
    settled(page)
    title = page.locator(".st-key-map_wide .gtitle")
    expect(title).to_contain_text("Hà Nội xếp thứ 14/63")
    page.mouse.click(*point_on_page(page, MAP, *centre(*outlines(2016)["40"])))  # Nghệ An
    expect(page).to_have_url(re.compile(r"province=40(&|$)"), timeout=30000)
    settled(page)
    expect(title).to_contain_text("Nghệ An xếp thứ 25/63")
    # Today's Nghệ An (its main line holds the Nghệ An of 2016), as the sidebar picker names it.
    picker = page.get_by_role("combobox", name="Tỉnh, thành phố")
    expect(picker).to_have_value("Nghệ An", timeout=10000)
    no_exception(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "click_map_focus_1440x900.png")


def test_a_click_on_a_bar_makes_it_the_focus(browser, server):  # noqa: F811
    page = open_page(
        browser, f"{server}/rankings?index=PCI&year=2016", ".st-key-bars_wide .js-plotly-plot"
    )
    settled(page)
    bar = page.locator(".st-key-bars_wide .js-plotly-plot .bars .point").first  # the best: Đà Nẵng
    box = bar.bounding_box()  # plotly's drag layer lies over the bars: click where one is drawn
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page).to_have_url(re.compile(r"province=48(&|$)"), timeout=30000)
    no_exception(page)


def test_a_click_on_a_scatter_point_makes_it_the_focus(browser, server):  # noqa: F811
    page = open_page(
        browser, f"{server}/rankings?index=PCI&year=2016&tab=Tương+quan", ".scatterlayer", 1
    )
    settled(page)
    # The first point drawn is the first province in the table's order; read its code from
    # plotly's own data, then click where it is drawn.
    code = page.evaluate(
        "() => document.querySelector('.scatterlayer').closest('.js-plotly-plot').data[0]"
        ".customdata[0]"
    )
    assert code != "01"  # not the focus already: the link must change
    box = page.locator(".scatterlayer .point").first.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page).to_have_url(re.compile(rf"province={code}(-\d+)?(&|$)"), timeout=30000)
    no_exception(page)

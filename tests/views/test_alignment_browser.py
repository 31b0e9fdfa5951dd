"""Figures right-aligned, text left, in the pages' wrapping tables (issue #22)."""

from test_browser import (  # noqa: F401 (fixtures)
    browser,
    no_exception,
    open_page,
    pytestmark,
    server,
    settled,
)

# Each header of the first table with its cells' computed alignment (one set per column).
ALIGNMENTS = """() => {
  const table = document.querySelector('[data-testid="stTable"] table');
  const heads = [...table.querySelectorAll('thead th')].map(th => th.innerText.trim());
  const rows = [...table.querySelectorAll('tbody tr')];
  return heads.map((head, i) => [head, [...new Set(rows.map(r =>
    getComputedStyle(r.children[i]).textAlign))]]);
}"""


def test_the_sub_indicators_table_puts_figures_right_and_words_left(server, browser):  # noqa: F811
    url = f"{server}/components?lang=en&index=PCI&year=2016"
    page = open_page(browser, url, '[data-testid="stTable"]', 1, (1920, 1080))
    settled(page)
    no_exception(page)
    found = dict(page.evaluate(ALIGNMENTS))
    page.close()
    for figure in ("Score", "National median", "Best province", "Behind the best", "Rank"):
        assert found[figure] == ["right"], (figure, found)
    for words in ("Sub-indicator", "Why flagged"):
        assert found[words] in (["left"], ["start"]), (words, found)

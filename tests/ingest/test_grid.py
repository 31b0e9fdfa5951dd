"""The ruled grid of a page image: rules found, a side without a rule merged, rules painted out,
a turned page levelled. On pages drawn here, so every position is known."""

import numpy as np
import pytest
from PIL import Image, ImageDraw

from scores.ingest import grid

YS, XS = (60, 130, 200, 270), (40, 240, 440, 560)


def page(merged_top: bool = False) -> Image.Image:
    """A white page with a 3x3 ruled table; merged_top leaves out the rule between the first
    two cells of the header row (a grouped header)."""
    image = Image.new("L", (620, 340), 255)
    draw = ImageDraw.Draw(image)
    for y in YS:
        draw.rectangle((XS[0], y - 1, XS[-1], y + 1), fill=0)
    for x in XS:
        top = YS[1] if merged_top and x == XS[1] else YS[0]
        draw.rectangle((x - 1, top, x + 1, YS[-1]), fill=0)
    return image


def test_the_rules_of_a_ruled_table_are_found_where_they_were_drawn():
    found = grid.cells(np.asarray(page()))
    assert (found.ys, found.xs) == (list(YS), list(XS))
    assert (found.rows, found.columns, found.box) == (3, 3, (40, 60, 560, 270))


def test_a_side_without_a_rule_makes_one_merged_cell():
    found = grid.cells(np.asarray(page(merged_top=True)))
    assert found.anchor[(0, 1)] == (0, 0) and found.anchor[(1, 1)] == (1, 1)
    assert found.region(0, 0) == (XS[0], YS[0], XS[2], YS[1])


def test_a_page_with_fewer_than_three_rules_across_has_no_grid():
    boxed = Image.new("L", (620, 340), 255)
    draw = ImageDraw.Draw(boxed)
    for y in (100, 200):  # two rules across and three down: a box, not a table
        draw.rectangle((40, y - 1, 560, y + 1), fill=0)
    for x in (40, 300, 560):
        draw.rectangle((x - 1, 100, x + 1, 200), fill=0)
    assert grid.cells(np.asarray(boxed)) is None


def test_the_rules_are_painted_out_and_the_cells_text_left():
    image = page()
    ImageDraw.Draw(image).rectangle((100, 150, 110, 160), fill=0)  # a mark inside cell (1, 0)
    found = grid.cells(np.asarray(image))
    clean = np.asarray(grid.without_lines(image, found))
    assert (clean[YS[1], 300], clean[180, XS[1]]) == (255, 255)
    assert grid.has_ink(found, image, 1, 0) and not grid.has_ink(found, image, 1, 1)


def test_a_level_page_is_left_as_it_is_and_a_turned_one_is_levelled():
    assert grid.deskew(page())[1] == 0.0
    turned = page().rotate(1.5, resample=Image.BICUBIC, expand=True, fillcolor=255)
    assert grid.deskew(turned)[1] == pytest.approx(-1.5, abs=0.1)

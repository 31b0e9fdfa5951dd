"""What tesseract is given and what it gives back: cells cut out in a white margin, and its
words placed back in the grid's rows and cells in reading order."""

import numpy as np
from PIL import Image

from scores.ingest import cutouts
from scores.ingest.grid import Grid

GRID = Grid(ys=[0, 40, 80, 120], xs=[0, 100, 200])
GRID.anchor = {(r, c): (r, c) for r in range(3) for c in range(2)}


def words(*found: tuple[str, float, int, int]) -> dict:
    """Tesseract's image_to_data dict for words (text, confidence, left, top), 10 px high."""
    return {
        "text": [w[0] for w in found],
        "conf": [w[1] for w in found],
        "left": [w[2] for w in found],
        "top": [w[3] for w in found],
        "width": [20] * len(found),
        "height": [10] * len(found),
        "block_num": [1] * len(found),
        "par_num": [1] * len(found),
        "line_num": [1] * len(found),
    }


def test_words_land_in_the_cell_under_their_centre_in_reading_order():
    read = words(("Nội", 90, 150, 10), ("Hà", 80, 120, 10), ("60,74", 70, 20, 50), (" ", 99, 5, 5))
    texts, sure = cutouts.fill(GRID, read)
    assert texts[(0, 1)] == "Hà Nội" and texts[(1, 0)] == "60,74" and texts[(2, 1)] == ""
    assert (sure[(0, 1)], sure[(1, 0)]) == (80, 70)


def test_a_strips_words_are_placed_by_row_back_on_the_page_scale():
    pad, zoom = cutouts.PAD, cutouts.ZOOM
    # Word centres on the strip cut at y0 = 40: 75 on the page (row 1), 115 (row 2), each near
    # its row's lower rule, so a centre read without the margin would fall a row lower.
    read = words(("88,1", 60, 0, pad + (75 - 40) * zoom - 5), ("7", 50, 0, pad + 75 * zoom - 5))
    assert cutouts.fill_column(GRID, read, 40) == ({1: "88,1", 2: "7"}, {1: 60, 2: 50})


def test_joined_and_lowest_skip_blank_words_and_words_without_confidence():
    read = words(("Đắk", 91, 0, 0), ("", 10, 0, 0), ("Lắk", 87, 0, 0), ("?", -1, 0, 0))
    assert (cutouts.joined(read), cutouts.lowest(read)) == ("Đắk Lắk", 87.0)
    assert cutouts.lowest(words()) == 0.0


def test_a_cell_is_cut_out_enlarged_in_a_white_margin():
    image = Image.new("L", (200, 120), 0)
    cut = cutouts.cell_image(GRID, image, 1, 0)
    assert cut.size == (100 * cutouts.ZOOM + 2 * cutouts.PAD, 40 * cutouts.ZOOM + 2 * cutouts.PAD)
    pixels = np.asarray(cut)
    assert pixels[0, 0] == 255 and pixels[cutouts.PAD + 5, cutouts.PAD + 5] == 0

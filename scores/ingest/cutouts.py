"""A ruled page's cells as tesseract reads them: cut out, prepared, and its words placed back
in the grid's rows and cells."""

from bisect import bisect_right

from PIL import Image, ImageFilter

from scores.ingest import grid

ZOOM = 2  # number strips are read at twice the scan's size
PAD = 24  # white margin around a cut-out: tesseract misses text touching the edge


def _prepared(cut: Image.Image, zoom: int = ZOOM) -> Image.Image:
    """A cut-out as tesseract reads it best: speckle removed, enlarged, in a white margin."""
    cut = cut.filter(ImageFilter.MedianFilter(3))
    cut = cut.resize((cut.width * zoom, cut.height * zoom), Image.LANCZOS)
    framed = Image.new("L", (cut.width + 2 * PAD, cut.height + 2 * PAD), 255)
    framed.paste(cut, (PAD, PAD))
    return framed


def strip(
    found: grid.Grid, image: Image.Image, column: int, first: int
) -> tuple[Image.Image, tuple]:
    """One column's cells from row `first` down, cut out and prepared; and where it was cut."""
    x0, y0, x1, y1 = found.xs[column], found.ys[first], found.xs[column + 1], found.ys[-1]
    return _prepared(image.crop((x0, y0, x1, y1))), (x0, y0)


def cell_image(
    found: grid.Grid, image: Image.Image, r: int, c: int, zoom: int = ZOOM
) -> Image.Image:
    """One (merged) cell cut out and prepared."""
    return _prepared(image.crop(found.region(r, c)), zoom)


def joined(words: dict) -> str:
    """Tesseract's words in reading order as one line of text."""
    return " ".join(
        w
        for w, conf in zip(words["text"], words["conf"], strict=True)
        if w.strip() and float(conf) >= 0
    )


def lowest(words: dict) -> float:
    """The lowest confidence of the words read (0 when none was)."""
    found = [
        float(c)
        for w, c in zip(words["text"], words["conf"], strict=True)
        if w.strip() and float(c) >= 0
    ]
    return min(found, default=0.0)


def fill_column(found: grid.Grid, words: dict, y0: int) -> tuple[dict[int, str], dict[int, float]]:
    """A strip's words by row of the grid: each row's text and its lowest confidence."""
    placed: dict[int, list] = {}
    for n, word in enumerate(words["text"]):
        conf = float(words["conf"][n])
        if not word.strip() or conf < 0:
            continue
        y = y0 + (words["top"][n] - PAD + words["height"][n] / 2) / ZOOM
        r = bisect_right(found.ys, y) - 1
        if 0 <= r < found.rows:
            line = (words["block_num"][n], words["par_num"][n], words["line_num"][n])
            placed.setdefault(r, []).append((line, words["left"][n], word, conf))
    texts = {r: " ".join(w[2] for w in sorted(ws)) for r, ws in placed.items()}
    return texts, {r: min(w[3] for w in ws) for r, ws in placed.items()}


def fill(found: grid.Grid, words: dict) -> tuple[dict, dict]:
    """Each anchor cell's text (its words in reading order) and its lowest word confidence."""
    placed: dict[tuple[int, int], list] = {}
    for n, word in enumerate(words["text"]):
        conf = float(words["conf"][n])
        if not word.strip() or conf < 0:
            continue
        x = words["left"][n] + words["width"][n] / 2
        y = words["top"][n] + words["height"][n] / 2
        r, c = bisect_right(found.ys, y) - 1, bisect_right(found.xs, x) - 1
        if not (0 <= r < found.rows and 0 <= c < found.columns):
            continue
        key = (words["block_num"][n], words["par_num"][n], words["line_num"][n])
        placed.setdefault(found.anchor[(r, c)], []).append((key, words["left"][n], word, conf))
    texts = {cell: "" for cell in set(found.anchor.values())}
    texts.update({cell: " ".join(w[2] for w in sorted(ws)) for cell, ws in placed.items()})
    sure = {cell: min(w[3] for w in ws) for cell, ws in placed.items()}
    return texts, sure

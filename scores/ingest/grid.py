"""The ruled grid of a page image: deskewed, its lines found, merged cells known.

Plain numpy over the pixels: a table's rules are rows and columns of the image that are mostly
ink, which a projection finds without a computer-vision library (OpenCV would add 60 MB for
the two operations used here: a rotation search and a line projection).
"""

import io
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageDraw

INK = 140  # a pixel darker than this is ink
LINE = 0.35  # a row (column) of the image that is this much ink is a rule
PRESENT = 0.7  # a rule runs along a cell's side when this much of the side is ink
SKEWS = np.arange(-3.0, 3.01, 0.1)  # degrees a scanned page may be turned


@dataclass
class Grid:
    """The rules' positions (pixels) and, for each cell covered by a merged one, its anchor."""

    ys: list[int]
    xs: list[int]
    anchor: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    sides: list[tuple[int, int, int, int]] = field(default_factory=list)  # rule segments drawn

    @property
    def rows(self) -> int:
        return len(self.ys) - 1

    @property
    def columns(self) -> int:
        return len(self.xs) - 1

    @property
    def box(self) -> tuple[float, float, float, float]:
        return (self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])

    def region(self, r: int, c: int) -> tuple[int, int, int, int]:
        """The pixel box of the (merged) cell anchored at r, c."""
        cells = [k for k, v in self.anchor.items() if v == (r, c)] or [(r, c)]
        return (
            self.xs[min(k[1] for k in cells)],
            self.ys[min(k[0] for k in cells)],
            self.xs[max(k[1] for k in cells) + 1],
            self.ys[max(k[0] for k in cells) + 1],
        )


def _profile_score(ink: Image.Image, angle: float) -> float:
    turned = np.asarray(ink.rotate(angle, resample=Image.BILINEAR), dtype=np.float32)
    return float(np.var(turned.sum(axis=1)))


def deskew(image: Image.Image) -> tuple[Image.Image, float]:
    """The page turned so that its rules are level (the angle whose row projection is
    sharpest), and the angle in degrees (0 when it was level)."""
    scale = 800 / max(image.size)
    small = image.resize((round(image.width * scale), round(image.height * scale)))
    ink = Image.fromarray(((np.asarray(small) < INK) * 255).astype(np.uint8))
    best = max(SKEWS, key=lambda a: _profile_score(ink, a))
    best = max(np.arange(best - 0.1, best + 0.101, 0.02), key=lambda a: _profile_score(ink, a))
    if abs(best) < 0.01:
        return image, 0.0
    turned = image.rotate(float(best), resample=Image.BICUBIC, expand=True, fillcolor=255)
    return turned, float(best)


def _lines(share: np.ndarray) -> list[int]:
    """Centres of the runs of positions whose ink share passes LINE."""
    hits = np.flatnonzero(share > LINE)
    if not len(hits):
        return []
    runs = np.split(hits, np.flatnonzero(np.diff(hits) > 2) + 1)
    return [int(run.mean()) for run in runs]


def _strokes(ink: np.ndarray, axis: int, length: int = 40) -> np.ndarray:
    """Pixels inside a straight run of ink at least `length` long along the axis: rules, not
    letters (a bold header line of text is a third ink, but no letter is 40 pixels long)."""
    total = np.cumsum(ink, axis=axis, dtype=np.int32)
    start = np.take(total, range(length, ink.shape[axis]), axis=axis)
    end = np.take(total, range(0, ink.shape[axis] - length), axis=axis)
    runs = (start - end) == length
    pad = [(0, 0), (0, 0)]
    pad[axis] = (length // 2, ink.shape[axis] - runs.shape[axis] - length // 2)
    return np.pad(runs, pad)


def cells(pixels: np.ndarray) -> Grid | None:
    """The page's grid, or None when it prints no ruled table (fewer than 3 rules each way)."""
    ink = pixels < INK
    across, down = _strokes(ink, 1), _strokes(ink, 0)
    ys = _lines(across.mean(axis=1))
    if len(ys) < 3:
        return None
    xs = _lines(down[ys[0] : ys[-1]].mean(axis=0))
    if len(xs) < 3:
        return None
    found = Grid(ys, xs)
    _merge(found, _strokes(ink, 1, 25), ink)
    return found


def _present(band: np.ndarray, along: int) -> bool:
    return band.size > 0 and float(band.any(axis=along).mean()) > PRESENT


def _merge(found: Grid, across: np.ndarray, ink: np.ndarray) -> None:
    """Cells whose shared side has no rule are one merged cell (a grouped header, a row span).

    A side across is judged on horizontal strokes (the text of a cell spanning two rows crosses
    where the missing rule would be); a side down on plain ink (text does not sit on a column's
    edge, and strokes would be cut short where a rule starts)."""
    parent = {(r, c): (r, c) for r in range(found.rows) for c in range(found.columns)}

    def root(cell: tuple[int, int]) -> tuple[int, int]:
        while parent[cell] != cell:
            cell = parent[cell]
        return cell

    ys, xs = found.ys, found.xs
    for r in range(found.rows):
        for c in range(found.columns):
            top, bottom, left, right = ys[r], ys[r + 1], xs[c], xs[c + 1]
            my = max(2, (bottom - top) // 5)
            mx = max(2, (right - left) // 5)
            if c > 0:
                side = ink[top + my : bottom - my, left - 3 : left + 4]
                if _present(side, 1):
                    found.sides.append((left - 3, top, left + 4, bottom))
                else:
                    _union(parent, root, (r, c - 1), (r, c))
            if r > 0:
                side = across[top - 3 : top + 4, left + mx : right - mx]
                if _present(side, 0):
                    found.sides.append((left, top - 3, right, top + 4))
                else:
                    _union(parent, root, (r - 1, c), (r, c))
    found.anchor = {cell: root(cell) for cell in parent}


def _union(parent: dict, root: Callable, one: tuple[int, int], other: tuple[int, int]) -> None:
    a, b = root(one), root(other)
    parent[max(a, b)] = min(a, b)


def without_lines(image: Image.Image, found: Grid) -> Image.Image:
    """The page with its rules painted out, so that OCR reads no '|' or '_' into a cell."""
    clean = image.copy()
    draw = ImageDraw.Draw(clean)
    for box in found.sides:
        draw.rectangle(box, fill=255)
    x0, y0, x1, y1 = found.box
    for box in ((x0, y0 - 3, x1, y0 + 4), (x0, y1 - 3, x1, y1 + 4)):
        draw.rectangle(box, fill=255)
    for box in ((x0 - 3, y0, x0 + 4, y1), (x1 - 3, y0, x1 + 4, y1)):
        draw.rectangle(box, fill=255)
    return clean


def has_ink(found: Grid, image: Image.Image, r: int, c: int) -> bool:
    """Whether a cell read as empty holds marks (a blot OCR gave no word for)."""
    x0, y0, x1, y1 = found.region(r, c)
    inside = np.asarray(image.crop((x0 + 6, y0 + 6, x1 - 6, y1 - 6))) < INK
    return inside.size > 0 and float(inside.mean()) > 0.003


def crop_png(found: Grid, image: Image.Image, r: int, c: int) -> bytes:
    """The cell cut out of the page, with a little margin, as PNG."""
    x0, y0, x1, y1 = found.region(r, c)
    out = io.BytesIO()
    image.crop((x0 - 4, y0 - 4, x1 + 4, y1 + 4)).save(out, format="PNG")
    return out.getvalue()

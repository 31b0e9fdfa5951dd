"""A table printed without rules, rebuilt from the words of a page: columns from the data lines.

pdfplumber's own "text" strategy cuts cells at any edge that three words share, which splits
left-aligned names ("Vĩnh Lo" | "ng"); here columns are the x-extents the data lines' phrases
cover, and a line belongs to the table only when each of its phrases fits one column, so title
lines, grouped-header labels spanning columns and footnotes fall outside it.
"""

from dataclasses import dataclass

from pdfplumber.utils import cluster_objects

from scores.ingest.cells import BadNumber, parse_number

MIN_NUMBERS = 3  # a data line prints at least this many numbers (values, STT, rank)


@dataclass
class Phrase:
    """Words of one line printed close together: one cell's text on that line."""

    x0: float
    x1: float
    top: float
    bottom: float
    text: str


def phrases(words: list[dict]) -> list[list[Phrase]]:
    """The page's lines, top to bottom, each as phrases left to right."""
    lines = cluster_objects(words, "top", tolerance=2)
    return [_phrases(sorted(line, key=lambda w: w["x0"])) for line in lines]


def _phrases(words: list[dict]) -> list[Phrase]:
    found: list[Phrase] = []
    for word in words:
        last = found[-1] if found else None
        # A space is about a third of the font size; a column gap is several.
        if last and word["x0"] - last.x1 < 0.6 * (word["bottom"] - word["top"]):
            last.x1, last.text = word["x1"], f"{last.text} {word['text']}"
            last.bottom = max(last.bottom, word["bottom"])
        else:
            found.append(Phrase(word["x0"], word["x1"], word["top"], word["bottom"], word["text"]))
    return found


def is_number(text: str) -> bool:
    try:
        return parse_number(text) is not None
    except BadNumber:
        return False


def is_data(line: list[Phrase]) -> bool:
    return sum(is_number(p.text) for p in line) >= MIN_NUMBERS


def columns(lines: list[list[Phrase]]) -> list[tuple[float, float]]:
    """The x-extents the data lines' phrases cover, overlapping ones merged, left to right."""
    spans = sorted((p.x0, p.x1) for line in lines if is_data(line) for p in line)
    merged: list[list[float]] = []
    for x0, x1 in spans:
        if merged and x0 <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    return [(x0, x1) for x0, x1 in merged]


def _overlap(phrase: Phrase, column: tuple[float, float]) -> float:
    return max(0.0, min(phrase.x1, column[1]) - max(phrase.x0, column[0]))


def place(line: list[Phrase], cols: list[tuple[float, float]]) -> dict[int, str] | None:
    """The line's phrases by column, or None when a phrase spans two columns (not a table line)."""
    cells: dict[int, str] = {}
    for phrase in line:
        overlaps = [_overlap(phrase, column) for column in cols]
        hits = [n for n, width in enumerate(overlaps) if width > 0]
        if len(hits) > 1:
            return None
        if not hits:  # between columns: the nearest one by centre
            centre = (phrase.x0 + phrase.x1) / 2
            hits = [min(range(len(cols)), key=lambda n: abs(sum(cols[n]) / 2 - centre))]
        cells[hits[0]] = f"{cells[hits[0]]} {phrase.text}" if hits[0] in cells else phrase.text
    return cells


@dataclass
class Layout:
    """An unruled table as found: its rows of text, its box, its columns' x-extents and each
    row's vertical band (top, bottom), the header's band first when it has one."""

    rows: list[list[str]]
    box: tuple[float, float, float, float]
    columns: list[tuple[float, float]]
    bands: list[tuple[float, float]]


def table(words: list[dict]) -> tuple[list[list[str]], tuple[float, float, float, float]] | None:
    """The header (one row, wrapped lines joined) and data rows of the page's unruled table,
    with its bounding box; None when no line of the page looks like a data row."""
    found = layout(words)
    return (found.rows, found.box) if found else None


def layout(words: list[dict]) -> Layout | None:
    """The page's unruled table with its geometry (see table)."""
    lines = phrases(words)
    data = [n for n, line in enumerate(lines) if is_data(line)]
    if not data:
        return None
    cols = columns(lines)
    placed = [place(line, cols) for line in lines]
    first = data[0]
    while first > 0 and placed[first - 1] and _centres(lines, first - 1, data[0]) < 1.2:
        first -= 1  # the upper line of the first row's wrapped name
    top = _header_start(lines, placed, first)
    bottom = data[-1]
    while (
        bottom + 1 < len(lines) and placed[bottom + 1] and _centres(lines, bottom + 1, bottom) < 1.2
    ):
        bottom += 1  # the lower line of the last row's wrapped name
    header = _joined([placed[n] for n in range(top, first)], len(cols))
    body, bands = _rows(lines[first : bottom + 1], placed[first : bottom + 1], len(cols))
    box_lines = [p for line in lines[top : bottom + 1] for p in line]
    box = (
        min(p.x0 for p in box_lines),
        min(p.top for p in box_lines),
        max(p.x1 for p in box_lines),
        max(p.bottom for p in box_lines),
    )
    if any(header):
        head = [p for line in lines[top:first] for p in line]
        bands = [(min(p.top for p in head), max(p.bottom for p in head)), *bands]
    return Layout(([header] if any(header) else []) + body, box, cols, bands)


def _height(line: list[Phrase]) -> float:
    return max(p.bottom - p.top for p in line)


def _centre(line: list[Phrase]) -> float:
    return (min(p.top for p in line) + max(p.bottom for p in line)) / 2


def _centres(lines: list[list[Phrase]], one: int, other: int) -> float:
    """How far apart two lines' centres are, in line heights."""
    return abs(_centre(lines[one]) - _centre(lines[other])) / _height(lines[other])


def _close(lines: list[list[Phrase]], upper: int, lower: int, lines_apart: float = 2.0) -> bool:
    gap = min(p.top for p in lines[lower]) - max(p.bottom for p in lines[upper])
    return gap < lines_apart * _height(lines[lower])


def _header_start(lines: list, placed: list, first_data: int) -> int:
    """The first line of the header: table lines directly above the first data line."""
    top = first_data
    while top > 0 and placed[top - 1] and _close(lines, top - 1, top, 2.5):
        top -= 1
    return top


def _joined(cells: list[dict[int, str] | None], width: int) -> list[str]:
    return [" ".join(c[n] for c in cells if c and n in c) for n in range(width)]


def _rows(
    lines: list, placed: list, width: int
) -> tuple[list[list[str]], list[tuple[float, float]]]:
    """Data lines as rows, with each row's band; a line of text alone (a name's second line)
    joins the nearest data line, before or after it, and a line inside the table that fits no
    column is kept as a note."""
    anchors = [n for n, line in enumerate(lines) if is_data(line)]
    parts: dict[int, list[dict[int, str]]] = {n: [] for n in anchors}
    members: dict[int, list[int]] = {n: [] for n in anchors}
    notes: dict[int, str] = {}
    for n, line in enumerate(lines):
        if n in parts:
            parts[n].append(placed[n])
            members[n].append(n)
            continue
        if placed[n] is None:
            notes[n] = " ".join(p.text for p in line)
            members[n] = [n]
            continue
        nearest = min(anchors, key=lambda a: abs(_centre(lines[a]) - _centre(line)))
        parts[nearest].append(placed[n])
        members[nearest].append(n)
    rows = {n: _joined(sorted_parts, width) for n, sorted_parts in parts.items()}
    rows.update({n: [text] + [""] * (width - 1) for n, text in notes.items()})
    order = sorted(rows)
    bands = [
        (
            min(p.top for m in members[n] for p in lines[m]),
            max(p.bottom for m in members[n] for p in lines[m]),
        )
        for n in order
    ]
    return [rows[n] for n in order], bands

"""Reading one cell: numbers with decimal commas or % signs, ranks, and missing-value marks."""

import re
from functools import lru_cache

MISSING = {"", "n/a", "na", "-", "–", "—", "..", "…", "x"}


class BadNumber(ValueError):
    """A cell that is neither a number nor a missing-value mark."""


# A space inside a number only between thousands groups ("1 234,5"); "6 0.5" is no number
# (removing every space would read it as 60.5).
SPACED = re.compile(r"[+-]?\d{1,3}(?:[ \u00a0]\d{3})+(?:[.,]\d+)?(?:[ \u00a0]?%)?")


THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:(?:\.\d{3})+,\d+|(?:,\d{3})+\.\d+)")


@lru_cache(maxsize=65_536)
def _plain(text: str) -> str | None:
    """The cell as a plain decimal with a point ('1.234,5' -> '1234.5'); None when missing.

    Cached: validation reads each value cell three times (is it a number, its value, its
    decimals); a refusal (BadNumber) is not cached and is raised again each time."""
    cell = re.sub(r"[ \u00a0]+%$", "%", text.strip())
    if re.search(r"[ \u00a0]", cell) and not SPACED.fullmatch(cell):
        raise BadNumber(text)
    cell = cell.replace("\u00a0", "").replace(" ", "")
    if cell.lower() in MISSING:
        return None
    cell = cell.removesuffix("%")
    if "," in cell and "." in cell:
        # Both marks: only a thousands-grouped number ("1.234,5" or "1,234.5"); "60.7,4" is none.
        if not THOUSANDS.fullmatch(cell):
            raise BadNumber(text)
        cell = (
            cell.replace(".", "").replace(",", ".")
            if cell.rfind(",") > cell.rfind(".")
            else cell.replace(",", "")
        )
    elif cell.count(",") == 1:
        cell = cell.replace(",", ".")
    if not re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)", cell):
        raise BadNumber(text)
    return cell


def parse_number(text: str) -> float | None:
    """A decimal from '92,57', '92.57 %', '1.234,5'; None for blank, N/A or '-'."""
    plain = _plain(text)
    return None if plain is None else float(plain)


def decimals(text: str) -> int | None:
    """How many decimals the cell prints ('60,74' -> 2, '60' -> 0); None when missing."""
    plain = _plain(text)
    return None if plain is None else len(plain.partition(".")[2])


def parse_rank(text: str) -> int | None:
    """A rank from '3', '3.0', '=3' or '3/63'; None when missing."""
    cell = text.strip().lstrip("=").split("/")[0]
    number = parse_number(cell)
    if number is None:
        return None
    if not number.is_integer() or number < 1:
        raise BadNumber(text)
    return int(number)

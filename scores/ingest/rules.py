"""The rules a data row is checked against: one small function per rule, listed in RULES.

A data row goes through five stages: the row as a whole (index and year columns), its cells
(numbers, ranks, indicator labels), its province name, the unit it matched (given twice?), and
each value it carries. Every rule returns the Problem it finds or None, so a row collects every
problem at once (the walk over the rows: ingest.validate).
"""

from collections.abc import Callable
from dataclasses import dataclass

from scores.catalog import ProvinceNotFound, Provinces
from scores.errors import Problem
from scores.indicators import Indicators
from scores.ingest.cells import BadNumber, parse_number, parse_rank
from scores.ingest.interpret import Column, Layout
from scores.text import key


@dataclass(frozen=True)
class Context:
    """What every rule may consult: the layout, the catalogue, the units of the release's year."""

    layout: Layout
    provinces: Provinces
    catalogue: Indicators
    index_code: str
    year: int

    @property
    def units(self) -> int:
        """How many units existed in the year (the highest possible rank)."""
        return len(self.provinces.in_year(self.year))


@dataclass(frozen=True)
class Entry:
    """One value (and/or rank) a row carries for one indicator."""

    indicator: str
    column: str
    value: float | None
    rank: int | None
    decimals: int | None = None
    text: str | None = None  # the value cell as written, echoed in messages ("1.234,5")


def cell(cells: list[str], column: Column) -> str:
    """The text of a column's cell in a row ('' past the row's end)."""
    return cells[column.position] if column.position < len(cells) else ""


# --- Rules on the row as a whole -------------------------------------------------------------


def _mismatch(ctx: Context, row: int, cells: list[str], role: str, expected: str) -> Problem | None:
    column = ctx.layout.first(role)
    found = cell(cells, column) if column else ""
    if found and key(found) not in {key(expected), key(expected) + "index"}:
        return Problem(f"{role}_mismatch", row, column.header, found, {"expected": expected})
    return None


def index_mismatch(ctx: Context, row: int, cells: list[str]) -> Problem | None:
    """An index column that names another index than the one being imported."""
    return _mismatch(ctx, row, cells, "index", ctx.index_code)


def year_mismatch(ctx: Context, row: int, cells: list[str]) -> Problem | None:
    """A year column that names another year than the one being imported."""
    return _mismatch(ctx, row, cells, "year", str(ctx.year))


# --- Rules on one cell --------------------------------------------------------------------


def not_a_number(ctx: Context, row: int, column: Column, text: str) -> Problem | None:
    """A value cell that is neither a number nor a missing-value mark."""
    try:
        parse_number(text)
    except BadNumber:
        return Problem("not_a_number", row, column.header, text)
    return None


def bad_rank(ctx: Context, row: int, column: Column, text: str) -> Problem | None:
    """A rank cell that is not a whole number of at least 1."""
    try:
        parse_rank(text)
    except BadNumber:
        return Problem("bad_rank", row, column.header, text)
    return None


def rank_out_of_range(ctx: Context, row: int, column: Column, text: str) -> Problem | None:
    """A rank beyond the number of units that existed in the year (64 of 63)."""
    rank = parse_rank(text)
    if rank is not None and rank > ctx.units:
        return Problem(
            "rank_out_of_range", row, column.header, text, {"units": ctx.units, "year": ctx.year}
        )
    return None


def unknown_indicator(ctx: Context, row: int, column: Column, label: str) -> Problem | None:
    """A long-layout row whose indicator label matches nothing in the index's catalogue."""
    if ctx.catalogue.match(label, ctx.year):
        return None
    return Problem("unknown_indicator", row, column.header, label)


# --- Rules on the province name -----------------------------------------------------------


def no_province_name(ctx: Context, row: int, column: str, name: str) -> Problem | None:
    """A row with values but no province name."""
    return None if name else Problem("no_province_name", row, column)


def province_not_in_year(
    ctx: Context, row: int, column: str, name: str, missing: ProvinceNotFound
) -> Problem | None:
    """A real unit that did not exist in the release's year (Hà Tây in 2009, Bắc Giang in 2025)."""
    if not name or not missing.existed:
        return None
    unit = missing.existed[0]
    detail = {"year": ctx.year, "first": unit.valid_from, "last": unit.valid_to or "…"}
    return Problem("province_not_in_year", row, column, name, detail)


def unknown_province(
    ctx: Context, row: int, column: str, name: str, missing: ProvinceNotFound
) -> Problem | None:
    """A name that matches no unit: an error with suggestions, never a guess."""
    if not name or missing.existed:
        return None
    detail = {"suggestions": ", ".join(missing.suggestions) or "–"}
    if ctx.provinces.unit_set == "province":
        return Problem("unknown_province", row, column, name, detail)
    # Each city set has its own sentence: "unit" alone would not say which list was searched.
    rule = f"unknown_{ctx.provinces.unit_set}"
    return Problem(rule, row, column, name, detail, section="cityeng")


# --- Rules on the unit a row matched --------------------------------------------------------


def duplicate_province(
    ctx: Context, row: int, column: str, name: str, earlier: int | None
) -> Problem | None:
    """A unit given again for indicators an earlier row gave it (HN and Hà Nội in one file).

    One problem for the row, naming the earlier row, not one per column it repeats.
    """
    if earlier is None:
        return None
    return Problem("duplicate_province", row, column, name, {"other": earlier})


# --- Rules on one value -------------------------------------------------------------------


def out_of_range(ctx: Context, row: int, entry: Entry, name: str) -> Problem | None:
    """A value outside the indicator's valid range (12.5 on a 0-10 sub-index)."""
    item = ctx.catalogue.items[entry.indicator]
    value = entry.value
    low, high = item.valid_min, item.valid_max
    if value is None or ((low is None or value >= low) and (high is None or value <= high)):
        return None
    detail = {"low": _plain(low), "high": _plain(high)}
    return Problem("out_of_range", row, entry.column, entry.text or _plain(value), detail)


def _plain(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


# Every rule a data row is checked against, by stage, in the order they apply.
RULES: dict[str, tuple[Callable[..., Problem | None], ...]] = {
    "row": (index_mismatch, year_mismatch),
    "value_cell": (not_a_number,),
    "rank_cell": (bad_rank, rank_out_of_range),
    "label_cell": (unknown_indicator,),
    "province": (province_not_in_year, unknown_province),
    "unit": (duplicate_province,),
    "value": (out_of_range,),
}


def first(stage: str, *args: object) -> Problem | None:
    """The first problem a stage's rules find (a cell breaks at most one rule at a time)."""
    return next((p for rule in RULES[stage] if (p := rule(*args)) is not None), None)

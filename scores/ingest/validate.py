"""Turning an understood table into checked values: one small function per rule, listed in RULES.

A data row goes through five stages: the row as a whole (index and year columns), its cells
(numbers, ranks, indicator labels), its province name, the unit it matched (given twice?), and
each value it carries. Every rule returns the Problem it finds or None, so a row collects every
problem at once.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from scores.catalog import Indicators, ProvinceNotFound, Provinces, Unit
from scores.errors import Problem
from scores.ingest.cells import BadNumber, decimals, parse_number, parse_rank
from scores.ingest.interpret import Column, Layout
from scores.ingest.readfile import RawTable
from scores.text import fold, key

AVERAGE_WORDS = ("toan quoc", "ca nuoc", "trung binh", "binh quan", "average", "national", "mean")
# decimals: how many the file printed for the value (60,74 -> 2), so a diff can tell rounding.
VALUE_COLUMNS = ["province_code", "province", "indicator", "value", "decimals", "rank", "row"]


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


@dataclass
class Parsed:
    """Checked values, published averages, province matches and every problem found."""

    values: pd.DataFrame
    averages: pd.DataFrame
    matches: dict[str, Unit]
    problems: list[Problem] = field(default_factory=list)
    skipped_rows: list[int] = field(default_factory=list)
    missing: int = 0


def empty() -> Parsed:
    """No values read (the table could not be understood)."""
    return Parsed(pd.DataFrame(columns=VALUE_COLUMNS), pd.DataFrame(), {})


def _cell(cells: list[str], column: Column) -> str:
    return cells[column.position] if column.position < len(cells) else ""


# --- Rules on the row as a whole -------------------------------------------------------------


def _mismatch(ctx: Context, row: int, cells: list[str], role: str, expected: str) -> Problem | None:
    column = ctx.layout.first(role)
    found = _cell(cells, column) if column else ""
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


def _first(stage: str, *args: object) -> Problem | None:
    """The first problem a stage's rules find (a cell breaks at most one rule at a time)."""
    return next((p for rule in RULES[stage] if (p := rule(*args)) is not None), None)


# --- The walk over the rows ---------------------------------------------------------------


@dataclass
class _Walk:
    """Collects values, averages and problems while the rows are read once."""

    ctx: Context
    parsed: Parsed = field(default_factory=empty)
    values: dict[tuple[str, str], dict] = field(default_factory=dict)
    averages: list[dict] = field(default_factory=list)
    row_missing: int = 0  # blank value cells of the current row, counted once the row is kept

    def number(self, row: int, column: Column, cells: list[str]) -> tuple[float | None, int | None]:
        """The cell's value and how many decimals it printed; (None, None) when missing or bad."""
        text = _cell(cells, column)
        problem = _first("value_cell", self.ctx, row, column, text)
        if problem:
            self.parsed.problems.append(problem)
            return None, None
        value = parse_number(text)
        self.row_missing += value is None
        return value, decimals(text)

    def rank(self, row: int, column: Column | None, cells: list[str]) -> int | None:
        if column is None:
            return None
        text = _cell(cells, column)
        problem = _first("rank_cell", self.ctx, row, column, text)
        if problem:
            self.parsed.problems.append(problem)
            return None
        return parse_rank(text)

    def entries(self, row: int, cells: list[str]) -> list[Entry]:
        """The values and ranks a row carries, numbers parsed, cell problems collected."""
        layout = self.ctx.layout
        if layout.layout == "long":
            return self.long_entries(row, cells)
        headline = self.ctx.catalogue.headline(self.ctx.year)
        ranks = {
            c.indicator or (headline.indicator if headline else None): c
            for c in layout.columns
            if c.role == "rank"
        }
        found = []
        for column in (c for c in layout.columns if c.role == "value"):
            rank_column = ranks.pop(column.indicator, None)
            (value, places), rank = (
                self.number(row, column, cells),
                self.rank(row, rank_column, cells),
            )
            if value is not None or rank is not None:
                text = _cell(cells, column)
                found.append(Entry(column.indicator, column.header, value, rank, places, text))
        for indicator, rank_column in ranks.items():
            rank = self.rank(row, rank_column, cells)
            if rank is not None:
                found.append(Entry(indicator, rank_column.header, None, rank))
        return found

    def long_entries(self, row: int, cells: list[str]) -> list[Entry]:
        layout = self.ctx.layout
        label_column, value_column = layout.first("indicator_label"), layout.first("value_cell")
        label = _cell(cells, label_column)
        value, places = self.number(row, value_column, cells) if value_column else (None, None)
        rank = self.rank(row, layout.first("rank"), cells)
        if not label or (value is None and rank is None):
            return []
        problem = _first("label_cell", self.ctx, row, label_column, label)
        if problem:
            self.parsed.problems.append(problem)
            return []
        indicator = self.ctx.catalogue.match(label, self.ctx.year)[0].indicator
        column, text = (
            (value_column.header, _cell(cells, value_column)) if value_column else (label, None)
        )
        return [Entry(indicator, column, value, rank, places, text)]

    def row(self, row: int, cells: list[str]) -> None:
        for rule in RULES["row"]:
            if problem := rule(self.ctx, row, cells):
                self.parsed.problems.append(problem)
        problems_before, self.row_missing = len(self.parsed.problems), 0
        entries = self.entries(row, cells)
        if not entries and len(self.parsed.problems) == problems_before:
            self.parsed.skipped_rows.append(row)  # nothing in it: a note or a blank line
            return
        name_column = self.ctx.layout.first("province")
        name = _cell(cells, name_column)
        if fold(name).startswith(AVERAGE_WORDS):
            self.averages += [
                {"scope": "national", "indicator": e.indicator, "value": e.value, "row": row}
                for e in entries
                if e.value is not None
            ]
            return
        self.parsed.missing += self.row_missing
        unit = self.resolve(row, name_column.header, name)
        if unit is None:
            return
        earlier = self.earlier(unit, entries)
        problem = _first("unit", self.ctx, row, name_column.header, name, earlier)
        if problem:
            self.parsed.problems.append(problem)
            return
        for entry in entries:
            self.store(row, unit, name, entry)

    def resolve(self, row: int, column: str, name: str) -> Unit | None:
        problem = no_province_name(self.ctx, row, column, name)
        if problem is None:
            try:
                unit = self.ctx.provinces.resolve(name, self.ctx.year)
            except ProvinceNotFound as missing:
                problem = _first("province", self.ctx, row, column, name, missing)
            else:
                self.parsed.matches[name] = unit
                return unit
        self.parsed.problems.append(problem)
        return None

    def earlier(self, unit: Unit, entries: list[Entry]) -> int | None:
        """The first row that already gave this unit one of these indicators, if any did."""
        slots = [(unit.province_code, entry.indicator) for entry in entries]
        return min((self.values[s]["row"] for s in slots if s in self.values), default=None)

    def store(self, row: int, unit: Unit, name: str, entry: Entry) -> None:
        problem = _first("value", self.ctx, row, entry, name)
        if problem:
            self.parsed.problems.append(problem)
            return
        self.values[(unit.province_code, entry.indicator)] = {
            "province_code": unit.province_code,
            "province": unit.name_vi,
            "indicator": entry.indicator,
            "value": entry.value,
            "decimals": entry.decimals,
            "rank": entry.rank,
            "row": row,
        }


def check(
    raw: RawTable,
    layout: Layout,
    provinces: Provinces,
    catalogue: Indicators,
    index_code: str,
    year: int,
) -> Parsed:
    """Every data row checked: values by province and indicator, averages, all problems."""
    walk = _Walk(Context(layout, provinces, catalogue, index_code, year))
    for number in range(layout.header_row + 1, len(raw.rows)):
        if any(raw.rows[number]):
            walk.row(number + 1, raw.rows[number])
    parsed = walk.parsed
    parsed.values = pd.DataFrame(list(walk.values.values()), columns=VALUE_COLUMNS)
    parsed.averages = pd.DataFrame(walk.averages, columns=["scope", "indicator", "value", "row"])
    if parsed.values.empty and not parsed.problems:
        parsed.problems.append(Problem("no_values"))
    return parsed

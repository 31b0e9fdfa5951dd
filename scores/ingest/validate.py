"""Turning an understood table into checked values: the walk over the rows, each row through
the rules of ingest.rules, every problem collected at once."""

from dataclasses import dataclass, field

import pandas as pd

from scores.catalog import ProvinceNotFound, Provinces, Unit
from scores.errors import Problem
from scores.indicators import Indicators
from scores.ingest.cells import decimals, parse_number, parse_rank
from scores.ingest.interpret import Column, Layout
from scores.ingest.readfile import RawTable
from scores.ingest.rules import RULES, Context, Entry, cell, first, no_province_name
from scores.text import fold

AVERAGE_WORDS = ("toan quoc", "ca nuoc", "trung binh", "binh quan", "average", "national", "mean")
# decimals: how many the file printed for the value (60,74 -> 2), so a diff can tell rounding.
VALUE_COLUMNS = ["province_code", "province", "indicator", "value", "decimals", "rank", "row"]


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
        text = cell(cells, column)
        problem = first("value_cell", self.ctx, row, column, text)
        if problem:
            self.parsed.problems.append(problem)
            return None, None
        value = parse_number(text)
        self.row_missing += value is None
        return value, decimals(text)

    def rank(self, row: int, column: Column | None, cells: list[str]) -> int | None:
        if column is None:
            return None
        text = cell(cells, column)
        problem = first("rank_cell", self.ctx, row, column, text)
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
                text = cell(cells, column)
                found.append(Entry(column.indicator, column.header, value, rank, places, text))
        for indicator, rank_column in ranks.items():
            rank = self.rank(row, rank_column, cells)
            if rank is not None:
                found.append(Entry(indicator, rank_column.header, None, rank))
        return found

    def long_entries(self, row: int, cells: list[str]) -> list[Entry]:
        layout = self.ctx.layout
        label_column, value_column = layout.first("indicator_label"), layout.first("value_cell")
        label = cell(cells, label_column)
        value, places = self.number(row, value_column, cells) if value_column else (None, None)
        rank = self.rank(row, layout.first("rank"), cells)
        if not label or (value is None and rank is None):
            return []
        problem = first("label_cell", self.ctx, row, label_column, label)
        if problem:
            self.parsed.problems.append(problem)
            return []
        indicator = self.ctx.catalogue.match(label, self.ctx.year)[0].indicator
        column, text = (
            (value_column.header, cell(cells, value_column)) if value_column else (label, None)
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
        name = cell(cells, name_column)
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
        problem = first("unit", self.ctx, row, name_column.header, name, earlier)
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
                problem = first("province", self.ctx, row, column, name, missing)
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
        problem = first("value", self.ctx, row, entry, name)
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

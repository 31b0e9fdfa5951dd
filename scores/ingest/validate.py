"""Turning an understood table into checked values: provinces, numbers, ranges, duplicates."""

from dataclasses import dataclass, field

import pandas as pd

from scores.catalog import Indicators, ProvinceNotFound, Provinces, Unit
from scores.ingest.cells import BadNumber, parse_number, parse_rank
from scores.ingest.errors import Problem
from scores.ingest.interpret import Layout
from scores.ingest.readfile import RawTable
from scores.text import fold, key

AVERAGE_WORDS = ("toan quoc", "ca nuoc", "trung binh", "binh quan", "average", "national", "mean")
VALUE_COLUMNS = ["province_code", "province", "indicator", "value", "rank", "row"]


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


class _Checker:
    """Walks the data rows once, collecting values and problems."""

    def __init__(
        self,
        layout: Layout,
        provinces: Provinces,
        catalogue: Indicators,
        index_code: str,
        year: int,
    ):
        self.layout, self.provinces, self.catalogue = layout, provinces, catalogue
        self.index_code, self.year = index_code, year
        self.units = len(provinces.in_year(year))
        self.headline = catalogue.headline(year)
        self.parsed = empty()
        self.values: dict[tuple[str, str], dict] = {}
        self.averages: list[dict] = []

    def run(self, raw: RawTable) -> Parsed:
        for number in range(self.layout.header_row + 1, len(raw.rows)):
            cells = raw.rows[number]
            if any(cells):
                self.row(number + 1, cells)
        self.parsed.values = pd.DataFrame(list(self.values.values()), columns=VALUE_COLUMNS)
        self.parsed.averages = pd.DataFrame(
            self.averages, columns=["scope", "indicator", "value", "row"]
        )
        return self.parsed

    def cell(self, cells: list[str], position: int) -> str:
        return cells[position] if position < len(cells) else ""

    def problem(self, rule: str, row: int, column: str | None = None, value=None, **detail) -> None:
        self.parsed.problems.append(Problem(rule, row, column, value, detail))

    def row(self, row: int, cells: list[str]) -> None:
        name_column = self.layout.first("province")
        name = self.cell(cells, name_column.position)
        self.check_index_and_year(row, cells)
        problems_before = len(self.parsed.problems)
        entries = self.entries(row, cells)
        if not entries and len(self.parsed.problems) == problems_before:
            self.parsed.skipped_rows.append(row)  # nothing in it: a note or a blank line
            return
        if fold(name).startswith(AVERAGE_WORDS):
            self.average(row, entries)
            return
        unit = self.resolve(row, name_column.header, name)
        if unit is not None:
            for indicator, column, value, rank in entries:
                self.store(row, unit, name, indicator, column, value, rank)

    def check_index_and_year(self, row: int, cells: list[str]) -> None:
        for role, expected in (("index", self.index_code), ("year", str(self.year))):
            column = self.layout.first(role)
            found = column and self.cell(cells, column.position)
            if found and key(found) not in {key(expected), key(expected) + "index"}:
                self.problem(
                    f"{role}_mismatch",
                    row,
                    column.header,
                    found,
                    expected=expected,
                )

    def entries(self, row: int, cells: list[str]) -> list[tuple]:
        """(indicator, column, value, rank) for each value the row carries, numbers parsed."""
        if self.layout.layout == "long":
            return self.long_entries(row, cells)
        ranks = {
            c.indicator or self.headline_code(): c for c in self.layout.columns if c.role == "rank"
        }
        found = []
        for column in (c for c in self.layout.columns if c.role == "value"):
            rank_column = ranks.pop(column.indicator, None)
            value = self.number(row, column.header, self.cell(cells, column.position))
            rank = self.rank(row, rank_column, cells)
            if value is not None or rank is not None:
                found.append((column.indicator, column.header, value, rank))
        for indicator, rank_column in ranks.items():
            rank = self.rank(row, rank_column, cells)
            if rank is not None:
                found.append((indicator, rank_column.header, None, rank))
        return found

    def long_entries(self, row: int, cells: list[str]) -> list[tuple]:
        label_column, value_column = (
            self.layout.first("indicator_label"),
            self.layout.first("value_cell"),
        )
        label = self.cell(cells, label_column.position)
        value = (
            self.number(row, value_column.header, self.cell(cells, value_column.position))
            if value_column
            else None
        )
        rank = self.rank(row, self.layout.first("rank"), cells)
        if not label or (value is None and rank is None):
            return []
        matched = self.catalogue.match(label, self.year)
        if not matched:
            self.problem("unknown_indicator", row, label_column.header, label)
            return []
        return [(matched[0].indicator, value_column.header if value_column else label, value, rank)]

    def headline_code(self) -> str | None:
        return self.headline.indicator if self.headline else None

    def number(self, row: int, column: str, text: str) -> float | None:
        try:
            value = parse_number(text)
        except BadNumber:
            self.problem("not_a_number", row, column, text)
            return None
        self.parsed.missing += value is None
        return value

    def rank(self, row: int, column, cells: list[str]) -> int | None:
        if column is None:
            return None
        text = self.cell(cells, column.position)
        try:
            rank = parse_rank(text)
        except BadNumber:
            self.problem("bad_rank", row, column.header, text)
            return None
        if rank is not None and rank > self.units:
            self.problem(
                "rank_out_of_range", row, column.header, text, units=self.units, year=self.year
            )
            return None
        return rank

    def average(self, row: int, entries: list[tuple]) -> None:
        for indicator, _column, value, _rank in entries:
            if value is not None:
                self.averages.append(
                    {"scope": "national", "indicator": indicator, "value": value, "row": row}
                )

    def resolve(self, row: int, column: str, name: str) -> Unit | None:
        try:
            unit = self.provinces.resolve(name, self.year)
        except ProvinceNotFound as missing:
            self.not_found(row, column, name, missing)
            return None
        self.parsed.matches[name] = unit
        return unit

    def not_found(self, row: int, column: str, name: str, missing: ProvinceNotFound) -> None:
        if not name:
            self.problem("no_province_name", row, column)
        elif missing.existed:
            unit = missing.existed[0]
            self.problem(
                "province_not_in_year",
                row,
                column,
                name,
                year=self.year,
                first=unit.valid_from,
                last=unit.valid_to or "…",
            )
        else:
            self.problem(
                "unknown_province",
                row,
                column,
                name,
                suggestions=", ".join(missing.suggestions) or "–",
            )

    def store(self, row, unit: Unit, name, indicator, column, value, rank) -> None:
        item = self.catalogue.items[indicator]
        slot = (unit.province_code, indicator)
        if slot in self.values:
            self.problem("duplicate_value", row, column, name, other=self.values[slot]["row"])
            return
        if value is not None and not _in_range(value, item.valid_min, item.valid_max):
            self.problem(
                "out_of_range",
                row,
                column,
                _plain(value),
                low=_plain(item.valid_min),
                high=_plain(item.valid_max),
            )
            return
        self.values[slot] = {
            "province_code": unit.province_code,
            "province": unit.name_vi,
            "indicator": indicator,
            "value": value,
            "rank": rank,
            "row": row,
        }


def _in_range(value: float, low: float | None, high: float | None) -> bool:
    return (low is None or value >= low) and (high is None or value <= high)


def _plain(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


def check(
    raw: RawTable,
    layout: Layout,
    provinces: Provinces,
    catalogue: Indicators,
    index_code: str,
    year: int,
) -> Parsed:
    """Every data row checked: values by province and indicator, averages, all problems."""
    parsed = _Checker(layout, provinces, catalogue, index_code, year).run(raw)
    if parsed.values.empty and not parsed.problems:
        parsed.problems.append(Problem("no_values"))
    return parsed

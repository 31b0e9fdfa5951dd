"""The catalogue of indicators: an index's indicators, matched from a table's column headers."""

from dataclasses import dataclass
from typing import Any

import duckdb

from scores import db
from scores.text import key, without_years


@dataclass(frozen=True)
class Indicator:
    """One entry of an index's catalogue."""

    indicator: str
    name_vi: str
    name_en: str
    level: str
    valid_min: float | None
    valid_max: float | None
    higher_is_better: bool
    headline: bool
    first_year: int | None
    last_year: int | None

    def used_in(self, year: int) -> bool:
        """Whether the methodology of that year has this indicator."""
        return (self.first_year is None or self.first_year <= year) and (
            self.last_year is None or year <= self.last_year
        )


class Indicators:
    """An index's catalogue, matching headers through names and printed aliases."""

    def __init__(self, con: duckdb.DuckDBPyConnection, index_code: str) -> None:
        frame = db.query(con, "indicators_by_index", index_code=index_code)
        self.items = {row.indicator: _indicator(row) for row in frame.itertuples(index=False)}
        self._by_key: dict[str, set[str]] = {}
        for item in self.items.values():
            for name in (item.indicator, item.name_vi, item.name_en):
                self._by_key.setdefault(key(name), set()).add(item.indicator)
        for row in db.query(con, "indicator_aliases_by_index", index_code=index_code).itertuples():
            self._by_key.setdefault(row.alias_key, set()).add(row.indicator)
        names = db.query(con, "index_names_by_code").itertuples(index=False)
        # Every index's code and short names, folded: a header naming an index, not an indicator.
        self.index_names = {key(n) for row in names for n in row if isinstance(n, str) and n}

    def match(self, header: str, year: int) -> list[Indicator]:
        """Indicators a header may mean, those used in the year first; [] when none."""
        codes = self._by_key.get(key(header)) or self._by_key.get(key(without_years(header)), set())
        found = [self.items[code] for code in sorted(codes)]
        in_year = [item for item in found if item.used_in(year)]
        if len(in_year) > 1:
            in_year = [item for item in in_year if item.headline] or in_year
        return in_year or found

    def headline(self, year: int) -> Indicator | None:
        """The index's main total in that year."""
        return next((i for i in self.items.values() if i.headline and i.used_in(year)), None)


def _indicator(row: Any) -> Indicator:
    return Indicator(
        row.indicator,
        row.name_vi,
        row.name_en,
        row.level,
        db.maybe(row.valid_min, float),
        db.maybe(row.valid_max, float),
        bool(row.higher_is_better),
        bool(row.headline),
        db.maybe(row.first_year, int),
        db.maybe(row.last_year, int),
    )

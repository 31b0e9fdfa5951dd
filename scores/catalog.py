"""The catalogue of units: resolving unit names (provinces, the city's units) to units in a year,
their lineage across reorganisations, and which indicators are per cent."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial
from typing import Any

import duckdb
import pandas as pd
from rapidfuzz import fuzz, process

from scores import config, db
from scores.text import plain_name, province_key, unit_name_key


@dataclass(frozen=True)
class Unit:
    """One provincial unit: its code within its validity period."""

    province_code: str
    valid_from: int
    valid_to: int | None
    name_vi: str
    name_en: str
    successor_code: str | None
    central_city_since: int | None = None  # the year it became a centrally-run city, if it did

    def exists_in(self, year: int) -> bool:
        """Whether the unit existed in that (index) year."""
        return self.valid_from <= year and (self.valid_to is None or year <= self.valid_to)


class ProvinceNotFound(LookupError):
    """A name that matches no unit, or only units that did not exist in the year."""

    def __init__(self, name: str, suggestions: list[str], existed: list[Unit]) -> None:
        super().__init__(name)
        self.name, self.suggestions, self.existed = name, suggestions, existed


class Provinces:
    """Every unit of one unit set and every spelling of its name, resolved by the release's year.

    unit_set: 'province' (Vietnam's provinces, the default) or one of the city's sets
    ('hn_department', 'hn_local'; indices.unit_set says which an index is measured on). The city's
    names are matched with their prefixes dropped ("Sở", "UBND", "Q.", "quận", "huyện", "thị xã").
    """

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection | Callable[..., pd.DataFrame],
        unit_set: str = "province",
    ) -> None:
        # con: a connection, or a query runner load(name, **params) (a briefing pack's).
        read = con if callable(con) else partial(db.query, con)
        self.unit_set = unit_set
        self._key = province_key if unit_set == "province" else unit_name_key
        frame = read("units_by_set", unit_set=unit_set)
        self.units = [_unit(row) for row in frame.itertuples(index=False)]
        self._years: dict[int, list[Unit]] = {}
        self._codes: dict[tuple[str, int], Unit | None] = {}
        self._chosen: dict[str, str] = {}
        self._by_key: dict[str, set[str]] = {}
        for unit, row in zip(self.units, frame.itertuples(index=False), strict=True):
            for name in (row.name_vi, row.name_en, row.full_name_vi):
                if isinstance(name, str):
                    self._by_key.setdefault(self._key(name), set()).add(unit.name_vi)
        for row in read("unit_aliases_by_key", unit_set=unit_set).itertuples(index=False):
            self._by_key.setdefault(row.alias_key, set()).add(row.name_vi)

    @classmethod
    def of_index(cls, con: duckdb.DuckDBPyConnection, index_code: str) -> "Provinces":
        """The units an index is measured on (indices.unit_set; provinces for an unknown index)."""
        return cls(con, unit_set_of(con, index_code))

    def in_year(self, year: int) -> list[Unit]:
        """The units that existed in the year."""
        if year not in self._years:
            self._years[year] = [unit for unit in self.units if unit.exists_in(year)]
        return self._years[year]

    def choose(self, name: str, province_code: str) -> None:
        """Let a spelling mean the unit with that code (a user's pick among the suggestions)."""
        self._chosen[self._key(name)] = province_code

    def resolve(self, name: str, year: int) -> Unit:
        """The unit a name means in that year; ProvinceNotFound with suggestions otherwise."""
        picked = self._chosen.get(self._key(name))
        if picked and self.by_code(picked, year):
            return self.by_code(picked, year)
        names = self._by_key.get(self._key(name), set()) if plain_name(name) else set()
        candidates = [unit for unit in self.units if unit.name_vi in names]
        current = [unit for unit in candidates if unit.exists_in(year)]
        if len(current) == 1:
            return current[0]
        raise ProvinceNotFound(name, [] if candidates else self.suggest(name, year), candidates)

    def suggest(self, name: str, year: int, limit: int = 3) -> list[str]:
        """The nearest known names among the year's units, best first."""
        choices = {self._key(u.name_vi): u.name_vi for u in self.in_year(year)}
        found = process.extract(self._key(name), list(choices), scorer=fuzz.WRatio, limit=limit)
        return [choices[match] for match, score, _ in found if score >= 60]

    def by_code(self, code: str, year: int) -> Unit | None:
        """The unit holding that code in that year."""
        if (code, year) not in self._codes:
            found = [u for u in self.in_year(year) if u.province_code == code]
            self._codes[(code, year)] = found[0] if found else None
        return self._codes[(code, year)]

    # --- Lineage across reorganisations (Hà Tây into Hà Nội in 2008, the 34 units of 2025) ---

    def successor(self, unit: Unit) -> Unit | None:
        """The unit this one went into on the day after it ended (None while it exists)."""
        if unit.valid_to is None or unit.successor_code is None:
            return None
        return self.by_code(unit.successor_code, unit.valid_to + 1)

    def predecessors(self, unit: Unit) -> list[Unit]:
        """The units that went into this one, the one whose name it kept first."""
        found = [u for u in self.units if u != unit and self.successor(u) == unit]
        return sorted(found, key=lambda u: (u.name_vi != unit.name_vi, u.name_vi))

    def main_line(self, unit: Unit) -> list[Unit]:
        """The unit and, back in time, each predecessor whose name it kept (newest first).

        The history a leader follows: Bắc Ninh 2025 <- Bắc Ninh 2004-2024, never Bắc Giang's
        figures (nothing is summed or averaged across the units that merged).
        """
        line = [unit]
        while (kept := self.predecessors(line[-1])) and kept[0].name_vi == line[-1].name_vi:
            line.append(kept[0])
        return line

    def others(self, unit: Unit) -> list[Unit]:
        """Every earlier unit that went into this one outside its main line (shown on its own)."""
        line, found = self.main_line(unit), []
        for member in line:
            for earlier in self.predecessors(member):
                if earlier not in line and earlier not in found:
                    found.append(earlier)
                    found += [u for u in self.others(earlier) if u not in found]
                    found += [u for u in self.main_line(earlier)[1:] if u not in found]
        return found

    def along(self, unit: Unit, year: int) -> Unit | None:
        """The unit of the main line that existed in the year (Bắc Ninh 2025 in 2016: code 27)."""
        return next((u for u in self.main_line(unit) if u.exists_in(year)), None)

    def continued_codes(self, year: int, earlier: int) -> dict[str, str]:
        """Each unit of the year -> the code of the unit of its main line in the earlier year;
        a unit with none there (a district in 2025, a commune in 2024) is left out: it has no
        earlier rank to compare with."""
        found = {u.province_code: self.along(u, earlier) for u in self.in_year(year)}
        return {code: unit.province_code for code, unit in found.items() if unit is not None}

    def merged(self, unit: Unit) -> bool:
        """Whether the unit was formed from more than one earlier unit (its history changed)."""
        return len(self.predecessors(unit)) > 1

    def today(self) -> list[Unit]:
        """The units that exist now (34 since 1 July 2025): the ones a leader follows."""
        return [unit for unit in self.units if unit.valid_to is None]

    def ended(self) -> list[Unit]:
        """The units that no longer exist, each still openable on its own (Bắc Kạn 2004-2024)."""
        return [unit for unit in self.units if unit.valid_to is not None]

    def by_key(self, unit_key: str) -> Unit | None:
        """A unit from its key: the code for a unit that still exists, code-from for an older one
        ("24" is Bắc Ninh since 2025, "24-2004" the Bắc Giang of 2004-2024)."""
        code, _, start = unit_key.partition("-")
        found = [u for u in self.units if u.province_code == code]
        if start:
            return next((u for u in found if str(u.valid_from) == start), None)
        return next((u for u in found if u.valid_to is None), None)


def unit_set_of(con: duckdb.DuckDBPyConnection, index_code: str) -> str:
    """The set of units an index is measured on ('province', 'hn_department', 'hn_local')."""
    return str(db.query(con, "unit_set_by_index", index_code=index_code).iloc[0, 0])


def units_in_year(con: duckdb.DuckDBPyConnection, unit_set: str, year: int) -> list[Unit]:
    """The units of a unit set that existed in a year, oldest first: what a page lists.

    The one call for every set: Provinces(con, unit_set).in_year(year). The 30 districts of
    'hn_local' exist to 2024 only (the district level ended on 30 June 2025), so 2025 lists none
    of them until the communes and wards are in data/city_units.csv; a unit valid in one year and
    not in another has no rank change between them (analysis.standings).
    """
    return Provinces(con, unit_set).in_year(year)


def unit_key(unit: Unit) -> str:
    """The key of a unit in links: its code while it exists, code-from once it has ended."""
    return (
        unit.province_code if unit.valid_to is None else f"{unit.province_code}-{unit.valid_from}"
    )


def _unit(row: Any) -> Unit:
    return Unit(
        row.province_code,
        int(row.valid_from),
        db.maybe(row.valid_to, int),
        row.name_vi,
        row.name_en,
        db.maybe(row.successor_code),
        db.maybe(row.central_city_since, int),
    )


def is_percent(index_code: str, indicator: str) -> bool:
    """Whether values of the indicator are percentages (data/index_rules.csv, `*`: all of them)."""
    marked = _percent_rules().get(index_code, set())
    return "*" in marked or indicator in marked


@cache
def _percent_rules() -> dict[str, set[str]]:
    """index_code -> its per-cent indicators, read from the file the build loads: the callers
    format a figure where no connection is at hand (indicators_by_index carries it too)."""
    rules = pd.read_csv(config.DATA_DIR / "index_rules.csv", dtype=str, keep_default_na=False)
    return {row.index_code: set(row.percent.split("|")) - {""} for row in rules.itertuples()}

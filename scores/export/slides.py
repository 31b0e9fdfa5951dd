"""What a slide is, shared by the presentation page and the PPTX/PDF exports (no Streamlit).

A slide kind (scores/export/slide_kinds.py) turns a Context (the focus unit, year, language and a
query runner) into slides; the page draws them, the exports write them.
"""

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property

import pandas as pd
import plotly.graph_objects as go

from scores import db
from scores.analysis.narrative import index_sentence
from scores.analysis.standings import Standing, breaks_for, settle, standing
from scores.catalog import Provinces, Unit, is_percent
from scores.charts.base import enlarge
from scores.i18n import in_lang, lang_column, t
from scores.sources import readable_source

Load = Callable[..., pd.DataFrame]  # load(query_name, **params) -> rows


def suffix(index_code: str, indicator: str) -> str:
    """'%' after a figure of an index measured in per cent, else nothing."""
    return "%" if is_percent(index_code, indicator) else ""


SLIDE_FONT = 20  # px: the smallest chart text on a slide (15 pt when placed in the exports)


def for_screen(figure: go.Figure, height: int) -> go.Figure:
    """A copy of a chart for a slide: its height, and every text at least SLIDE_FONT px (the
    pages' charts keep 16-18 px to fit a laptop; a slide is read from the back of a room)."""
    shown = go.Figure(figure).update_layout(height=height, margin_l=30, title_x=0.01)
    # Room on the right for the value printed past the longest bar at the larger type.
    shown.update_layout(margin_r=max(shown.layout.margin.r or 0, 80))
    shown.update_yaxes(automargin=True)
    return enlarge(shown, SLIDE_FONT)


@dataclass
class Card:
    """One index on the scorecard: its headline figure and two or three short lines."""

    title: str
    value: str
    lines: list[str]
    status: str | None = None  # a target status (met, on_track, ...) when the index has one
    target: str = ""  # the status as a glyph and words ("✓ Mục tiêu: đạt"); empty: no target


@dataclass
class Slide:
    """One view: title, figures from scores.charts, narrative, speaker notes, source line."""

    key: str
    title: str
    figures: list[go.Figure] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    source: str = ""
    partial: bool = False
    cards: list[Card] = field(default_factory=list)
    coverage: str = ""  # what the database holds of the table the slide rests on, when partial


@dataclass
class Context:
    """The focus unit, the year and language of a pack, and how to read the database."""

    load: Load
    provinces: Provinces
    unit: Unit
    year: int
    lang: str

    def __post_init__(self) -> None:
        # Kinds ask for the same rows (each index's breaks, components, releases): read once.
        load, seen = self.load, {}

        def remembered(name: str, **params: object) -> pd.DataFrame:
            key = (name, tuple(sorted(params.items())))
            if key not in seen:
                seen[key] = load(name, **params)
            return seen[key]

        self.load = remembered

    def remember(self, key: tuple, make: Callable[[], object]) -> object:
        """make()'s result, computed once per context (several kinds share a computation)."""
        memo = self.__dict__.setdefault("_memo", {})
        if key not in memo:
            memo[key] = make()
        return memo[key]

    def tr(self, key: str, **values: object) -> str:
        """t() in the pack's language."""
        return t(key, self.lang, **values)

    @property
    def unit_name(self) -> str:
        """The focus unit's name in the pack's language."""
        return in_lang(self.unit, "name", self.lang)

    def lineage(self) -> list[str]:
        """Whose figures the earlier years are, and the units merged in (as on the Overview)."""
        provinces, unit = self.provinces, self.unit
        line, others = provinces.main_line(unit), provinces.others(unit)
        lines = []
        if provinces.merged(unit) and len(line) > 1:
            lines.append(
                self.tr("lineage.main", until=line[1].valid_to, name=self.name_of(line[1]))
            )
        if others:
            listed = ", ".join(f"{self.name_of(u)} ({u.valid_from}–{u.valid_to})" for u in others)
            lines.append(self.tr("lineage.others", name=self.unit_name, others=listed))
        return lines

    def name_of(self, unit: Unit) -> str:
        """A unit's name in the pack's language."""
        return in_lang(unit, "name", self.lang)

    def history(self, name: str, **params: object) -> pd.DataFrame:
        """A per-unit query along the focus unit's main line (db.along)."""
        return db.along(self.load, self.provinces.main_line(self.unit), name, **params)

    def code_in(self, year: int) -> str | None:
        """The focus unit's code in a year (its predecessor's before 2025), if it existed."""
        found = self.provinces.along(self.unit, year)
        return found.province_code if found else None

    @cached_property
    def indices(self) -> pd.DataFrame:
        """indices_by_code, indexed by index_code."""
        return self.load("indices_by_code").set_index("index_code")

    def index_name(self, index_code: str) -> str:
        """An index's short name in the pack's language."""
        return self.indices.loc[index_code, lang_column("short", self.lang)]

    @cached_property
    def headline(self) -> pd.DataFrame:
        """The focus unit's headline rows of every index up to the pack's year."""
        rows = self.history("headline_by_year")
        return rows[rows["year"] <= self.year]

    def standing(self, index_code: str) -> Standing | None:
        """analysis.standings.standing of one index up to the pack's year, settled against its
        table (the rank's denominator and the coverage counts): what every view says of it."""
        return self.remember(("standing", index_code), lambda: self._standing(index_code))

    def _standing(self, index_code: str) -> Standing | None:
        rows = self.headline[self.headline["index_code"] == index_code]
        found = standing(rows)
        if found is None:
            return None
        table = self.table(index_code, found.year, self.indicator(index_code, found.year))
        settled = settle(found, table, self.code_in(found.year))
        if settled.rank_kind == "published" and not self.indices.loc[index_code, "publishes_ranks"]:
            # The press's "rank" of an index whose publisher ranks no one (PAPI) is a place
            # counted from the scores; said as such, never "as published".
            settled = replace(settled, rank_kind="position")
        return settled

    def index_sentence(self, index_code: str) -> str | None:
        """The year's headline sentence of one index ('PAR INDEX 2024: 92,57%, xếp thứ 3/63, …'):
        the one the Overview's summary, the scorecard, the ranking slides and the report say
        (None without a figure)."""
        found = self.standing(index_code)
        if found is None:
            return None
        unit_suffix = suffix(index_code, self.indicator(index_code, found.year))
        name, breaks = self.index_name(index_code), self.breaks(index_code)
        return index_sentence(name, unit_suffix, found, self.lang, breaks)

    def indicator(self, index_code: str, year: int) -> str:
        """The focus unit's headline indicator of an index in a year (its total)."""
        rows = self.headline[
            (self.headline["index_code"] == index_code) & (self.headline["year"] == year)
        ]
        return str(rows["indicator"].iloc[-1])

    def table(self, index_code: str, year: int, indicator: str) -> pd.DataFrame:
        """scores_by_province of one indicator and year, with names in the pack's language."""
        frame = self.load(
            "scores_by_province", index_code=index_code, year=year, indicator=indicator
        )
        return frame.assign(name=frame[lang_column("name", self.lang)])

    def breaks(self, index_code: str, indicators: tuple[str, ...] = ()) -> tuple[int, ...]:
        """The years of methodology breaks of the whole index (and of the indicators given)."""
        found = self.load("methodology_breaks_by_year", index_code=index_code)
        return tuple(sorted(set(breaks_for(found, indicators)["year"])))

    def source(self, index_code: str, year: int, sources: list) -> str:
        """The publisher and documents behind one index's figures, as a leader reads them."""
        publisher = self.indices.loc[index_code, lang_column("publisher", self.lang)]
        return readable_source(publisher, self.index_name(index_code), year, sources, self.lang)

    def sources(self, years: dict[str, int]) -> str:
        """A short source line for several indices: each publisher with its index and year."""
        items = [
            self.tr(
                "slides.source_item",
                publisher=self.indices.loc[code, lang_column("publisher", self.lang)],
                index=self.index_name(code),
                year=year,
            )
            for code, year in years.items()
        ]
        return "; ".join(items)

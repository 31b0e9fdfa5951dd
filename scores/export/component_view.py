"""The focus unit's components of one index as every view shows them: the Sub-indicators page,
the weakest-components slide, the changes slide and the written report read this record."""

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from scores import charts
from scores.analysis.components import components, place, weak_points
from scores.analysis.narrative import component_sentences, coverage_sentence, place_words
from scores.analysis.notable import threshold
from scores.export.slides import Context
from scores.i18n import lang_column


@dataclass(frozen=True)
class ComponentRow:
    """One component: its name, the unit's value, its rank of N (N: the units ranked in that
    table, standings.ranked_units), the best value and the distance to it."""

    indicator: str
    name: str
    value: float
    rank: int | None  # None: too few units have the component to rank it (analysis.enough)
    units: int
    place: str  # the rank in plain words ("thấp nhất trong 61 tỉnh, thành phố có số liệu")
    best: float | None
    gap: float | None


@dataclass(frozen=True)
class ComponentView:
    """Headline, rows (weakest first), chart and notes of one index's components in a year."""

    headline: str  # "" when no component is ranked (a press release's few provinces)
    year: int
    previous: int | None  # the year changes are counted from (None: none, or a method break)
    table: pd.DataFrame  # analysis.components.weak_points, the rows with a value
    labels: dict[str, str]
    rows: list[ComponentRow]
    notes: list[str]
    chart_title: str
    valued: int  # units with a value of the best-covered component
    units: int  # units that existed in the year
    sources: list[str]
    coverage: str  # what the database holds of the table, when it holds part of it

    @property
    def ranked(self) -> pd.DataFrame:
        """The table's components that have a rank (weakest first)."""
        return self.table[self.table["percentile"].notna()]

    def chart_args(self, count: int | None = None, ranked: bool = False) -> tuple:
        """charts.component_bars' table and labels: the weakest `count` components (None: all;
        ranked: only those with a rank)."""
        shown = self.ranked if ranked else self.table
        shown = shown if count is None else shown.head(count)
        return shown, {code: self.labels.get(code, code) for code in shown["indicator"]}

    def chart(self, lang: str, count: int | None = None, slide: bool = False) -> go.Figure:
        """The bars of the weakest `count` components (a slide: ranked ones, the unit and the
        best, each with its value)."""
        shown, labels = self.chart_args(count, ranked=slide)
        return charts.component_bars(shown, labels, lang, self.chart_title, slide=slide)


def component_view(
    context: Context, code: str, year: int | None = None, level: str = "component"
) -> ComponentView | None:
    """The one builder of a component view: `level`'s components of index `code` in `year`
    (None: the latest year up to the pack's with any); None when the unit has none."""
    return context.remember(
        ("component_view", code, year, level), lambda: _build(context, code, year, level)
    )


def _build(context: Context, code: str, year: int | None, level: str) -> ComponentView | None:
    catalogue = context.load("indicators_by_index", index_code=code)
    items = catalogue[catalogue["level"] == level].set_index("indicator")
    history = context.history("percentiles_by_year", index_code=code)
    history = history[history["indicator"].isin(items.index) & history["value"].notna()]
    history = history[history["year"] <= (year or context.year)]
    if history.empty or (year is not None and year not in set(history["year"])):
        return None
    year = int(history["year"].max())
    units = len(context.provinces.in_year(year))
    values = context.load("values_by_province_indicator", index_code=code, year=year)
    weights = context.load("weights_by_indicator", index_code=code, year=year)
    field = components(values, context.code_in(year), items, units)
    table = weak_points(
        field, history, year, dict(weights.values.tolist()), items["max_points"].dropna().to_dict()
    )
    table = table[table["value"].notna()].reset_index(drop=True)
    labels = dict(
        zip(catalogue["indicator"], catalogue[lang_column("name", context.lang)], strict=True)
    )
    previous = _previous(context, code, history, year, (*table["indicator"], *items["parent"]))
    return _view(context, code, year, previous, table, labels, units)


def _previous(
    context: Context, code: str, history: pd.DataFrame, year: int, shown: tuple
) -> int | None:
    """The earlier year changes are counted from, None across a methodology break."""
    earlier = history.loc[history["year"] < year, "year"]
    previous = int(earlier.max()) if len(earlier) else None
    shown = tuple(item for item in shown if isinstance(item, str))
    if previous is not None and any(previous < b <= year for b in context.breaks(code, shown)):
        return None
    return previous


def _view(
    context: Context,
    code: str,
    year: int,
    previous: int | None,
    table: pd.DataFrame,
    labels: dict,
    units: int,
) -> ComponentView:
    lang, name = context.lang, context.index_name(code)
    rows = [_row(row, labels, units, lang) for row in table.itertuples()]
    ranked = table[table["percentile"].notna()]
    release = context.load("current_release_by_index_year", index_code=code, year=year)
    valued = int(table["valued"].max()) if len(table) else 0
    partial = bool(len(release)) and release["coverage"].iloc[0] == "partial"
    coverage = coverage_sentence(valued, units, year, lang) if partial else ""
    notes = component_sentences(
        ranked, labels, previous, lang, threshold=threshold(code, "component")
    )
    headline = ""
    if rows and rows[0].rank is not None:
        first = rows[0]
        headline = context.tr(
            "pack.weakest_title",
            index=name,
            year=year,
            province=context.unit_name,
            component=first.name,
            place=first.place,
        )
    return ComponentView(
        headline,
        year,
        previous,
        table,
        labels,
        rows,
        [*notes, coverage] if coverage else notes,
        context.tr("components.chart", index=name, year=year, province=context.unit_name),
        valued,
        units,
        list(release["source"]) if len(release) else [],
        coverage,
    )


def _row(row: object, labels: dict, units: int, lang: str) -> ComponentRow:
    rank, ranked_units = place(row.percentile, int(row.valued), units)
    return ComponentRow(
        row.indicator,
        labels.get(row.indicator, row.indicator),
        float(row.value),
        rank,
        ranked_units,
        place_words(rank, ranked_units, lang) if rank is not None else "",
        None if pd.isna(row.best) else float(row.best),
        None if pd.isna(row.gap) else float(row.gap),
    )

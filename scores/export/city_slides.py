"""The slide kind of the city's own units (#21): "Các đơn vị của Thành phố", one slide per city
index with a table to rank (its departments; its districts, or communes from 2025).

A slide carries a message: the latest year the database holds two or more of the set's units,
who is highest and lowest among them, who rose and fell most in places since the index's previous
release (never across a change of the set: rank_changes), and, once actions name the unit in
charge (analysis.actions.overdue_by_unit), the units with overdue actions.
"""

from datetime import date

import pandas as pd
import plotly.graph_objects as go

from scores import charts
from scores.analysis import actions
from scores.analysis.standings import change_arrow, rank_changes
from scores.catalog import Provinces
from scores.export.registry import kind
from scores.export.slides import Context, Slide
from scores.i18n import in_lang, lang_column, number
from scores.sources import readable_source

MOST_BARS = 12  # more units held than this: the chart shows the highest and lowest six
MOVES = 3  # risers and fallers named on a slide


@kind("city")
def city_units(context: Context) -> list[Slide]:
    """Per index of the city's units with a year to rank: its slide (none without data)."""
    indices = context.load("indices_in_scope", city=True)
    found = (_slide(context, about) for about in indices.itertuples(index=False))
    return [slide for slide in found if slide is not None]


def held_years(context: Context, index_code: str) -> list[int]:
    """The index's years up to the pack's with its total in a current release, latest first."""
    rows = context.load("indicators_by_year", index_code=index_code)
    rows = rows[rows["headline"] & (rows["year"] <= context.year)]
    return sorted({int(y) for y in rows["year"]}, reverse=True)


def _ranked_year(context: Context, index_code: str) -> tuple[int, str] | None:
    """The latest year (up to the pack's) with two or more units valued on the index's total,
    and that total (a ranking needs two)."""
    rows = context.load("indicators_by_year", index_code=index_code)
    rows = rows[rows["headline"] & (rows["year"] <= context.year) & (rows["valued"] >= 2)]
    if rows.empty:
        return None
    latest = rows.sort_values("year").iloc[-1]
    return int(latest["year"]), str(latest["indicator"])


def _slide(context: Context, about: object) -> Slide | None:
    ranked = _ranked_year(context, about.index_code)
    if ranked is None:
        return None
    (year, indicator), code, lang = ranked, about.index_code, context.lang
    units = context.remember(
        ("units", about.unit_set), lambda: Provinces(context.load, about.unit_set)
    )
    frame = context.table(code, year, indicator)
    held = frame.dropna(subset=["value"]).sort_values("value", ascending=False)
    what = context.tr(f"cityscope.set_{about.unit_set}")
    said = {"what": what, "year": year, "valued": len(held), "units": len(units.in_year(year))}
    best, last = held.iloc[0], held.iloc[-1]
    headline = context.tr(
        "cityscope.slide_headline",
        best=best["name"],
        best_value=number(best["value"], lang),
        last=last["name"],
        last_value=number(last["value"], lang),
        **said,
    )
    lines = [headline, *_moves(context, units, code, indicator, frame, said)]
    lines += _overdue(context, units, what)
    partial = frame["coverage"].iloc[0] == "partial"
    coverage = context.tr("cityscope.slide_coverage", **said) if partial else ""
    name = in_lang(about, "short", lang)
    title = context.tr("cityscope.slide_title", index=name, year=year)
    publisher = getattr(about, lang_column("publisher", lang))
    sources = list(frame["source"].dropna().unique())
    source = readable_source(publisher, name, year, sources, lang)
    notes = [*lines, coverage] if coverage else lines
    slide = Slide("city", title, [_chart(context, held, said)], lines, notes, source, partial)
    slide.coverage = coverage
    return slide


def _chart(context: Context, held: pd.DataFrame, said: dict) -> go.Figure:
    """The held units' bars, best at the top; the highest and lowest six of a longer list."""
    shown, key = held, "cityscope.slide_chart"
    if len(held) > MOST_BARS:
        half = MOST_BARS // 2
        shown, key = pd.concat([held.head(half), held.tail(half)]), "cityscope.slide_chart_ends"
    title = context.tr(key, shown=MOST_BARS // 2, **said)
    return charts.ranked_bars(shown, None, context.lang, title[:1].upper() + title[1:])


def _moves(
    context: Context, units: Provinces, code: str, indicator: str, now: pd.DataFrame, said: dict
) -> list[str]:
    """The largest rises and falls in places since the index's previous release: only between
    two years ranking the same units (a unit new to the set, or a set that changed, has none)."""
    year = said["year"]
    earlier = [y for y in held_years(context, code) if y < year]
    if not earlier:
        return []
    before = context.table(code, earlier[0], indicator)
    if len(units.in_year(year)) != len(units.in_year(earlier[0])):
        listed = len(units.in_year(earlier[0]))
        return [context.tr("cityscope.slide_boundary", earlier=earlier[0], before=listed, **said)]
    table = rank_changes(units, now, before, year, earlier[0]).dropna(subset=["change"])
    risers = table[table["change"] > 0].sort_values("change", ascending=False, kind="stable")
    fallers = table[table["change"] < 0].sort_values("change", kind="stable")
    found = []
    for key, rows in (("slide_risers", risers), ("slide_fallers", fallers)):
        if len(rows):
            items = [
                f"{row.name} ({change_arrow(row.change)})" for row in rows.head(MOVES).itertuples()
            ]
            found.append(context.tr(f"cityscope.{key}", earlier=earlier[0], items=", ".join(items)))
    return found or [context.tr("cityscope.slide_no_moves", earlier=earlier[0], **said)]


def _overdue(context: Context, units: Provinces, what: str) -> list[str]:
    """The set's units with overdue actions, most first."""
    # overdue_by_unit's rule on the pack's own query runner (it takes a connection, a pack has
    # none): every action's latest version, overdue today, counted by the unit in charge.
    found = actions.progress(context.load, None, date.today())
    late = found[found["overdue"] & found["owner_code"].notna()]
    names = {u.province_code: in_lang(u, "name", context.lang) for u in units.units}
    counts = late[late["owner_code"].isin(names)].groupby("owner_code").size()
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if not ordered:
        return [context.tr("cityscope.slide_no_overdue", what=what)]
    items = [context.tr("cityscope.slide_overdue_item", name=names[c], count=n) for c, n in ordered]
    return [context.tr("cityscope.slide_overdue", items=", ".join(items))]

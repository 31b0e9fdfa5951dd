"""The slide kinds of a briefing pack, in a registry, and the pack itself.

A new kind registers itself with @kind("name"); the order of registration is the default order of
a pack. The last kind, "plan", is the remediation plan's progress (issue #13).
"""

from collections.abc import Callable
from datetime import date

import pandas as pd

from scores import charts
from scores.analysis.actions import progress
from scores.analysis.components import components, weak_points
from scores.analysis.narrative import (
    component_sentences,
    index_sentence,
    places,
    rank_gap_sentence,
    rank_text,
    signed,
    since,
    target_sentence,
    value_gap_sentence,
)
from scores.analysis.standings import national_cutoff, peers
from scores.analysis.targets import evaluate_target, rank_gap
from scores.catalog import is_percent
from scores.charts.base import STATUS_LOOK
from scores.export.slides import Card, Context, Slide
from scores.i18n import day, number
from scores.ingest.actions import STATUSES

Builder = Callable[[Context], list[Slide]]
KINDS: dict[str, Builder] = {}
WEAKEST = 6  # components on a slide: more do not read from the back of a room


def kind(key: str) -> Callable[[Builder], Builder]:
    """Register a slide kind under a key (the key used in ?slides= and --slides)."""

    def register(builder: Builder) -> Builder:
        KINDS[key] = builder
        return builder

    return register


def pack(context: Context, keys: list[str]) -> list[Slide]:
    """The slides of the kinds asked for, in that order (unknown keys are the caller's check)."""
    return [slide for key in keys for slide in KINDS[key](context)]


def _suffix(index_code: str, found_indicator: str) -> str:
    return "%" if is_percent(index_code, found_indicator) else ""


@kind("scorecard")
def scorecard(context: Context) -> list[Slide]:
    """The four indices: latest score, rank of N, change since last year, target status."""
    cards, sentences, years, partial = [], [], {}, False
    targets = context.load("targets_by_index", province_code=context.unit.province_code)
    for code in context.indices.index:
        name, found = context.index_name(code), context.standing(code)
        if found is None:
            cards.append(Card(name, "–", [context.tr("overview.no_data")]))
            continue
        rows = context.headline[context.headline["index_code"] == code]
        suffix = _suffix(code, rows["indicator"].iloc[-1])
        sentences.append(index_sentence(name, suffix, found, context.lang, context.breaks(code)))
        cards.append(_card(context, name, found, suffix))
        for target in targets[targets["index_code"] == code].itertuples():
            judged = evaluate_target(target.kind, target.threshold, target.first_year, rows)
            cards[-1].status, cards[-1].target = judged["status"], _status(context, judged)
        years[code], partial = found["year"], partial or found["coverage"] == "partial"
    title = context.tr("slides.scorecard", province=context.unit_name, year=context.year)
    return [
        Slide("scorecard", title, [], sentences, sentences, context.sources(years), partial, cards)
    ]


def _card(context: Context, name: str, found: dict, suffix: str) -> Card:
    """Score, rank of N, rank change and score change, each change naming the year it is from."""
    lang = context.lang
    value = "–" if found["value"] is None else number(found["value"], lang) + suffix
    lines = [context.tr("slides.card_year", year=found["year"])]
    if found["rank"] is not None:
        rank = rank_text(found, lang)
        lines.append(rank[:1].upper() + rank[1:])
    previous = found["previous_year"]
    if previous is not None:
        ago = since(previous, found["year"], lang)
        if found["places_change"] is not None:
            change = int(found["places_change"])
            glyph = "▲" if change > 0 else "▼" if change < 0 else "="
            lines.append(f"{glyph} {places(change, lang)} {ago}")
        if found["value_change"] is not None:
            change = signed(found["value_change"], lang)
            lines.append(context.tr("pack.card_points", change=change, since=ago))
    if found["coverage"] == "partial":
        lines.append(
            context.tr("pack.card_coverage", valued=found["valued"] or 0, units=found["units"])
        )
    return Card(name, value, lines)


def _status(context: Context, judged: dict, label: bool = True) -> str:
    """A target's status as a glyph and a word (never colour alone)."""
    glyph = STATUS_LOOK[judged["status"]][1]
    word = context.tr(f"status.{judged['status']}" if judged["status"] else "status.unknown")
    return f"{glyph} " + (context.tr("slides.target_status", status=word) if label else word)


@kind("targets")
def targets(context: Context) -> list[Slide]:
    """Each target of the focus unit: its chart, status, gap and what next year takes."""
    found = context.load("targets_by_index", province_code=context.unit.province_code)
    return [_target(context, target) for target in found.itertuples()]


def _target(context: Context, target: object) -> Slide:
    code, lang = target.index_code, context.lang
    name = context.index_name(code)
    rows = context.headline[
        (context.headline["index_code"] == code)
        & (context.headline["indicator"] == target.indicator)
    ]
    judged = evaluate_target(target.kind, target.threshold, target.first_year, rows)
    sentences = [target_sentence(name, target.kind, target.threshold, judged["status"], lang)]
    breaks = context.breaks(code)
    if target.kind == "rank_at_most":
        units = int(rows["units"].iloc[-1]) if len(rows) else 0
        title = context.tr("targets.rank_chart", index=name)
        figure = charts.target_rank(rows, int(target.threshold), units, lang, title, breaks)
    else:
        averages = context.load("averages_by_year", index_code=code)
        averages = averages[
            (averages["indicator"] == target.indicator) & (averages["scope"] == "national")
        ]
        title = context.tr("targets.value_chart", index=name)
        figure = charts.target_value(rows, target.threshold, averages, lang, title, breaks)
    sentences += _gap(context, target, judged)
    goal = context.tr(f"target.{target.kind}", threshold=number(target.threshold, lang, 0))
    notes = [*sentences, context.tr("targets.basis", basis=target.basis, first=target.first_year)]
    sources = [*rows["value_source"].dropna().unique(), *rows["rank_source"].dropna().unique()]
    year = judged["year"] or context.year
    return Slide(
        "targets",
        f"{name}: {goal} · {_status(context, judged, False)}",
        [figure],
        sentences,
        notes,
        context.source(code, year, sources),
        bool(len(rows)) and rows["coverage"].iloc[-1] == "partial",
    )


def _gap(context: Context, target: object, judged: dict) -> list[str]:
    if judged["year"] is None:
        return []
    year = judged["year"]
    if target.kind != "rank_at_most":
        return [value_gap_sentence(year, judged["latest"], target.threshold, context.lang)]
    frame = context.load(
        "scores_by_province", index_code=target.index_code, year=year, indicator=target.indicator
    )
    gap = rank_gap(frame, context.code_in(year), int(target.threshold))
    coverage = frame["coverage"].iloc[0] if len(frame) else "partial"
    return [rank_gap_sentence(gap, int(target.threshold), year, coverage, context.lang)]


@kind("rankings")
def rankings(context: Context) -> list[Slide]:
    """Per index: the focus unit among its peers (centrally-run cities), with the national rank."""
    slides = []
    for code in context.indices.index:
        found = context.standing(code)
        if found is not None and found["rank"] is not None:
            slides.append(_ranking(context, code, found))
    return slides


def _ranking(context: Context, code: str, found: dict) -> Slide:
    year, name = found["year"], context.index_name(code)
    indicator = context.headline.loc[context.headline["index_code"] == code, "indicator"].iloc[-1]
    frame = context.load("scores_by_province", index_code=code, year=year, indicator=indicator)
    frame = frame.assign(name=frame[f"name_{context.lang}"])
    mine = context.code_in(year)
    group = "central_cities"
    shown = peers(frame, group, mine, year, [])
    if shown["value"].notna().sum() < 2:  # a press release names too few cities: the whole list
        group, shown = "all", frame
    peer = context.tr(f"peers.{group}")
    title = context.tr("slides.ranking", index=name, year=year, peers=peer)
    what = rank_text(found, context.lang)
    chart_title = f"{context.unit_name}: {what} · {peer}"
    figure = charts.ranked_bars(shown, mine, context.lang, chart_title, national_cutoff(frame))
    sentence = index_sentence(name, _suffix(code, indicator), found, context.lang)
    among = shown.dropna(subset=["value"]).sort_values("value", ascending=False)
    place = (
        list(among["province_code"]).index(mine) + 1
        if mine in set(among["province_code"])
        else None
    )
    sentences = [sentence]
    if place is not None and group != "all":
        sentences.append(context.tr("slides.peer_place", place=place, count=len(among), peers=peer))
    sources = list(frame["source"].dropna().unique())
    partial = frame["coverage"].iloc[0] == "partial"
    return Slide(
        "rankings",
        title,
        [figure],
        sentences,
        sentences,
        context.source(code, year, sources),
        partial,
    )


@kind("weakest")
def weakest(context: Context) -> list[Slide]:
    """Per index with components: the weakest ones against the field, with points lost."""
    slides = []
    for code in context.indices.index:
        slide = _weakest(context, code)
        if slide is not None:
            slides.append(slide)
    return slides


def component_table(context: Context, code: str) -> tuple[pd.DataFrame, dict, int, int | None]:
    """The focus unit's components of one index in its latest year: weak_points' table (weakest
    first), their labels, the year, and the earlier year changes are counted from (None when
    there is none or a methodology break lies between)."""
    return context.remember(("components", code), lambda: _component_table(context, code))


def _component_table(context: Context, code: str) -> tuple[pd.DataFrame, dict, int, int | None]:
    catalogue = context.load("indicators_by_index", index_code=code)
    items = catalogue[catalogue["level"] == "component"].set_index("indicator")
    history = context.history("percentiles_by_year", index_code=code)
    history = history[history["indicator"].isin(items.index) & history["value"].notna()]
    history = history[history["year"] <= context.year]
    if history.empty:
        return pd.DataFrame(), {}, 0, None
    year = int(history["year"].max())
    values = context.load("values_by_province_indicator", index_code=code, year=year)
    weights = context.load("weights_by_indicator", index_code=code, year=year)
    units = len(context.provinces.in_year(year))
    field = components(values, context.code_in(year), items, units)
    table = weak_points(
        field, history, year, dict(weights.values.tolist()), items["max_points"].dropna().to_dict()
    )
    table = table[table["value"].notna() & table["percentile"].notna()]
    labels = dict(zip(catalogue["indicator"], catalogue[f"name_{context.lang}"], strict=True))
    earlier = history.loc[history["year"] < year, "year"]
    previous = int(earlier.max()) if len(earlier) else None
    shown = tuple(table["indicator"]) + tuple(items["parent"].dropna())
    if previous is not None and any(previous < b <= year for b in context.breaks(code, shown)):
        previous = None
    return table, labels, year, previous


def _weakest(context: Context, code: str) -> Slide | None:
    table, labels, year, previous = component_table(context, code)
    if table.empty:
        return None
    name = context.index_name(code)
    shown = table.head(WEAKEST)
    title = context.tr("slides.weakest", index=name, year=year, province=context.unit_name)
    chart_labels = {code: labels.get(code, code) for code in shown["indicator"]}
    what = context.tr("components.chart", index=name, year=year, province=context.unit_name)
    figure = charts.component_bars(shown, chart_labels, context.lang, what)
    sentences = component_sentences(table, labels, previous, context.lang)
    release = context.load("current_release_by_index_year", index_code=code, year=year)
    sources = list(release["source"]) if len(release) else []
    partial = bool(len(release)) and release["coverage"].iloc[0] == "partial"
    return Slide(
        "weakest",
        title,
        [figure],
        sentences[-1:],
        sentences,
        context.source(code, year, sources),
        partial,
    )


@kind("changes")
def changes(context: Context) -> list[Slide]:
    """What changed since last year: each index's sentence and its components' gains and losses."""
    sentences, years, partial = [], {}, False
    for code in context.indices.index:
        found = context.standing(code)
        if found is None:
            continue
        rows = context.headline[context.headline["index_code"] == code]
        name = context.index_name(code)
        suffix = _suffix(code, rows["indicator"].iloc[-1])
        sentences.append(index_sentence(name, suffix, found, context.lang, context.breaks(code)))
        table, labels, year, previous = component_table(context, code)
        if not table.empty and previous is not None and year == found["year"]:
            sentences += component_sentences(table, labels, previous, context.lang)[:-1]
        years[code], partial = found["year"], partial or found["coverage"] == "partial"
    title = context.tr("slides.changes", province=context.unit_name, year=context.year)
    return [Slide("changes", title, [], sentences, sentences, context.sources(years), partial)]


@kind("plan")
def plan(context: Context) -> list[Slide]:
    """Tiến độ khắc phục: the province's remediation actions (issue #13), overdue first; no slide
    where the province has none."""
    found = progress(context.load, context.unit.province_code, date.today())
    if found.empty:
        return []
    found = found.sort_values(["overdue", "due"], ascending=[False, True], kind="stable")
    counts = found["status"].value_counts()
    summary = context.tr(
        "slides.plan_summary",
        count=len(found),
        **{status: int(counts.get(status, 0)) for status in STATUSES},
        overdue=int(found["overdue"].sum()),
    )
    items = [_action_item(context, row) for row in found.itertuples()]
    title = context.tr("slides.plan", province=context.unit_name)
    source = context.tr("slides.plan_source", date=day(found["updated_at"].max(), context.lang))
    return [Slide("plan", title, [], [summary, *items], [summary, *items], source)]


def _action_item(context: Context, row: object) -> str:
    """One action as a line: index · indicator — agency: what (due; status, overdue)."""
    catalogue = context.load("indicators_by_index", index_code=row.index_code)
    names = dict(zip(catalogue["indicator"], catalogue[f"name_{context.lang}"], strict=True))
    status = context.tr(f"action_status.{row.status}")
    if row.overdue:
        status = f"⚠ {status} · {context.tr('plan.overdue')}"
    return context.tr(
        "slides.plan_item",
        index=context.index_name(row.index_code),
        indicator=names.get(row.indicator, row.indicator),
        owner=row.owner,
        action=row.action,
        due=day(row.due, context.lang),
        status=status,
    )

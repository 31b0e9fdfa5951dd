"""Slide kinds against the field: the focus unit among its peers, its weakest components.

A slide is made only when it carries a message: a peer slide needs MIN_PEERS peers with data
(fewer: no slide, and the scorecard's notes say why).
"""

import pandas as pd
import plotly.graph_objects as go

from scores import charts
from scores.analysis.components import components, weak_points
from scores.analysis.narrative import (
    component_place,
    component_sentences,
    coverage_sentence,
    index_sentence,
    rank_text,
)
from scores.analysis.notable import threshold
from scores.analysis.standings import Standing, national_cutoff, peers
from scores.export.registry import kind
from scores.export.slides import Context, Slide, suffix
from scores.i18n import lang_column, number, t

MIN_PEERS = 3  # peers with data, the focus unit not counted: fewer make no comparison
WEAKEST = 5  # components on a slide: more do not read from the back of a room
GROUP = "central_cities"


def peer_table(context: Context, code: str) -> tuple[pd.DataFrame, int] | None:
    """The focus unit's peer group in the index's latest table and how many peers have data
    (None when the unit has no rank that year)."""
    found = context.standing(code)
    if found is None or found.rank is None:
        return None
    year, mine = found.year, context.code_in(found.year)
    frame = context.table(code, year, context.indicator(code, year))
    shown = peers(frame, GROUP, mine, year, [])
    others = shown[(shown["province_code"] != mine) & shown["value"].notna()]
    return shown, len(others)


def dropped_peers(context: Context) -> list[str]:
    """A note for each index whose peer slide is left out, saying why."""
    notes = []
    for code in context.indices.index:
        found = peer_table(context, code)
        if found is not None and found[1] < MIN_PEERS:
            notes.append(
                context.tr(
                    "pack.peer_dropped",
                    index=context.index_name(code),
                    year=context.standing(code).year,
                    peers=context.tr(f"peers.{GROUP}"),
                    count=found[1],
                    minimum=MIN_PEERS,
                )
            )
    return notes


@kind("rankings")
def rankings(context: Context) -> list[Slide]:
    """Per index with enough peers: the focus unit among the centrally-run cities."""
    slides = []
    for code in context.indices.index:
        found = peer_table(context, code)
        if found is not None and found[1] >= MIN_PEERS:
            slides.append(_ranking(context, code, found[0]))
    if slides:
        slides[0].notes += dropped_peers(context)
    return slides


def _ranking(context: Context, code: str, shown: pd.DataFrame) -> Slide:
    found, name, lang = context.standing(code), context.index_name(code), context.lang
    year, mine = found.year, context.code_in(found.year)
    indicator = context.indicator(code, year)
    frame = context.table(code, year, indicator)
    among = shown.dropna(subset=["value"]).sort_values("value", ascending=False)
    place = (
        list(among["province_code"]).index(mine) + 1
        if mine in set(among["province_code"])
        else None
    )
    peer = context.tr(f"peers.{GROUP}")
    # A unit outside the group (Bắc Ninh beside the centrally-run cities) is not said to be in it.
    member = bool(shown.loc[shown["province_code"] == mine, "central_city_since"].le(year).any())
    title = context.tr(
        "pack.ranking_title" if member else "pack.ranking_title_beside",
        index=name,
        year=year,
        province=context.unit_name,
        place=place or "–",
        count=len(among),
        peers=peer,
    )
    unit_suffix = suffix(code, indicator)
    lines = [_national(found, lang)]
    lines.append(_to_best(context, frame, mine, unit_suffix))
    chart_title = context.tr("pack.ranking_chart", peers=peer, year=year)
    figure = charts.ranked_bars(among, mine, lang, chart_title, national_cutoff(frame))
    notes = [index_sentence(name, unit_suffix, found, lang), *lines]
    return _ranking_slide(context, code, title, figure, lines, notes)


def _national(found: Standing, lang: str) -> str:
    text = rank_text(found, lang)
    return text[:1].upper() + text[1:] + " " + _country(lang)


def _country(lang: str) -> str:
    return "cả nước" if lang == "vi" else "nationally"


def _to_best(context: Context, frame: pd.DataFrame, mine: str, unit_suffix: str) -> str:
    """'43,77 điểm; cao nhất cả nước: Quảng Ninh 47,82 (cách 4,05 điểm).'"""
    valued = frame.dropna(subset=["value"]).sort_values("value", ascending=False)
    value = valued.loc[valued["province_code"] == mine, "value"]
    if valued.empty or value.empty:
        return ""
    best, lang = valued.iloc[0], context.lang
    if best["province_code"] == mine:
        return context.tr(
            "pack.is_best", value=number(value.iloc[0], lang) + unit_suffix, units=len(valued)
        )
    return context.tr(
        "pack.to_best",
        value=number(value.iloc[0], lang) + unit_suffix,
        best=best["name"],
        best_value=number(best["value"], lang) + unit_suffix,
        points=number(best["value"] - value.iloc[0], lang),
        units=len(valued),
    )


def _ranking_slide(
    context: Context, code: str, title: str, figure: go.Figure, lines: list[str], notes: list[str]
) -> Slide:
    found = context.standing(code)
    year, partial = found.year, found.coverage == "partial"
    coverage = coverage_sentence(found.valued, found.units, year, context.lang) if partial else ""
    frame = context.table(code, year, context.indicator(code, year))
    sources = list(frame["source"].dropna().unique())
    kept = [line for line in lines if line]
    notes = [*notes, coverage] if coverage else notes
    slide = Slide(
        "rankings", title, [figure], kept, notes, context.source(code, year, sources), partial
    )
    slide.coverage = coverage
    return slide


@kind("weakest")
def weakest(context: Context) -> list[Slide]:
    """Per index with components: the weakest ones against the field, their place and the best."""
    slides = []
    for code in context.indices.index:
        slide = _weakest(context, code)
        if slide is not None:
            slides.append(slide)
    return slides


def component_table(context: Context, code: str) -> tuple[pd.DataFrame, dict, int, int | None]:
    """The focus unit's components of one index in its latest year: weak_points' table (weakest
    first), their labels, the year, and the earlier year changes are counted from (None when
    there is none or a methodology break lies between). The Sub-indicators page's table too."""
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
    labels = dict(
        zip(catalogue["indicator"], catalogue[lang_column("name", context.lang)], strict=True)
    )
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
    name, lang = context.index_name(code), context.lang
    first = next(table.itertuples())
    title = context.tr(
        "pack.weakest_title",
        index=name,
        year=year,
        province=context.unit_name,
        component=labels.get(first.indicator, first.indicator),
        place=component_place(first, lang),
    )
    shown = table.head(WEAKEST)
    chart_labels = {item: labels.get(item, item) for item in shown["indicator"]}
    what = context.tr("pack.weakest_chart", province=context.unit_name, year=year)
    figure = charts.component_bars(shown, chart_labels, lang, what, slide=True)
    sentences = component_sentences(
        table, labels, previous, lang, threshold=threshold(code, "component")
    )
    release = context.load("current_release_by_index_year", index_code=code, year=year)
    sources = list(release["source"]) if len(release) else []
    partial = bool(len(release)) and release["coverage"].iloc[0] == "partial"
    coverage = ""
    if partial:
        valued = int(table["valued"].max())
        coverage = coverage_sentence(valued, len(context.provinces.in_year(year)), year, lang)
    slide = Slide(
        "weakest",
        title,
        [figure],
        [_weak_line(row, labels, lang) for row in table.head(3).itertuples()],
        [*sentences, coverage] if coverage else sentences,
        context.source(code, year, sources),
        partial,
    )
    slide.coverage = coverage
    return slide


def _weak_line(row: object, labels: dict, lang: str) -> str:
    """'Quản trị môi trường: 2,87 điểm (tốt nhất 4,41), thấp nhất trong 61 ...' for the slide."""
    best = getattr(row, "best", None)
    return t(
        "pack.weak_line",
        lang,
        name=labels.get(row.indicator, row.indicator),
        value=number(row.value, lang),
        best=number(best, lang),
        place=component_place(row, lang),
    )

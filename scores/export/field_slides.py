"""Slide kinds against the field: the focus unit among its peers, its weakest components.

A slide is made only when it carries a message: a peer slide needs MIN_PEERS peers with data
(fewer: no slide, and the scorecard's notes say why).
"""

import pandas as pd
import plotly.graph_objects as go

from scores import charts
from scores.analysis.narrative import coverage_sentence, rank_text
from scores.analysis.standings import Standing, national_cutoff, peers
from scores.export.component_view import ComponentRow, component_view
from scores.export.registry import kind
from scores.export.slides import Context, Slide, suffix
from scores.i18n import number, t

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
    lines = [_national(context, code, found)]
    lines.append(_to_best(context, frame, mine, unit_suffix))
    chart_title = context.tr("pack.ranking_chart", peers=peer, year=year)
    figure = charts.ranked_bars(among, mine, lang, chart_title, national_cutoff(frame))
    notes = [context.index_sentence(code), *lines]
    return _ranking_slide(context, code, title, figure, lines, notes)


def _national(context: Context, code: str, found: Standing) -> str:
    """'Xếp thứ 3/63 cả nước': the rank among the whole unit set, in the set's own word (a
    place among the units with figures already says among whom)."""
    text = rank_text(found, context.lang)
    text = text[:1].upper() + text[1:]
    if found.rank_kind == "position":
        return text
    unit_set = str(context.load("unit_set_by_index", index_code=code).iloc[0, 0])
    return text + " " + context.tr(f"brief3.whole_{unit_set}")


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


def _weakest(context: Context, code: str) -> Slide | None:
    view = component_view(context, code)
    if view is None or not view.headline:
        return None
    figure = view.chart(context.lang, WEAKEST, slide=True)
    ranked = [row for row in view.rows if row.rank is not None]
    slide = Slide(
        "weakest",
        view.headline,
        [figure],
        [weak_line(row, context.lang) for row in ranked[:3]],
        view.notes,
        context.source(code, view.year, view.sources),
        bool(view.coverage),
    )
    slide.coverage = view.coverage
    return slide


def weak_line(row: ComponentRow, lang: str) -> str:
    """'Quản trị môi trường: 2,87 điểm (tốt nhất 4,41), thấp nhất trong 61 ...' for the slide."""
    return t(
        "pack.weak_line",
        lang,
        name=row.name,
        value=number(row.value, lang),
        best=number(row.best, lang),
        place=row.place,
    )

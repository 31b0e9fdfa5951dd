"""The slide kinds of a briefing pack, in a registry, and the pack itself.

Each kind registers itself with @kind("name") (scores/export/registry.py); ORDER is the default
order of a pack. Here: the scorecard, the targets and the changes; the field kinds (rankings,
weakest) are in field_slides.py, the remediation plan's progress in plan_slides.py.
"""

from scores import charts
from scores.analysis.narrative import (
    change_clause,
    index_sentence,
    rank_gap_sentence,
    rank_text,
    signed,
    target_sentence,
    value_gap_sentence,
)
from scores.analysis.notable import basis, notable, threshold
from scores.analysis.standings import Standing
from scores.analysis.targets import Judged, evaluate_target, rank_gap
from scores.charts.base import STATUS_LOOK
from scores.export import (  # noqa: F401  (they register their kinds)
    compare_slides,
    field_slides,
    plan_slides,
)
from scores.export.field_slides import component_table, dropped_peers
from scores.export.registry import BUILDERS, ORDER, Builder, kind
from scores.export.slides import Card, Context, Slide, suffix
from scores.i18n import number

__all__ = ["KINDS", "Builder", "pack"]


def pack(context: Context, keys: list[str]) -> list[Slide]:
    """The slides of the kinds asked for, in that order (unknown keys are the caller's check)."""
    return [slide for key in keys for slide in KINDS[key](context)]


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
        unit_suffix = suffix(code, rows["indicator"].iloc[-1])
        breaks = context.breaks(code)
        sentences.append(index_sentence(name, unit_suffix, found, context.lang, breaks))
        cards.append(_card(context, code, name, found, unit_suffix))
        for target in targets[targets["index_code"] == code].itertuples():
            judged = evaluate_target(target.kind, target.threshold, target.first_year, rows)
            cards[-1].status, cards[-1].target = judged.status, _status(context, judged)
        years[code], partial = found.year, partial or found.coverage == "partial"
    title = context.tr("slides.scorecard", province=context.unit_name, year=context.year)
    lineage = context.lineage()
    notes = [*sentences, *lineage, *dropped_peers(context)]
    return [Slide("scorecard", title, [], lineage, notes, context.sources(years), partial, cards)]


def _card(context: Context, code: str, name: str, found: Standing, unit_suffix: str) -> Card:
    """Score, rank of N, rank change and score change, each change naming the year it is from."""
    lang = context.lang
    value = "–" if found.value is None else number(found.value, lang) + unit_suffix
    # The year only where it is not the pack's (the title names that one).
    lines = [context.tr("slides.card_year", year=found.year)] if found.year != context.year else []
    if found.rank is not None:
        rank = rank_text(found, lang)
        lines.append(rank[:1].upper() + rank[1:])
    clause = change_clause(found, context.breaks(code), lang)
    if clause:  # rank and score change in one line, naming the year compared with
        change = found.places_change
        glyph = "" if change is None else "▲ " if change > 0 else "▼ " if change < 0 else "= "
        lines.append(glyph + clause)
    if found.coverage == "partial":
        lines.append(context.tr("pack.card_coverage", valued=found.valued or 0, units=found.units))
    return Card(name, value, lines)


def _status(context: Context, judged: Judged, label: bool = True) -> str:
    """A target's status as a glyph and a word (never colour alone)."""
    glyph = STATUS_LOOK[judged.status][1]
    word = context.tr(f"status.{judged.status}" if judged.status else "status.unknown")
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
    sentences = [target_sentence(name, target.kind, target.threshold, judged.status, lang)]
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
    year = judged.year or context.year
    return Slide(
        "targets",
        f"{name}: {goal} · {_status(context, judged, False)}",
        [figure],
        sentences,
        notes,
        context.source(code, year, sources),
        bool(len(rows)) and rows["coverage"].iloc[-1] == "partial",
    )


def _gap(context: Context, target: object, judged: Judged) -> list[str]:
    if judged.year is None:
        return []
    year = judged.year
    if target.kind != "rank_at_most":
        return [value_gap_sentence(year, judged.latest, target.threshold, context.lang)]
    frame = context.load(
        "scores_by_province", index_code=target.index_code, year=year, indicator=target.indicator
    )
    gap = rank_gap(frame, context.code_in(year), int(target.threshold))
    coverage = frame["coverage"].iloc[0] if len(frame) else "partial"
    return [rank_gap_sentence(gap, int(target.threshold), year, coverage, context.lang)]


@kind("changes")
def changes(context: Context) -> list[Slide]:
    """What changed since the latest earlier year with data: one line per index naming that
    year, and the component changes beyond the catalogue's threshold (only those are notable)."""
    lines, notes, years, partial = [], [], {}, False
    moved = []
    for code in context.indices.index:
        found = context.standing(code)
        if found is None or found.previous_year is None:
            continue
        name = context.index_name(code)
        lines.append(_change_line(context, code, name, found))
        notes.append(
            context.tr("pack.threshold_note", index=name, basis=basis(code, "total", context.lang))
        )
        moved += _notable_components(context, code, name, found)
        years[code], partial = found.year, partial or found.coverage == "partial"
    if not lines:
        return []
    if moved:
        lines.append(context.tr("pack.notable_components", items="; ".join(moved)))
    else:
        lines.append(context.tr("pack.no_notable_components"))
    for code in years:
        notes.append(
            context.tr(
                "pack.threshold_note",
                index=context.index_name(code),
                basis=basis(code, "component", context.lang),
            )
        )
    title = context.tr("pack.changes_title", province=context.unit_name, year=context.year)
    return [Slide("changes", title, [], lines, [*lines, *notes], context.sources(years), partial)]


def _change_line(context: Context, code: str, name: str, found: Standing) -> str:
    """'PAPI: giảm 14 bậc và giảm 0,19 điểm so với năm 2023 (dưới ngưỡng đáng kể 0,72 điểm).'"""
    breaks = context.breaks(code)
    clause = change_clause(found, breaks, context.lang)
    line = f"{name}: {clause}" if clause else name
    change, year, previous = found.value_change, found.year, found.previous_year
    compared = not any(previous < b <= year for b in breaks)
    if compared and change is not None and not notable(change, code, "total"):
        line += " " + context.tr(
            "pack.below_threshold", points=number(threshold(code, "total"), context.lang)
        )
    return line + "."


def _notable_components(context: Context, code: str, name: str, found: Standing) -> list[str]:
    """The components of one index whose change since the comparable year reaches the threshold."""
    table, labels, year, previous = component_table(context, code)
    if table.empty or previous is None or year != found.year:
        return []
    kept = table[[notable(change, code, "component") for change in table["change"]]]
    kept = kept.reindex(kept["change"].abs().sort_values(ascending=False).index).head(3)
    return [
        context.tr(
            "pack.component_change",
            index=name,
            component=labels.get(row.indicator, row.indicator),
            change=signed(row.change, context.lang),
            year=previous,
        )
        for row in kept.itertuples()
    ]


KINDS: dict[str, Builder] = {key: BUILDERS[key] for key in ORDER}

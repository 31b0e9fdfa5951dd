"""The slide kinds of a briefing pack, in a registry, and the pack itself.

Each kind registers itself with @kind("name") (scores/export/registry.py); ORDER is the default
order of a pack. Here: the scorecard, the targets and the changes; the field kinds (rankings,
weakest) are in field_slides.py, the remediation plan's progress in plan_slides.py.
"""

from scores.analysis.narrative import (
    change_clause,
    rank_text,
    signed,
)
from scores.analysis.notable import basis, notable, threshold
from scores.analysis.standings import Standing
from scores.analysis.targets import Judged, evaluate_target
from scores.charts.base import STATUS_LOOK
from scores.export import (  # noqa: F401  (they register their kinds)
    city_slides,
    compare_slides,
    field_slides,
    plan_slides,
)
from scores.export.component_view import component_view
from scores.export.field_slides import dropped_peers
from scores.export.registry import BUILDERS, ORDER, Builder, kind
from scores.export.slides import Card, Context, Slide, suffix
from scores.export.target_view import target_view
from scores.i18n import number
from scores.text import typed_in_sentence

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
        sentences.append(context.index_sentence(code))
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
    """A target's slide from its one builder (target_view), as the Targets page shows it."""
    view = target_view(context, target)
    notes = [
        *view.sentences,
        context.tr("targets.basis", basis=typed_in_sentence(view.basis), first=target.first_year),
    ]
    return Slide(
        "targets",
        f"{view.headline} · {_status(context, view.judged, False)}",
        [view.figure],
        view.sentences,
        notes,
        context.source(target.index_code, view.judged.year or context.year, view.sources),
        view.partial,
    )


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
    view = component_view(context, code)
    if view is None or view.previous is None or view.year != found.year:
        return []
    table, labels, previous = view.ranked, view.labels, view.previous
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

"""The compare slide kind: the focus unit and the centrally-run cities over the years (#24)."""

import pandas as pd

from scores import charts
from scores.analysis import compare
from scores.catalog import unit_key
from scores.export.field_slides import MIN_PEERS
from scores.export.registry import kind
from scores.export.slides import Context, Slide
from scores.i18n import in_lang

YEARS = 10  # the compare slide's span: the ten years a giao ban looks back on


@kind("compare")
def compare_over_time(context: Context) -> list[Slide]:
    """Per index: the focus unit and the centrally-run cities over the last YEARS years, with
    who gained most since the first year of the latest method."""
    units = compare.default_set(context.provinces, context.unit)
    slides, dropped = [], []
    for code in context.indices.index:
        frame = compare.series(context.load, context.provinces, units, code, "headline")
        frame = frame[frame["year"].between(context.year - YEARS + 1, context.year)]
        if frame.dropna(subset=["value"])["unit_key"].nunique() < 2:
            continue
        years = sorted(int(year) for year in frame["year"].unique())
        breaks = context.breaks(code)
        comparable = [y for y in years[:-1] if not any(y < b <= years[-1] for b in breaks)]
        since = comparable[0] if comparable else years[0]
        found = compare.gains(frame, since, breaks)
        # "Hà Nội gained most of the 1 province comparable" is no message: MIN_PEERS peers.
        if len(found) < MIN_PEERS + 1:
            dropped.append(_dropped(context, code, years, comparable, breaks, len(found)))
            continue
        slides.append(_compare(context, code, units, frame, years, found, since))
    if slides:
        slides[0].notes += dropped
    return slides


def _dropped(
    context: Context,
    code: str,
    years: list[int],
    comparable: list[int],
    breaks: tuple[int, ...],
    count: int,
) -> str:
    """Why an index has no compare slide, for the speaker's notes: one year only, a method
    changed since the year before the last (no earlier year compares), or too few units."""
    index, year = context.index_name(code), years[-1]
    if len(years) < 2:
        return context.tr("brief3.compare_one_year", index=index, year=year)
    if not comparable:
        changed = max(b for b in breaks if b <= year)
        return context.tr("brief3.compare_new_method", index=index, year=changed)
    minimum = MIN_PEERS + 1
    return context.tr(
        "brief3.compare_dropped", index=index, since=comparable[0], count=count, minimum=minimum
    )


def _compare(
    context: Context,
    code: str,
    units: list,
    frame: pd.DataFrame,
    years: list[int],
    found: pd.DataFrame,
    since: int,
) -> Slide:
    names = {unit_key(u): in_lang(u, "name", context.lang) for u in units}
    breaks = context.breaks(code)
    sentence = compare.gain_sentence(found, names, since, context.lang)
    title = context.tr(
        "compare.slide_title",
        index=context.index_name(code),
        province=context.unit_name,
        first=years[0],
        last=years[-1],
    )
    figure = charts.compare_lines(frame, names, unit_key(context.unit), breaks, context.lang, title)
    sources = list(frame["value_source"].dropna().unique())
    return Slide(
        "compare", title, [figure], [sentence], [sentence], context.source(code, years[-1], sources)
    )

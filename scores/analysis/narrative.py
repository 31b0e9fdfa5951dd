"""Generated sentences about an index, its coverage and its components, built only from stored
numbers, in either language (a target's sentences are in targets.py)."""

from collections.abc import Iterable

import pandas as pd

from scores.analysis.components import place
from scores.analysis.standings import Standing
from scores.i18n import number, t


def index_sentence(
    name: str, unit_suffix: str, found: Standing, lang: str, breaks: Iterable[int] = ()
) -> str:
    """'PAR INDEX 2024: xếp thứ 3/63, giữ nguyên thứ hạng và tăng 1,14 điểm'

    found: standings.standing, with valued (units the database holds that year) and rank_units
    (the rank's denominator, standings.ranked_units) where known (settle). breaks: the years the
    whole index changed its method; a score is not compared across one (the sentence says so).
    A table the database holds in part gets coverage_sentence after it.
    """
    parts = [
        t(
            "story.score",
            lang,
            index=name,
            year=found.year,
            value=_value(found.value, unit_suffix, lang),
        )
    ]
    if found.rank is not None:
        parts.append(rank_text(found, lang))
    if found.previous_year is not None:
        parts += _compared(found, sorted(breaks), lang)
    text = ", ".join(part for part in parts if part) + "."
    if found.coverage == "partial":
        text += " " + coverage_sentence(found.valued, found.units, found.year, lang)
    return text


def rank_text(found: Standing, lang: str) -> str:
    """'xếp thứ 3/63' (a published rank) or 'đứng thứ 8/61 tỉnh, thành phố có số liệu' (a place
    the system counted among the units with a value), with the one denominator rule."""
    units = found.rank_units or found.units
    key = "pack.place" if found.rank_kind == "position" else "story.rank"
    return t(key, lang, rank=int(found.rank), units=units)


def coverage_sentence(valued: int | None, units: int, year: int, lang: str) -> str:
    """What the database holds of a year's table and what completes it (never a claim about
    what the publisher released: the ministry's tables are complete, the database may not be)."""
    if valued is None:
        return t("pack.coverage_unknown", lang, year=year)
    return t("pack.coverage", lang, valued=valued, units=units, year=year)


def since(previous: int, year: int, lang: str) -> str:
    """'so với năm 2023', or 'so với năm 2020, năm gần nhất có số liệu' across missing years."""
    key = "pack.since" if previous == year - 1 else "pack.since_latest"
    return t(key, lang, year=previous)


def change_clause(found: Standing, breaks: Iterable[int], lang: str) -> str:
    """The changes since the previous year with data, that year named ('' without one)."""
    if found.previous_year is None:
        return ""
    return ", ".join(_compared(found, sorted(breaks), lang))


def _compared(found: Standing, breaks: list[int], lang: str) -> list[str]:
    """The changes since the previous year with data, naming that year; no score change across
    a method change (said instead)."""
    year, previous = found.year, found.previous_year
    changes, parts = [], []
    if found.places_change is not None:
        changes.append(places(found.places_change, lang))
    elif found.previous_rank is not None:
        units, rank = found.previous_units, int(found.previous_rank)
        parts.append(t("story.rank_before", lang, year=previous, rank=rank, units=units))
    between = [b for b in breaks if previous < b <= year]
    if not between and found.value_change is not None:
        changes.append(_points(found.value_change, lang))
    if changes:
        parts.append(t("pack.and", lang).join(changes) + " " + since(previous, year, lang))
    if between:
        parts.append(t("narrative.method_break", lang, year=between[-1], previous=previous))
    return parts


def _value(value: float | None, suffix: str, lang: str) -> str:
    return (
        t("story.no_score", lang)
        if value is None or value != value
        else number(value, lang) + suffix
    )


def places(change: float, lang: str) -> str:
    """'tăng 22 bậc' / 'giữ nguyên thứ hạng': a change in places, without its year."""
    if change == 0:
        return t("pack.places_same", lang)
    key = "pack.places_up" if change > 0 else "pack.places_down"
    return t(key, lang, places=abs(int(change)))


def _points(change: float, lang: str) -> str:
    if abs(change) < 0.005:
        return t("story.points_same", lang)
    key = "story.points_up" if change > 0 else "story.points_down"
    return t(key, lang, points=number(abs(change), lang))


def signed(value: float, lang: str) -> str:
    """+1,14 / −0,30 in the language's number format."""
    return ("+" if value >= 0 else "−") + number(abs(value), lang)


def component_sentences(
    table: pd.DataFrame,
    labels: dict[str, str],
    previous: int | None,
    lang: str,
    count: int = 3,
    threshold: float = 0.0,
) -> list[str]:
    """The largest gains and losses among components since `previous`, and the weakest ones.

    table: analysis.components.weak_points' result (indicator, value, change, percentile,
    points_lost, valued, best), weakest first. previous: the year the changes are counted from
    (None: no comparable earlier year, e.g. a method change in between), which the sentence
    names. threshold: a change smaller than this (the catalogue's notable change,
    analysis.notable) is not listed among the largest.
    """
    sentences = []
    changes = table.dropna(subset=["change"]) if previous is not None else table.iloc[0:0]
    changes = changes[changes["change"].abs() >= threshold - 1e-9]
    for key, rows in (
        ("gains", changes[changes["change"] > 0].nlargest(count, "change")),
        ("losses", changes[changes["change"] < 0].nsmallest(count, "change")),
    ):
        if len(rows):
            listed = ", ".join(
                f"{labels.get(row.indicator, row.indicator)} ({signed(row.change, lang)})"
                for row in rows.itertuples()
            )
            sentences.append(t(f"narrative.{key}", lang, year=previous, items=listed))
    weakest = table.dropna(subset=["percentile"]).head(count)
    if len(weakest):
        sentences.append(
            t(
                "narrative.weakest",
                lang,
                items=", ".join(_weak(row, labels, lang) for row in weakest.itertuples()),
            )
        )
    return sentences


def _weak(row: object, labels: dict[str, str], lang: str) -> str:
    """'Quản trị môi trường (thấp nhất trong 61, 2,87 điểm; tốt nhất 4,41)': a place, not a
    percentile."""
    name = labels.get(row.indicator, row.indicator)
    place = component_place(row, lang)
    value = number(row.value, lang)
    best = getattr(row, "best", None)
    if best is None or pd.isna(best):
        return t("pack.weak_item", lang, name=name, place=place, value=value)
    return t(
        "pack.weak_item_best", lang, name=name, place=place, value=value, best=number(best, lang)
    )


def component_place(row: object, lang: str) -> str:
    """A component's place among the units with a value ('thấp nhất trong 61 tỉnh, thành phố có
    số liệu', 'thứ 47/61'), from its percentile (the share at or below it) and the count."""
    rank, units = place(row.percentile, int(row.valued), int(row.valued))
    return place_words(rank, units, lang)


def place_words(rank: int, units: int, lang: str) -> str:
    """A rank of N in plain words: lowest of N, highest of N, or rank/N."""
    if rank >= units:
        return t("pack.lowest_of", lang, units=units)
    if rank == 1:
        return t("pack.best_of", lang, units=units)
    return t("pack.place_of", lang, rank=rank, units=units)

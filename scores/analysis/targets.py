"""Judging targets: met, on track, at risk or missed; the gap to the target rank; both said in
sentences."""

from dataclasses import dataclass
from typing import Any

import pandas as pd

from scores.i18n import number, t


@dataclass(frozen=True)
class Judged:
    """A target judged on the latest year with its figure; all None when none is known yet."""

    status: str | None = None
    year: int | None = None
    latest: float | None = None
    previous: float | None = None


@dataclass(frozen=True)
class RankGap:
    """A rank target's neighbourhood in one year's table; None where the release lacks it."""

    rank: int | None
    value: float | None
    inside: bool
    edge: float | None  # the value at the threshold rank
    next: float | None  # the value at the rank after it
    gap: float | None  # points to the edge (outside) or the cushion over the next (inside)
    leader: float | None


def target_status(kind: str, threshold: float, latest: Any, previous: Any) -> str | None:
    """met / at_risk / on_track / missed from the latest and previous figure (rank or value).

    Met and not worse than last year: met. Met but worse: at risk. Not met but better than last
    year: on track. Not met and not better: missed. None when the latest figure is unknown.
    """
    if latest is None or pd.isna(latest):
        return None
    better = (lambda a, b: a < b) if kind == "rank_at_most" else (lambda a, b: a > b)
    meets = latest <= threshold if kind == "rank_at_most" else latest >= threshold
    known = previous is not None and not pd.isna(previous)
    if meets:
        return "at_risk" if known and better(previous, latest) else "met"
    return "on_track" if known and better(latest, previous) else "missed"


def evaluate_target(kind: str, threshold: float, first_year: int, history: pd.DataFrame) -> Judged:
    """A target's status on the latest year with the figure it needs (rank or value).

    history: year, value, rank of the target's indicator for the unit, oldest first.
    """
    column = "rank" if kind == "rank_at_most" else "value"
    known = history.dropna(subset=[column])
    known = known[known["year"] >= first_year - 1]
    if known.empty or known["year"].iloc[-1] < first_year:
        return Judged()
    latest = known.iloc[-1]
    previous = known.iloc[-2][column] if len(known) > 1 else None
    return Judged(
        target_status(kind, threshold, latest[column], previous),
        int(latest["year"]),
        latest[column],
        previous,
    )


def rank_gap(frame: pd.DataFrame, province_code: str, threshold: int) -> RankGap:
    """For a rank target: the focus row, the province at the threshold rank and the next one.

    frame: one year's province_code, value, rank. Each figure is None where the release did not
    publish it (partial releases), so the caller can say what is known.
    """

    def value_at(rank: int) -> float | None:
        found = frame.loc[frame["rank"] == rank, "value"].dropna()
        return None if found.empty else float(found.iloc[0])

    mine = frame[frame["province_code"] == province_code]
    value = None if mine.empty or pd.isna(mine["value"].iloc[0]) else float(mine["value"].iloc[0])
    rank = None if mine.empty or pd.isna(mine["rank"].iloc[0]) else int(mine["rank"].iloc[0])
    edge, next_one = value_at(threshold), value_at(threshold + 1)
    inside = rank is not None and rank <= threshold
    other = next_one if inside else edge
    gap = None if value is None or other is None else (value - other if inside else other - value)
    return RankGap(rank, value, inside, edge, next_one, gap, value_at(1))


def target_sentence(
    index_name: str, kind: str, threshold: float, status: str | None, lang: str
) -> str:
    """'Mục tiêu nhóm 5 đứng đầu: đạt.' in the chosen language."""
    goal = t(f"target.{kind}", lang, threshold=number(threshold, lang, digits=0))
    word = t(f"status.{status}", lang) if status else t("status.unknown", lang)
    return t("story.target", lang, index=index_name, goal=goal, status=word)


def rank_gap_sentence(gap: RankGap, threshold: int, year: int, coverage: str, lang: str) -> str:
    """A rank target's gap in points and a plain statement of what next year takes.

    gap: analysis.targets.rank_gap's result; figures a partial release lacks are said so.
    """
    if gap.rank is None:
        return t("targets.rank_unknown", lang, year=year)
    places = {"rank": gap.rank, "n": threshold, "next": threshold + 1, "year": year}
    if gap.gap is None:
        key = "targets.cushion_unknown" if gap.inside else "targets.gap_unknown"
        text = t(key, lang, **places)
        if gap.leader is not None and gap.value is not None and gap.rank > 1:
            points = number(gap.leader - gap.value, lang)
            text += " " + t("targets.to_leader", lang, points=points)
        return text + (" " + t("targets.partial", lang) if coverage == "partial" else "")
    key = "targets.cushion" if gap.inside else "targets.gap"
    return t(key, lang, **places, points=number(gap.gap, lang), next_year=year + 1)


def value_gap_sentence(year: int, latest: float, threshold: float, lang: str) -> str:
    """A value target: how far above or below it the latest figure is, and for which year."""
    difference = latest - threshold
    return t(
        "targets.above" if difference >= 0 else "targets.below",
        lang,
        year=year,
        value=number(latest, lang),
        threshold=number(threshold, lang, 0),
        points=number(abs(difference), lang),
        next_year=year + 1,
    )

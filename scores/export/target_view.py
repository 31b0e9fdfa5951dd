"""One target as every view shows it: the Targets page and the target slide read this record."""

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from scores import charts
from scores.analysis.targets import (
    Judged,
    evaluate_target,
    rank_gap,
    rank_gap_sentence,
    target_sentence,
    value_gap_sentence,
)
from scores.export.slides import Context
from scores.i18n import number
from scores.text import full_stop


@dataclass(frozen=True)
class TargetView:
    """A target's headline ("PAR INDEX: trong nhóm 5 tỉnh, thành phố đứng đầu"), its judgement,
    its sentences (status, then the gap and what next year takes), chart and sources."""

    headline: str
    judged: Judged
    sentences: list[str]
    gap: str | None  # the gap sentence alone (the page shows it under its chart)
    figure: go.Figure
    sources: list[str]
    partial: bool
    basis: str = ""  # what the target rests on, as typed, ended with its full stop


def target_view(context: Context, target: object) -> TargetView:
    """The one builder of a target's view (a row of targets_by_index), up to the pack's year."""
    code, lang = target.index_code, context.lang
    name = context.index_name(code)
    headline = context.headline
    rows = headline[(headline["index_code"] == code) & (headline["indicator"] == target.indicator)]
    judged = evaluate_target(target.kind, target.threshold, target.first_year, rows)
    gap = _gap(context, target, judged)
    goal = context.tr(f"target.{target.kind}", threshold=number(target.threshold, lang, 0))
    status = target_sentence(name, target.kind, target.threshold, judged.status, lang)
    return TargetView(
        f"{name}: {goal}",
        judged,
        [status, *([gap] if gap else [])],
        gap,
        _figure(context, target, rows, name),
        [*rows["value_source"].dropna().unique(), *rows["rank_source"].dropna().unique()],
        bool(len(rows)) and rows["coverage"].iloc[-1] == "partial",
        full_stop(target.basis),
    )


def _figure(context: Context, target: object, rows: pd.DataFrame, name: str) -> go.Figure:
    """The rank against its threshold, or the score against its target and the average."""
    code, lang, breaks = target.index_code, context.lang, context.breaks(target.index_code)
    if target.kind == "rank_at_most":
        units = int(rows["units"].iloc[-1]) if len(rows) else 0
        title = context.tr("targets.rank_chart", index=name)
        return charts.target_rank(rows, int(target.threshold), units, lang, title, breaks)
    averages = context.load("averages_by_year", index_code=code)
    averages = averages[
        (averages["indicator"] == target.indicator) & (averages["scope"] == "national")
    ]
    title = context.tr("targets.value_chart", index=name)
    return charts.target_value(rows, target.threshold, averages, lang, title, breaks)


def _gap(context: Context, target: object, judged: Judged) -> str | None:
    """The gap sentence of the judged year (None before the target has a figure)."""
    if judged.year is None:
        return None
    year = judged.year
    if target.kind != "rank_at_most":
        return value_gap_sentence(year, judged.latest, target.threshold, context.lang)
    frame = context.load(
        "scores_by_province", index_code=target.index_code, year=year, indicator=target.indicator
    )
    gap = rank_gap(frame, context.code_in(year), int(target.threshold))
    coverage = frame["coverage"].iloc[0] if len(frame) else "partial"
    return rank_gap_sentence(gap, int(target.threshold), year, coverage, context.lang)

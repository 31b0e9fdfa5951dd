"""Generated sentences, built only from stored numbers, in either language."""

from scores.i18n import number, t


def index_sentence(name: str, unit_suffix: str, found: dict, lang: str) -> str:
    """'PAR INDEX 2024: 92,57 %, xếp thứ 3/63, giữ nguyên thứ hạng so với 2023, tăng 1,14 điểm.'"""
    parts = [
        t(
            "story.score",
            lang,
            index=name,
            year=found["year"],
            value=_value(found["value"], unit_suffix, lang),
        )
    ]
    if found["rank"] is not None:
        parts.append(t("story.rank", lang, rank=int(found["rank"]), units=found["units"]))
    if found["previous_year"] is not None:
        parts.append(_places(found["places_change"], found["previous_year"], lang))
        if found["places_change"] is None and found.get("previous_rank") is not None:
            units = found["previous_units"]
            rank = int(found["previous_rank"])
            parts.append(
                t("story.rank_before", lang, year=found["previous_year"], rank=rank, units=units)
            )
        if found["value_change"] is not None:
            parts.append(_points(found["value_change"], lang))
    return ", ".join(part for part in parts if part) + "."


def _value(value: float | None, suffix: str, lang: str) -> str:
    return (
        t("story.no_score", lang)
        if value is None or value != value
        else number(value, lang) + suffix
    )


def _places(change: float | None, year: int, lang: str) -> str:
    if change is None:
        return ""
    if change == 0:
        return t("story.places_same", lang, year=year)
    key = "story.places_up" if change > 0 else "story.places_down"
    return t(key, lang, places=abs(int(change)), year=year)


def _points(change: float, lang: str) -> str:
    if abs(change) < 0.005:
        return t("story.points_same", lang)
    key = "story.points_up" if change > 0 else "story.points_down"
    return t(key, lang, points=number(abs(change), lang))


def target_sentence(
    index_name: str, kind: str, threshold: float, status: str | None, lang: str
) -> str:
    """'Mục tiêu nhóm 5 đứng đầu: đạt.' in the chosen language."""
    goal = t(f"target.{kind}", lang, threshold=number(threshold, lang, digits=0))
    word = t(f"status.{status}", lang) if status else t("status.unknown", lang)
    return t("story.target", lang, index=index_name, goal=goal, status=word)


def rank_gap_sentence(gap: dict, threshold: int, year: int, coverage: str, lang: str) -> str:
    """A rank target's gap in points and a plain statement of what next year takes.

    gap: analysis.targets.rank_gap's result; figures a partial release lacks are said so.
    """
    if gap["rank"] is None:
        return t("targets.rank_unknown", lang, year=year)
    places = {"rank": gap["rank"], "n": threshold, "next": threshold + 1, "year": year}
    if gap["gap"] is None:
        key = "targets.cushion_unknown" if gap["inside"] else "targets.gap_unknown"
        text = t(key, lang, **places)
        if gap["leader"] is not None and gap["value"] is not None and gap["rank"] > 1:
            points = number(gap["leader"] - gap["value"], lang)
            text += " " + t("targets.to_leader", lang, points=points)
        return text + (" " + t("targets.partial", lang) if coverage == "partial" else "")
    key = "targets.cushion" if gap["inside"] else "targets.gap"
    return t(key, lang, **places, points=number(gap["gap"], lang), next_year=year + 1)


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

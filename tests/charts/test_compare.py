"""The compare chart: gaps, splits at breaks, and ranks of 63 and 34 units never joined."""

import pandas as pd

from scores.charts import FOCUS, compare_lines


def frame() -> pd.DataFrame:
    rows = [
        ("01", 2022, 40.0, 5, 63),
        ("01", 2024, 41.0, 4, 63),  # 2023 missing: a gap
        ("01", 2025, 42.0, 2, 34),  # 34 units from 2025: the rank line does not go on
        ("48", 2022, 45.0, 1, 63),
        ("48", 2023, 44.0, 2, 63),
    ]
    found = pd.DataFrame(rows, columns=["unit_key", "year", "value", "rank", "units"])
    return found.assign(indicator="total")


def segments(trace) -> list[tuple]:
    points = list(zip(trace.x, trace.y, strict=True))
    return [
        (a, b)
        for (a, ya), (b, yb) in zip(points, points[1:], strict=False)
        if pd.notna(ya) and pd.notna(yb)
    ]


def test_a_missing_year_is_a_gap_and_ranks_of_34_do_not_join_ranks_of_63():
    figure = compare_lines(frame(), {"01": "Hà Nội", "48": "Đà Nẵng"}, "01", (), "vi", "t")
    hanoi_score, hanoi_rank, danang_score, danang_rank = figure.data
    assert segments(hanoi_score) == [(2024, 2025)]
    assert segments(hanoi_rank) == []
    assert segments(danang_rank) == [(2022, 2023)]
    assert hanoi_score.line.color == FOCUS and danang_score.line.color != FOCUS


def test_a_methodology_break_splits_the_score_line():
    figure = compare_lines(frame(), {"48": "Đà Nẵng"}, "01", (2023,), "en", "t")
    assert segments(figure.data[0]) == []
    assert [a.text for a in figure.layout.annotations if "2023" in a.text]

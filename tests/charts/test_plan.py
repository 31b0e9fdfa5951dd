"""The plan's figure: room and proposal per component, from zero, in the user's language."""

import pandas as pd

from scores.charts import FOCUS, gap_bars

ROWS = pd.DataFrame(
    {"indicator": ["a", "b"], "room_points": [4.0, 1.5], "proposed_points": [4.0, 1.0]}
)


def test_gap_bars_draw_room_under_proposal_from_zero():
    figure = gap_bars(ROWS, {"a": "Tính minh bạch"}, "vi", "PCI 2021")
    room, taken = figure.data
    assert (room.name, taken.name) == ("Dư địa tới tỉnh tốt nhất", "Đề xuất")
    assert list(room.y) == ["Tính minh bạch", "b"]  # an unnamed code is shown as it is
    assert list(taken.x) == [4.0, 1.0] and taken.marker.color == FOCUS
    assert figure.layout.barmode == "overlay"
    assert figure.layout.xaxis.rangemode == "tozero"
    assert figure.layout.separators == ",."


def test_gap_bars_in_english():
    figure = gap_bars(ROWS, {}, "en", "PCI 2021")
    assert figure.data[1].name == "Proposal"
    assert figure.layout.xaxis.title.text == "Points of the total"

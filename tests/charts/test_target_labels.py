"""The Targets value chart's labels do not overlap (issue #22: seen at 1440x900 and 1920x1080)."""

import pandas as pd

from scores import charts


def test_no_two_value_labels_on_the_target_chart_sit_in_consecutive_years():
    # Hà Nội's PAR INDEX: 2012, 2018-2019, 2022-2024 (a method change in 2022).
    years = [2012, 2018, 2019, 2022, 2023, 2024]
    values = [82.79, 83.98, 84.64, 89.58, 91.43, 92.57]
    frame = pd.DataFrame({"year": years, "value": values})
    averages = pd.DataFrame(columns=["year", "value"])
    figure = charts.target_value(frame, 85.0, averages, "vi", "PAR INDEX", (2022,))
    focus = figure.data[0]
    labelled = [int(x) for x, text in zip(focus.x, focus.text, strict=True) if text.strip()]
    assert labelled[-1] == 2024 and "92,57" in focus.text  # the latest always says its value
    assert all(b - a > 1 for a, b in zip(labelled, labelled[1:], strict=False)), labelled
    assert labelled == [2012, 2019, 2022, 2024]

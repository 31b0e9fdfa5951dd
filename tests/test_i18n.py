"""Numbers and dates in each language's format."""

from datetime import date, datetime

import pandas as pd
import pytest

from scores.i18n import day, number


@pytest.mark.parametrize(
    ("value", "lang", "digits", "fixed", "text"),
    [
        (1234.5, "vi", 1, True, "1.234,5"),
        (1234.5, "en", 1, True, "1,234.5"),
        (7.744, "vi", 3, True, "7,744"),
        (60.7409934998, "vi", 4, False, "60,741"),
        (70.0, "vi", 4, False, "70"),
        (-0.0008, "en", 4, False, "-0.0008"),
        (None, "vi", 2, True, "–"),
        (float("nan"), "en", 2, False, "–"),
    ],
)
def test_numbers_by_language(value, lang, digits, fixed, text):
    assert number(value, lang, digits, fixed) == text


@pytest.mark.parametrize(
    ("value", "lang", "time", "text"),
    [
        (date(2026, 11, 26), "vi", False, "26/11/2026"),
        (date(2026, 11, 26), "en", False, "26 Nov 2026"),
        (datetime(2026, 11, 26, 14, 5), "vi", True, "26/11/2026 14:05"),
        (pd.Timestamp("2026-11-26 09:30:59"), "en", True, "26 Nov 2026 09:30"),
        (None, "vi", True, "–"),
        (pd.NaT, "vi", False, "–"),
    ],
)
def test_dates_by_language(value, lang, time, text):
    assert day(value, lang, time) == text

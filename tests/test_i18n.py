"""Numbers in each language's format."""

import pytest

from scores.i18n import number


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

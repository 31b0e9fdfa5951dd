"""Reading single cells: decimal commas, percent signs, missing marks, ranks."""

import pytest

from scores.ingest.cells import BadNumber, decimals, parse_number, parse_rank


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("92,57", 92.57),
        ("92.57", 92.57),
        ("92,57%", 92.57),
        ("92.57%", 92.57),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        (" 7 ", 7.0),
        ("\u00a060,74", 60.74),
        ("", None),
        ("N/A", None),
        ("n/a", None),
        ("-", None),
        ("–", None),
        ("..", None),
    ],
)
def test_numbers_as_publishers_print_them(text, number):
    assert parse_number(text) == number


@pytest.mark.parametrize(
    "text", ["bảy", "1,2,3", "60.7.4", "12a", "60.7,4", "6,07.4", "12.345,", "1.23,5"]
)
def test_bad_numbers(text):
    with pytest.raises(BadNumber):
        parse_number(text)


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("60,74", 2),
        ("60.74", 2),
        ("60.7400", 4),
        ("92,57 %", 2),
        ("1.234,5", 1),
        ("1,234.5", 1),
        ("60", 0),
        ("7.", 0),
        (".5", 1),
        ("N/A", None),
        ("", None),
    ],
)
def test_decimals_are_counted_as_the_cell_prints_them(text, places):
    assert decimals(text) == places


def test_zero_is_a_value_not_missing():
    assert parse_number("0") == 0.0


@pytest.mark.parametrize(
    ("text", "rank"), [("3", 3), ("3.0", 3), ("=3", 3), ("3/63", 3), ("", None)]
)
def test_ranks(text, rank):
    assert parse_rank(text) == rank


@pytest.mark.parametrize("text", ["0", "2.5", "-1", "ba"])
def test_bad_ranks(text):
    with pytest.raises(BadNumber):
        parse_rank(text)

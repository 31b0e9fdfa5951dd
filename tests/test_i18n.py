"""Numbers and dates in each language's format; the language's column chosen in one place."""

import ast
import re
from datetime import date, datetime
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

from scores.i18n import LANGS, day, in_lang, lang_column, number


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


# The language switch is done once (scores.i18n.lang_column / in_lang). What is left by hand is a
# sentence's grammar, not a column: the report writes the full Vietnamese name ("Thành phố Hà
# Nội"), which has no English column.
SWITCH_EXCEPT = {"scores/export/report.py"}
ROOT = Path(__file__).resolve().parent.parent


def _langish(node: ast.AST) -> bool:
    """lang, x.lang, lang(), state.lang(): an expression that is the chosen language."""
    if isinstance(node, ast.Call):
        node = node.func
    return (isinstance(node, ast.Name) and node.id == "lang") or (
        isinstance(node, ast.Attribute) and node.attr == "lang"
    )


def _lang_named(node: ast.AST) -> bool:
    """Whether an expression reads a field_vi / field_en attribute, key or column name."""
    names = [n.attr for n in ast.walk(node) if isinstance(n, ast.Attribute)]
    names += [n.value for n in ast.walk(node) if isinstance(n, ast.Constant)]
    return any(isinstance(n, str) and re.fullmatch(r"\w+_(vi|en)", n) for n in names)


def hand_switches(source: str) -> list[int]:
    """Lines that pick a _vi or _en field by comparing the language, or build f"field_{lang}"."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.IfExp) and (_lang_named(node.body) or _lang_named(node.orelse)):
            compared = [c for c in ast.walk(node.test) if isinstance(c, ast.Constant)]
            if any(c.value in LANGS for c in compared):
                found.append(node.lineno)
        elif isinstance(node, ast.JoinedStr) and len(node.values) == 2:
            head, tail = node.values
            if (
                isinstance(head, ast.Constant)
                and re.fullmatch(r"[a-z_]+_", str(head.value))
                and isinstance(tail, ast.FormattedValue)
                and _langish(tail.value)
            ):
                found.append(node.lineno)
    return found


@pytest.mark.parametrize(
    "source",
    [
        'name = unit.name_vi if lang == "vi" else unit.name_en',
        'column = "short_vi" if state.lang() == "vi" else "short_en"',
        'x = frame[f"name_{self.lang}"]',
        'x = row[f"basis_{lang}"]',
    ],
)
def test_a_hand_written_language_switch_is_found(source):
    assert hand_switches(source) == [1]


def test_what_is_not_a_column_switch_is_not_found():
    assert hand_switches('key = f"plan_kind_{index_code}"\nname = in_lang(u, "name", lang)') == []


def test_the_language_column_is_chosen_in_one_place():
    files = [
        *(ROOT / "scores").rglob("*.py"),
        *(ROOT / "views").rglob("*.py"),
        ROOT / "dashboard.py",
    ]
    found = [
        (path.relative_to(ROOT).as_posix(), line)
        for path in sorted(files)
        if path.name != "i18n.py" or path.parent.name != "scores"
        for line in hand_switches(path.read_text(encoding="utf-8"))
    ]
    assert [hit for hit in found if hit[0] not in SWITCH_EXCEPT] == []


@pytest.mark.parametrize(
    ("lang", "expected"), [("vi", "Hà Nội"), ("en", "Hanoi"), ("xx", "Hà Nội")]
)
def test_in_lang_reads_a_field_of_records_series_and_dicts(lang, expected):
    series = pd.Series({"name_vi": "Hà Nội", "name_en": "Hanoi"})
    unit = SimpleNamespace(name_vi="Hà Nội", name_en="Hanoi")
    assert in_lang(series, "name", lang) == in_lang(unit, "name", lang) == expected
    assert in_lang(series.to_dict(), "name", lang) == expected
    assert lang_column("name", lang) == ("name_en" if lang == "en" else "name_vi")

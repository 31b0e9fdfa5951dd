"""One translation function over the Vietnamese and English catalogues, and locale formats."""

import tomllib
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal

from scores.errors import Problem

LANGS = ("vi", "en")
_DIR = Path(__file__).with_name("locales")


@cache
def catalogue(lang: str) -> dict[str, str]:
    """The flat key -> text catalogue of a language (locales/<lang>.toml)."""
    with open(_DIR / f"{lang}.toml", "rb") as handle:
        return _flatten(tomllib.load(handle))


def _flatten(tree: dict, prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for name, value in tree.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{name}."))
        else:
            flat[f"{prefix}{name}"] = value
    return flat


def t(key: str, lang: str = "vi", **values: object) -> str:
    """The text for key in lang with {values} filled in; the key itself if it is missing."""
    text = catalogue(lang if lang in LANGS else "vi").get(key, key)
    return text.format(**values) if values else text


def lang_column(field: str, lang: str) -> str:
    """The catalogue column of a field in a language: lang_column("name", "en") == "name_en".

    The one place that chooses between the _vi and _en columns (tests/test_i18n.py keeps it so).
    """
    return f"{field}_{lang if lang in LANGS else LANGS[0]}"


def in_lang(row: Any, field: str, lang: str) -> Any:
    """A record's field in a language: an attribute (a unit, a named tuple) or a key (a Series,
    a DataFrame's column, a dict)."""
    name = lang_column(field, lang)
    return getattr(row, name) if hasattr(row, name) and not isinstance(row, dict) else row[name]


# Babel's locale and plotly's decimal/thousands marks for each language.
BABEL_LOCALES = {"vi": "vi_VN", "en": "en_GB"}
SEPARATORS = {"vi": ",.", "en": ".,"}


def babel_locale(lang: str) -> str:
    """The Babel locale that formats dates and month names in the language."""
    return BABEL_LOCALES.get(lang, BABEL_LOCALES[LANGS[0]])


def separators(lang: str) -> str:
    """Plotly's `separators` (decimal mark, then thousands mark) in the language."""
    return SEPARATORS.get(lang, SEPARATORS[LANGS[0]])


def number(value: float | None, lang: str = "vi", digits: int = 2, fixed: bool = True) -> str:
    """A number in the language's format (vi: 1.234,57; en: 1,234.57); '–' when missing.

    fixed=False: at most `digits` decimals, trailing zeros dropped (60.7410 -> 60,741).
    """
    if value is None or value != value:
        return "–"
    pattern = "#,##0." + ("0" if fixed else "#") * digits if digits else "#,##0"
    return format_decimal(value, format=pattern, locale="vi_VN" if lang == "vi" else "en_US")


def day(value: date | None, lang: str = "vi", time: bool = False) -> str:
    """A date as the language writes it (vi: 26/11/2026; en: 26 Nov 2026); '–' when missing.

    time: with the hour and minute (26/11/2026 14:05).
    """
    if value is None or value != value:
        return "–"
    pattern = "dd/MM/yyyy" if lang == "vi" else "d MMM yyyy"
    if time:
        return format_datetime(
            value, pattern + " HH:mm", locale="vi_VN" if lang == "vi" else "en_GB"
        )
    return format_date(value, pattern, locale="vi_VN" if lang == "vi" else "en_GB")


def describe(problem: Problem, lang: str = "vi") -> str:
    """A problem as one plain sentence: where first, then what is wrong; the one place a refusal
    (of a file, an action or a target) is put into words."""
    key = f"{problem.section}.{problem.rule}"
    template = t(key, lang)
    values = ({"value": problem.value} if "{value}" in template else {}) | problem.detail
    if problem.section == "trust":  # the text rule: the typed field named in the reader's words
        values |= {"field": t(f"trust.field_{values['field']}", lang)}
    what = t(key, lang, **values) if values else template
    where = []
    if problem.row is not None:
        where.append(t("where.row", lang, row=problem.row))
    if problem.column is not None:
        where.append(t("where.column", lang, column=problem.column))
    if problem.value is not None and "{value}" not in template:  # the value is named once
        where.append(t("where.value", lang, value=problem.value))
    if not where:
        return what
    place = ", ".join(where)  # a sentence: "Value “abc”: …" when no row comes first
    return f"{place[0].upper()}{place[1:]}: {what}"

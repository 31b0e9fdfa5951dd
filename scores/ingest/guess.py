"""Guessing which index and year a file holds from its title rows, header and file name."""

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date

from scores.ingest.interpret import FIRST_YEAR, HEADER_SCAN_ROWS
from scores.ingest.readfile import RawTable
from scores.text import fold, key


def guess_index_year(
    raw: RawTable, file_name: str, indices: list[str] | Mapping[str, str | Sequence[str]]
) -> tuple[str | None, int | None, str | None]:
    """The index and year a file names in its title rows, header or file name, if it names one,
    and the text (file name or cell) the year was read from.

    indices: the codes, or code -> the short name the catalogue prints it by ("PAR INDEX"), which
    a title may carry run together ("PARINDEX"), or its short names in every language (a
    Vietnamese title on the English page: "Chỉ số CCHC sở, ban, ngành").

    A guess to pre-fill the form: the user confirms it, and the checks run on what they choose.
    Only years an index could have been published for count ("Cột 2082" names no year).
    """
    cells = [cell for row in raw.rows[:HEADER_SCAN_ROWS] for cell in row if cell]
    text = " ".join([file_name, *cells])
    words = set(fold(text).split())
    printed = indices if isinstance(indices, Mapping) else {}
    folded = key(text)
    found_as = {
        code: [key(code)] * (code.lower() in words)
        + [key(n) for n in _listed(printed.get(code, ())) if _names(n, code, folded)]
        for code in indices
    }
    named = _most_specific({code: found for code, found in found_as.items() if found})
    last = date.today().year + 1
    found = [
        (int(year), place)
        for place in [file_name, *cells]
        for year in re.findall(r"(?<!\d)(20\d\d)(?!\d)", place)
        if FIRST_YEAR <= int(year) <= last
    ]
    counts = Counter(year for year, _ in found)
    year = max(counts, key=counts.get) if counts else None
    where = next((place for y, place in found if y == year), None)
    return (named[0] if len(named) == 1 else None), year, where


def _names(printed: str, code: str, folded: str) -> bool:
    """Whether the folded text carries an index's short name, where it is more than its code."""
    return key(printed) != key(code) and key(printed) in folded


def _listed(names: str | Sequence[str]) -> Sequence[str]:
    """One short name, or several (one per language), as a sequence."""
    return [names] if isinstance(names, str) else names


def _most_specific(found_as: dict[str, list[str]]) -> list[str]:
    """The indices named, without one named only inside another's longer name: "Hà Nội PAR
    (departments)" names the departments' index, not PAR INDEX by its code."""
    kept = []
    for code, found in found_as.items():
        others = [whole for other, wholes in found_as.items() if other != code for whole in wholes]
        if not all(any(part in whole and part != whole for whole in others) for part in found):
            kept.append(code)
    return kept

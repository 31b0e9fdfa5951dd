"""How a figure's sources are written: the whole trail behind it, once each; the short line a
leader reads (the publisher and its documents, never a repository path or an address); the
other figures the press printed for the same value."""

import csv
import re
from functools import cache
from urllib.parse import urlparse

from scores.config import DATA_DIR
from scores.i18n import t


def outlet(address: str) -> str:
    """A news address as its outlet's name ("https://m.hanoitimes.vn/…" -> "Hanoi Times")."""
    host = urlparse(address).netloc.removeprefix("www.")
    return outlets().get(host, host)


def also_reported(source: str | None) -> list[tuple[str, str]]:
    """The other figures printed for the same value ("also reported as 91.10: …"), as (figure,
    short source): a leader must not be surprised by a number the press printed differently."""
    if not isinstance(source, str):
        return []
    found = []
    for part in source.split(" | "):
        if part.startswith("also reported as "):
            figure, _, where = part.removeprefix("also reported as ").partition(": ")
            found.append((figure, outlet(where)))
    return found


@cache
def outlets() -> dict[str, str]:
    """Host -> the outlet's name (data/outlets.csv)."""
    with open(DATA_DIR / "outlets.csv", encoding="utf-8", newline="") as handle:
        return {row["host"]: row["name"] for row in csv.DictReader(handle)}


def _document(part: str, index_name: str, year: int, lang: str) -> str:
    """One source as a leader reads it: the publisher's data, a newspaper, or a typed document."""
    if part.startswith("github:") or part.startswith("seed/"):
        # Public copies of the publisher's own tables: name the data, not the repository.
        return t("source.dataset", lang, index=index_name, year=year)
    if part.startswith("http"):
        return t("source.press", lang, outlet=outlet(part))
    return part


def readable_source(
    publisher: str, index_name: str, year: int, sources: list[str | None], lang: str
) -> str:
    """'UNDP và CECODES – số liệu PAPI 2024; theo Hanoi Times': the publisher and the documents,
    never a repository path, a commit or an address (those stay in the full trail)."""
    documents = [
        _document(part, index_name, year, lang)
        for part in trail(sources)
        if not part.startswith("also reported")
    ]
    documents = list(dict.fromkeys(documents))
    return " – ".join([publisher, "; ".join(documents)]) if documents else publisher


def trail(sources: list[str | None]) -> list[str]:
    """Every source behind a figure, whole (repository and commit, full address), once each:
    a value's sources are joined by " | ", a release's documents by " ; "."""
    parts = (
        part.strip()
        for source in sources
        if isinstance(source, str)
        for part in re.split(r" \| | ; ", source)
    )
    return list(dict.fromkeys(part for part in parts if part))

"""Text as people write it: matching keys for names and headers, short names of sources."""

import re
import unicodedata
from urllib.parse import urlparse

_PREFIXES = ("thanh pho ", "tinh ", "tp ", "t p ", "city of ", "province of ")
_SUFFIXES = (" city", " province", " tinh", " thanh pho")


def fold(text: str) -> str:
    """Lower case, no diacritics, đ -> d, punctuation and line breaks as single spaces."""
    text = unicodedata.normalize("NFD", str(text)).replace("đ", "d").replace("Đ", "D")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^0-9a-z]+", " ", text).strip()


def key(text: str) -> str:
    """Matching key for headers: folded with all spacing removed ("Hà  Nội" == "hanoi")."""
    return fold(text).replace(" ", "")


def province_key(text: str) -> str:
    """Matching key for province names: also drops Tỉnh/Thành phố/TP. prefixes and suffixes."""
    folded = fold(text)
    for prefix in _PREFIXES:
        if folded.startswith(prefix):
            folded = folded[len(prefix) :]
    for suffix in _SUFFIXES:
        if folded.endswith(suffix):
            folded = folded[: -len(suffix)]
    return folded.replace(" ", "")


def without_years(text: str) -> str:
    """The header with any 4-digit year removed ("PCI 2016" -> "PCI ")."""
    return re.sub(r"(?<!\d)(19|20)\d\d(?!\d)", " ", str(text))


def source_label(*sources: str | None) -> str:
    """Short names of the sources behind a figure: web addresses by host, repositories by name."""
    labels = []
    for source in sources:
        if not isinstance(source, str) or not source:
            continue
        for part in source.split(" | "):
            text = part.split(": ", 1)[-1] if part.startswith("also reported") else part
            label = (
                urlparse(text).netloc.removeprefix("www.")
                if text.startswith("http")
                else text.split(" ")[0]
            )
            if label and label not in labels:
                labels.append(label)
    return ", ".join(labels) or "–"


def also_reported(source: str | None) -> list[tuple[str, str]]:
    """The other figures printed for the same value ("also reported as 91.10: …"), as (figure,
    short source): a leader must not be surprised by a number the press printed differently."""
    if not isinstance(source, str):
        return []
    found = []
    for part in source.split(" | "):
        if part.startswith("also reported as "):
            figure, _, where = part.removeprefix("also reported as ").partition(": ")
            found.append((figure, source_label(where)))
    return found

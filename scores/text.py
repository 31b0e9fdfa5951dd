"""Text as people write it: matching keys for names and headers, and the one rule for text people
type (how a figure's sources are written: sources.py)."""

import re
import unicodedata

from scores.errors import Problem, Refused

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


# Marks real province spellings carry ("TP. Hồ Chí Minh", "TT-Huế", "Bà Rịa – Vũng Tàu",
# "Hòa Bình (cũ)"). Any other mark ("=Hà Nội!!", a name in 50,000 quotes) means the cell is
# not a plain name, so it is not matched by folding the mark away.
NAME_MARKS = frozenset(".,-–—/()'’&")


def plain_name(text: str) -> bool:
    """Letters, digits, spaces and the marks province names carry; nothing else."""
    return all(
        ch.isalnum() or ch.isspace() or ch in NAME_MARKS or unicodedata.combining(ch)
        for ch in text.strip()
    )


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


# The words the city's documents put before a unit's own name: "Sở", "UBND", "Q.", "quận",
# "huyện", "thị xã", "TP" (folded; several may stack: "UBND quận Cầu Giấy").
_UNIT_PREFIXES = (
    "uy ban nhan dan ",
    "ubnd ",
    "so ",
    "quan ",
    "q ",
    "huyen ",
    "h ",
    "thi xa ",
    "tx ",
    "thanh pho ",
    "tp ",
)


def unit_name_key(text: str) -> str:
    """Matching key for a city unit's name: the province key after dropping the prefixes the
    city's documents write ("UBND quận Cầu Giấy" == "Q. Cầu Giấy" == "Cầu Giấy")."""
    folded = fold(text)
    while stripped := next((p for p in _UNIT_PREFIXES if folded.startswith(p)), None):
        folded = folded[len(stripped) :]
    return province_key(folded)


def without_years(text: str) -> str:
    """The header with any 4-digit year removed ("PCI 2016" -> "PCI ")."""
    return re.sub(r"(?<!\d)(19|20)\d\d(?!\d)", " ", str(text))


# The one rule for text people type (issue #23): an action's owner, text and note, a target's
# basis, an import's source, the --by of the command line. Checked when written, shown as
# plain text, guarded in CSV/XLSX (scores/export/tables.py).
LIMITS = {"owner": 200, "by": 200, "action": 2000, "note": 2000, "basis": 2000, "source": 2000}
# Fields written on several lines (a text area); the others are one line.
MULTILINE = frozenset({"action", "note", "basis"})
# Unicode's Bidi_Control characters: each can reorder what follows ("2026-12-31" shown as
# "13-21-6202"), so none is accepted; right-to-left letters themselves are.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f" + "".join(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))
)


def text_problem(value: str, field: str) -> tuple[str, dict] | None:
    """Why `value` may not be stored in `field` (a key of LIMITS), as (rule, details), rule one
    of too_long, control, bidi; None when it may."""
    limit = LIMITS[field]
    if len(value) > limit:
        return "too_long", {"limit": limit, "length": len(value)}
    allowed = "\n\t" if field in MULTILINE else ""
    for position, char in enumerate(value, start=1):
        if char in BIDI_CONTROLS:
            return "bidi", {"position": position, "code": f"U+{ord(char):04X}"}
        if unicodedata.category(char) == "Cc" and char not in allowed:
            return "control", {"position": position, "code": f"U+{ord(char):04X}"}
    return None


# A cell that is a figure as the pages print it: 92,57 · 1.234,5 · −0,19 · +1,14 · 86,50% ·
# 29/61 · ▲ 4 · "–" (none). A column of these is a column of numbers, read right-aligned.
_FIGURE = re.compile(r"^(?:[▲▼]\s*)?[+\-−]?\d[\d.,\u00a0]*(?:\s*%|/\d+)?$|^[–=]$")


def is_figure(text: str) -> bool:
    """Whether a table cell is a figure (or the dash of a missing one), as the pages print it."""
    return bool(_FIGURE.match(str(text).strip()))


def full_stop(text: str) -> str:
    """Typed text as a sentence of its own: a full stop added where it ends without one."""
    text = str(text or "").rstrip()
    return text + "." if text and text[-1] not in ".!?…" else text


def typed_in_sentence(text: str) -> str:
    """Typed text placed in a slide's sentence: each "*" followed by a word joiner (invisible),
    so that dropping the sentence's **emphasis** for the screen and the files leaves a typed
    "**" as written."""
    return str(text).replace("*", "*\u2060")


def literal(text: str) -> str:
    """Typed text for a Markdown element, shown as written: every character Markdown acts on
    escaped (no image fetched, no link, no emphasis), and a word joiner (invisible) after each
    ":" and "@" and inside "www." because Streamlit links bare addresses after escapes."""
    for char in "\\`*_{}[]<>()#+-.!|$~":  # ":" gets a word joiner below, enough
        text = text.replace(char, "\\" + char)
    text = text.replace("\n", "  \n")  # a typed line break stays a line break, nothing more
    return re.sub(r"(?<=[:@])|(?<=www)(?=\\\.)", "\u2060", text, flags=re.IGNORECASE)


class TextRefused(Refused):
    """Typed text that breaks the text rule: nothing was stored. A refusal like any other: its
    one problem is trust.text_<rule>, naming the field (i18n.describe words it)."""

    def __init__(self, field: str, rule: str, details: dict) -> None:
        problem = Problem(f"text_{rule}", detail={"field": field, **details}, section="trust")
        super().__init__([problem])
        self.field, self.rule, self.details = field, rule, details


def require_plain(value: str | None, field: str) -> None:
    """Refuse (TextRefused) text that breaks the rule: every writer calls this first."""
    problem = text_problem(value or "", field)
    if problem:
        raise TextRefused(field, *problem)

"""A whole briefing pack as a file: the slides of the kinds asked for, written as PPTX or PDF."""

from collections.abc import Callable
from datetime import date

from scores.export import pdf, powerpoint
from scores.export.images import image_server
from scores.export.slide_kinds import KINDS, pack
from scores.export.slides import Context, Slide
from scores.i18n import day, t

FORMATS: dict[str, Callable[[list[Slide], str, str], bytes]] = {
    "pptx": powerpoint.write,
    "pdf": pdf.write,
}
MIME = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
}


class UnknownSlides(ValueError):
    """Slide kinds asked for that do not exist."""


def slide_keys(asked: str | None) -> list[str]:
    """'scorecard,targets' as a list of known kinds (all of them, in order, when None or empty)."""
    keys = [key.strip() for key in (asked or "").split(",") if key.strip()]
    unknown = list(dict.fromkeys(key for key in keys if key not in KINDS))
    if unknown:
        raise UnknownSlides(", ".join(unknown))
    return list(dict.fromkeys(keys)) or list(KINDS)  # each kind once, as first asked


def made_on(lang: str) -> str:
    """The footer's 'prepared on' date."""
    return t("slides.made", lang, date=day(date.today(), lang))


def write(context: Context, keys: list[str], file_format: str) -> bytes:
    """The pack of `keys` for the context as .pptx or .pdf bytes (one kaleido server for all)."""
    with image_server():
        slides = pack(context, keys)
        return FORMATS[file_format](slides, made_on(context.lang), context.lang)

"""The written report (báo cáo) for the meeting file: the briefing pack's figures, tables, charts
and sentences as a .docx in the format of Decree 30/2020/NĐ-CP (no second narrative: every
sentence is a slide's)."""

from datetime import date

from babel.dates import format_date

from scores.analysis.actions import progress
from scores.export import docx_format as fmt
from scores.export.component_view import ComponentView, component_view
from scores.export.field_slides import WEAKEST
from scores.export.images import image_server, plain, png
from scores.export.slide_kinds import pack
from scores.export.slides import Context, Slide
from scores.i18n import day, number

KINDS = ("scorecard", "rankings", "targets", "weakest", "plan")
SECTIONS = ("standing", "targets", "weakest", "plan", "sources")
ROMAN = ("I", "II", "III", "IV", "V")
# CSS pixels of a chart across the 16 cm text width: the charts' 18-20 px type prints at ~9 pt.
IMAGE_PX = (1000, 600)
MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def write(context: Context, today: date | None = None) -> bytes:
    """The report of the context's unit and year as .docx bytes (one kaleido server for all)."""
    with image_server():
        slides = pack(context, list(KINDS))
        return fmt.saved(_document(context, slides, today or date.today()))


def _document(context: Context, slides: list[Slide], today: date) -> object:
    document = fmt.new_document()
    tr = context.tr
    body = (tr("report.above", name=_full_name(context).upper()), tr("report.body"))
    fmt.heading_block(
        document,
        (*body, tr("report.number")),
        (tr("report.motto"), tr("report.motto_2")),
        tr("report.place", place=_place(context), date=_date(today, context.lang)),
    )
    fmt.line(
        document, tr("report.kind"), fmt.BODY, bold=True, after=0
    ).paragraph_format.space_before = fmt.Pt(18)
    indices = ", ".join(context.index_name(code) for code in context.indices.index)
    title = tr("report.title", indices=indices, year=context.year, province=_full_name(context))
    fmt.line(document, title, fmt.BODY, bold=True, after=18)
    for number_, name in zip(ROMAN, SECTIONS, strict=True):
        fmt.section_title(document, f"{number_}. {tr(f'report.section_{name}').upper()}")
        SECTION_WRITERS[name](document, context, slides, today)
    _signature(document, context)
    return document


def _full_name(context: Context) -> str:
    """The unit's official name (Thành phố Hà Nội), from the province table."""
    found = context.load("provinces_by_unit")
    row = found[
        (found["province_code"] == context.unit.province_code)
        & (found["valid_from"] == context.unit.valid_from)
    ]
    return row["full_name_vi"].iloc[0] if context.lang == "vi" else context.unit.name_en


def _place(context: Context) -> str:
    return (
        context.unit.name_vi.replace("TP. ", "Thành phố ")
        if context.lang == "vi"
        else context.unit_name
    )


def _date(today: date, lang: str) -> str:
    return (
        fmt.written_date(today)
        if lang == "vi"
        else format_date(today, "d MMMM yyyy", locale="en_GB")
    )


def _standing(document: object, context: Context, slides: list[Slide], today: date) -> None:
    """Each index: year, score, rank of N, change, target status; the slides' sentences, charts."""
    rows = []
    scorecard = next(s for s in slides if s.key == "scorecard")
    for code, card in zip(context.indices.index, scorecard.cards, strict=True):
        found = context.standing(code)
        if found is None:
            rows.append([card.title, "–", "–", "–", "–", "–"])
            continue
        rank = "–" if found.rank is None else f"{int(found.rank)}/{found.rank_units or found.units}"
        # The card's change line is the one that opens with its glyph (▲ ▼ =).
        change = next((line for line in card.lines if line[:1] in "▲▼="), "–")
        rows.append([card.title, str(found.year), card.value, rank, change, card.target or "–"])
    header = [
        context.tr(f"report.col_{c}")
        for c in ("index", "year", "score", "rank", "change", "target")
    ]
    fmt.table(document, header, rows, first=0.16)
    for sentence in scorecard.notes:  # each index's sentence, the lineage, dropped peers
        fmt.body(document, plain(sentence))
    for number_, slide in enumerate((s for s in slides if s.key == "rankings"), start=1):
        _slide(document, number_, slide, slide.sentences[1:])  # the first one is said above


def _slide(
    document: object, number_: int, slide: Slide, sentences: list[str] | None = None
) -> None:
    """A slide as a numbered sub-section: its title, its sentences, its chart as the pack
    draws it."""
    fmt.section_title(document, f"{number_}. {slide.title}", italic=True)
    for sentence in slide.sentences if sentences is None else sentences:
        fmt.body(document, plain(sentence))
    for figure in slide.figures[:1]:
        fmt.picture(document, png(figure, IMAGE_PX))


def _targets(document: object, context: Context, slides: list[Slide], today: date) -> None:
    found = [s for s in slides if s.key == "targets"]
    if not found:
        fmt.body(document, context.tr("report.no_targets"))
    for number_, slide in enumerate(found, start=1):
        _slide(document, number_, slide)


def _weakest(document: object, context: Context, slides: list[Slide], today: date) -> None:
    """Per index with components: the weakest ones in a table, then the slide."""
    # The pack makes one weakest slide per index with components, in the indices' order.
    made = [s for s in slides if s.key == "weakest"]
    if not made:
        fmt.body(document, context.tr("report.no_components"))
    shown = 0
    for code in context.indices.index:
        view = component_view(context, code)
        if view is None or not view.headline or shown == len(made):
            continue
        shown += 1
        _slide(document, shown, made[shown - 1], made[shown - 1].notes)
        rows = _component_rows(view, context.lang)
        fmt.table(document, _component_header(context), rows, first=0.4)


def _component_header(context: Context) -> list[str]:
    return [context.tr(f"report.col_{c}") for c in ("component", "value", "median", "best", "rank")]


def _component_rows(view: ComponentView, lang: str) -> list[list[str]]:
    ranked = [row for row in view.rows if row.rank is not None][:WEAKEST]
    medians = dict(zip(view.table["indicator"], view.table["median"], strict=True))
    return [
        [
            row.name,
            number(row.value, lang),
            number(medians[row.indicator], lang),
            number(row.best, lang),
            row.place,
        ]
        for row in ranked
    ]


def _plan(document: object, context: Context, slides: list[Slide], today: date) -> None:
    """The remediation actions: the plan slide's summary, then one row per action."""
    found = progress(context.load, context.unit.province_code, today)
    plan = next((s for s in slides if s.key == "plan"), None)
    if plan is None or found.empty:
        fmt.body(document, context.tr("report.no_actions"))
        return
    fmt.body(document, plain(plan.sentences[0]))
    names = {code: context.index_name(code) for code in context.indices.index}
    rows = [
        [
            names.get(row.index_code, row.index_code),
            row.owner,
            row.action,
            day(row.due, context.lang),
            context.tr(f"action_status.{row.status}")
            + (f" · {context.tr('plan.overdue')}" if row.overdue else ""),
        ]
        for row in found.sort_values(["overdue", "due"], ascending=[False, True]).itertuples()
    ]
    header = [context.tr(f"report.col_{c}") for c in ("index", "owner", "action", "due", "status")]
    fmt.table(document, header, rows, first=0.14)


def _sources(document: object, context: Context, slides: list[Slide], today: date) -> None:
    """Every source line of the slides used, once each, as a leader reads them."""
    for source in dict.fromkeys(s.source for s in slides if s.source):
        fmt.body(document, f"- {source}")
    fmt.body(document, context.tr("report.made", date=day(today, context.lang)))


def _signature(document: object, context: Context) -> None:
    """Nơi nhận (left) and the signer's title (right), as Decree 30 closes a document."""
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    fmt.line(
        left, context.tr("report.recipients"), fmt.Pt(12), bold=True, italic=True, align=fmt.LEFT
    )
    fmt.line(left, context.tr("report.archive"), fmt.Pt(11), align=fmt.LEFT)
    fmt.line(right, context.tr("report.signer"), fmt.BODY, bold=True)
    fmt.line(right, context.tr("report.sign_here"), fmt.SMALL, italic=True)


SECTION_WRITERS = {
    "standing": _standing,
    "targets": _targets,
    "weakest": _weakest,
    "plan": _plan,
    "sources": _sources,
}

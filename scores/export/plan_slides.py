"""The plan slide kind: the remediation plan's progress (issue #13), continued over slides."""

from datetime import date

from scores.analysis.actions import progress
from scores.export.registry import kind
from scores.export.slides import Context, Slide
from scores.i18n import day, lang_column
from scores.store.actions import STATUSES
from scores.text import typed_in_sentence

PER_SLIDE = 5  # actions a slide holds above its footer at the room's type size


@kind("plan")
def plan(context: Context) -> list[Slide]:
    """Tiến độ khắc phục: the province's actions, overdue first, each with its progress note; a
    long plan continues on further slides (none where the province has no action)."""
    found = progress(context.load, context.unit.province_code, date.today())
    if found.empty:
        return []
    found = found.sort_values(["overdue", "due"], ascending=[False, True], kind="stable")
    counts = found["status"].value_counts()
    summary = context.tr(
        "slides.plan_summary",
        count=len(found),
        **{status: int(counts.get(status, 0)) for status in STATUSES},
        overdue=int(found["overdue"].sum()),
    )
    items = [_action_item(context, row) for row in found.itertuples()]
    title = context.tr("slides.plan", province=context.unit_name)
    source = context.tr("slides.plan_source", date=day(found["updated_at"].max(), context.lang))
    pages = [items[i : i + PER_SLIDE] for i in range(0, len(items), PER_SLIDE)]
    slides = []
    for number, page in enumerate(pages, start=1):
        named = (
            title
            if len(pages) == 1
            else context.tr("pack.plan_part", title=title, part=number, parts=len(pages))
        )
        lines = [summary, *page] if number == 1 else page
        slides.append(Slide("plan", named, [], lines, [summary, *page], source))
    return slides


def _action_item(context: Context, row: object) -> str:
    """One action as a line: index · indicator — agency: what (due; status, overdue); progress."""
    catalogue = context.load("indicators_by_index", index_code=row.index_code)
    names = dict(
        zip(catalogue["indicator"], catalogue[lang_column("name", context.lang)], strict=True)
    )
    status = context.tr(f"action_status.{row.status}")
    if row.overdue:
        status = f"⚠ {status} · {context.tr('plan.overdue')}"
    line = context.tr(
        "slides.plan_item",
        index=context.index_name(row.index_code),
        indicator=names.get(row.indicator, row.indicator),
        owner=typed_in_sentence(row.owner),
        action=typed_in_sentence(row.action),
        due=day(row.due, context.lang),
        status=status,
    )
    note = typed_in_sentence(str(row.note or "").strip())
    return line + (" " + context.tr("pack.plan_note", note=note) if note else "")

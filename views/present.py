"""Trình chiếu: the briefing pack as 16:9 slides, one at a time, keys and URL to move."""

from pathlib import Path

import streamlit as st

from scores.app import briefing, cache, state
from scores.catalog import unit_key
from scores.charts.base import STATUS_LOOK
from scores.export import images, report
from scores.export.briefing import MIME
from scores.export.slide_kinds import KINDS
from scores.export.slides import for_screen
from scores.text import literal

HERE = Path(__file__).resolve().parent.parent / "scores" / "app"
st.html(HERE / "present.css")
st.html(HERE / "present.js", unsafe_allow_javascript=True)
unit, lang = state.focus_unit(), state.lang()
FIGURE_HEIGHT = 640  # px: the chart fills the slide at 1920x1080 beside its sentences
MOST_KINDS = 50  # kinds read from ?slides= (a link of 2,000 repeats is cut, not parsed whole)


def chosen_kinds() -> list[str]:
    """The slide kinds and their order: ?slides=a,b (all kinds, in order, by default)."""
    if "slides" not in st.session_state:
        asked = st.query_params.get("slides", "")[: MOST_KINDS * 12]
        # Unknown and repeated kinds dropped: each kind once, in the order first asked.
        keys = dict.fromkeys(k for k in asked.split(",", MOST_KINDS)[:MOST_KINDS] if k in KINDS)
        st.session_state["slides"] = list(keys) or list(KINDS)
    return st.session_state["slides"]


def switch_language() -> None:
    st.session_state["lang"] = st.session_state["present_lang"]


def move(step: int) -> None:
    st.session_state["slide"] = st.session_state.get("slide", 1) + step


# The years the focus unit (or its predecessor) has figures for, newest first.
years = sorted(cache.history("headline_by_year", unit)["year"].unique().tolist(), reverse=True)
if not years:
    st.info(state.tr("overview.no_data"))
    st.stop()
with (
    st.container(key="slide_options"),
    st.popover(state.tr("present.options"), icon=":material/tune:"),
):
    year = state.pick(state.tr("rankings.year"), years, "year", years[0])
    chosen_kinds()
    st.multiselect(
        state.tr("present.slides"),
        list(KINDS),
        key="slides",
        format_func=lambda key: state.tr(f"slides.kind_{key}"),
    )
    st.segmented_control(
        state.tr("sidebar.language"),
        ["vi", "en"],
        default=lang,
        key="present_lang",
        on_change=switch_language,
        format_func=lambda code: {"vi": "Tiếng Việt", "en": "English"}[code],
    )
keys = tuple(st.session_state["slides"]) or tuple(KINDS)
st.query_params["slides"] = ",".join(keys)
slides = briefing.slides(unit_key(unit), year, lang, keys)
if not slides:
    st.info(state.tr("present.empty"))
    st.stop()
if "slide" not in st.session_state:
    asked = st.query_params.get("slide", "1")
    # ASCII digits only ("²".isdigit() is True and int("²") fails), at most 4 of them.
    wanted = asked.isascii() and asked.isdigit() and len(asked) <= 4
    st.session_state["slide"] = int(asked) if wanted else 1
number = min(max(st.session_state["slide"], 1), len(slides))
st.session_state["slide"] = number
st.query_params["slide"] = str(number)
slide = slides[number - 1]


def cards() -> None:
    for i, (column, card) in enumerate(zip(st.columns(len(slide.cards)), slide.cards, strict=True)):
        with column, st.container(border=True):
            st.container(key=f"card_title_{i}").markdown(card.title)
            st.container(key=f"card_value_{i}").markdown(card.value)
            st.markdown("  \n".join(card.lines))
            if card.target:
                colour = STATUS_LOOK[card.status][0]
                st.markdown(f":{colour}[**{card.target}**]")


with st.container(key="slide"):
    st.title(slide.title, anchor=False)
    if slide.figures:
        left, right = st.columns([2, 1], gap="large")
        figure = for_screen(slide.figures[0], FIGURE_HEIGHT)
        left.plotly_chart(figure, width="stretch", key="chart")
        right.container(key="slide_text").markdown(
            "\n".join(f"- {literal(images.plain(s))}" for s in slide.sentences)
        )
    elif slide.cards:
        cards()
    else:
        # Slide text is plain (it goes to PPTX too) and holds typed actions: shown as written,
        # its **emphasis** dropped first as in the files (escaped, it showed as "**1,50**").
        st.container(key="slide_text").markdown(
            "\n".join(f"- {literal(images.plain(s))}" for s in slide.sentences)
        )
    flag = f" · {slide.coverage}" if slide.coverage else ""
    st.container(key="slide_footer").markdown(
        state.tr("slides.source", source=literal(slide.source))
        + flag
        + f" · {number}/{len(slides)}"
    )

controls = st.container(key="slide_controls")
back, where, ahead = controls.columns([1, 2, 1])
back.button(
    state.tr("present.previous"),
    key="slide_previous",
    icon=":material/arrow_back:",
    disabled=number == 1,
    on_click=move,
    args=(-1,),
    width="stretch",
)
where.markdown(state.tr("present.where", number=number, count=len(slides)))
ahead.button(
    state.tr("present.next"),
    key="slide_next",
    icon=":material/arrow_forward:",
    disabled=number == len(slides),
    on_click=move,
    args=(1,),
    width="stretch",
)
controls.caption(state.tr("pack.present_hint"))
with controls.expander(state.tr("slides.notes")):
    st.markdown("\n".join(f"- {literal(images.plain(note))}" for note in slide.notes))
if images.has_browser():
    pptx, pdf = controls.columns(2)
    for column, file_format in ((pptx, "pptx"), (pdf, "pdf")):
        column.download_button(
            state.tr(f"present.download_{file_format}"),
            lambda f=file_format: briefing.file(unit_key(unit), year, lang, keys, f),
            f"briefing_{unit.province_code}_{year}_{lang}.{file_format}",
            MIME[file_format],
            key=f"download_{file_format}",
            on_click="ignore",
            icon=":material/download:",
        )
    st.download_button(
        state.tr("report.download"),
        lambda: briefing.report_file(unit_key(unit), year, lang),
        f"bao_cao_{unit.province_code}_{year}_{lang}.docx",
        report.MIME,
        key="download_docx",
        on_click="ignore",
        icon=":material/description:",
    )
else:
    controls.caption(state.tr("present.no_export"))

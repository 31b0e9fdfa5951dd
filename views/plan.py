"""Kế hoạch khắc phục: what it takes to reach a target, a what-if, and who does what about it."""

import pandas as pd
import streamlit as st

from scores.analysis import gap
from scores.app import action_forms, actions_panel, cache, owners_panel, state, widgets
from scores.formulas import TOLERANCE, Formula, mismatch, table_for
from scores.i18n import number

unit, lang = state.focus_unit(), state.lang()
names = state.index_names()
st.title(state.tr("plan.title", province=state.unit_name(unit)))
widgets.lineage_note(unit)


def fmt(value: float, digits: int = 2) -> str:
    return number(value, lang, digits)


def ranked(rank: int, units: int) -> str:
    return state.tr("plan.rank_of", rank=rank, units=units)


def default_target(index_code: str, rank: int) -> tuple[str, float]:
    """The province's own target on the index, else its rank target elsewhere, else one place up."""
    targets = cache.load("targets_by_index", province_code=unit.province_code)
    own = targets[targets["index_code"] == index_code]
    ranks = targets[targets["kind"] == "rank_at_most"]
    if len(own):
        kind = "rank" if own["kind"].iloc[0] == "rank_at_most" else "value"
        return kind, float(own["threshold"].iloc[0])
    return "rank", float(ranks["threshold"].iloc[0]) if len(ranks) else float(max(1, rank - 1))


def target(index_code: str, start: gap.Gap, scale: pd.Series) -> tuple[str, float]:
    """The target the leader sets: a rank (1..units) or a value on the total's scale."""
    kind0, threshold0 = default_target(index_code, start.rank)
    kinds = {k: state.tr(f"plan.kind_{k}") for k in ("rank", "value")}
    one, two = st.columns(2)
    kind = one.radio(
        state.tr("plan.target_kind"),
        list(kinds),
        list(kinds).index(kind0),
        format_func=kinds.get,
        horizontal=True,
        key=f"plan_kind_{index_code}",
    )
    if kind == "rank":
        first = int(min(threshold0, start.units)) if kind0 == "rank" else start.rank
        return kind, two.number_input(
            kinds[kind], 1, start.units, first, key=f"plan_rank_{index_code}"
        )
    low, high = float(scale["valid_min"]), float(scale["valid_max"])
    first = min(max(threshold0, low), high) if kind0 == "value" else round(start.total)
    return kind, two.number_input(
        kinds[kind], low, high, float(first), 0.5, key=f"plan_value_{index_code}"
    )


def gap_table(rows: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """The components with room and proposal, headers in the user's language."""
    columns = {
        "current": "plan.current",
        "frontier": "plan.frontier",
        "weight": "plan.weight",
        "room_points": "plan.room",
        "proposed_gain": "plan.gain",
        "proposed_points": "plan.points",
    }
    view = {state.tr("components.component"): rows["indicator"].map(lambda i: labels.get(i, i))}
    view |= {state.tr(key): rows[column].map(fmt) for column, key in columns.items()}
    return pd.DataFrame(view)


def show_gap(index_code: str, year: int, values: pd.DataFrame, rule: Formula, code: str) -> None:
    """The points needed, the proposal (figure, table, sentence) and the what-if."""
    catalogue = cache.load("indicators_by_index", index_code=index_code).set_index("indicator")
    start = gap.gap(values, rule, code, "value", 0)
    kind, threshold = target(index_code, start, catalogue.loc[rule.total])
    result = gap.gap(values, rule, code, kind, threshold)
    st.info(state.tr("plan.simulation", index=names[index_code], year=year))
    a, b, c = st.columns(3)
    a.metric(
        state.tr("plan.now"),
        fmt(result.total),
        ranked(result.rank, result.units),
        delta_color="off",
        delta_arrow="off",
    )
    b.metric(state.tr("plan.needed"), fmt(result.needed))
    c.metric(
        state.tr("plan.with_proposal"),
        fmt(result.result_total),
        ranked(result.result_rank, result.units),
        delta_color="off",
        delta_arrow="off",
    )
    other = result.passes and cache.provinces().by_code(result.passes, year)
    place = f"{state.unit_name(unit)} · {names[index_code]} {year}"
    st.markdown(
        gap.sentence(result, place, other and state.unit_name(other), kind, threshold, lang)
    )
    labels = state.indicator_labels(index_code)
    title = state.tr("plan.chart_title", index=names[index_code], year=year)
    figure = cache.figure("gap_bars", result.rows, labels, lang, title)
    st.plotly_chart(figure, width="stretch")
    release = cache.load("current_release_by_index_year", index_code=index_code, year=year)
    stem = f"{index_code}_{year}_plan"
    widgets.chart_png_button(figure, index_code, year, list(release["source"]), stem)
    table = gap_table(result.rows, labels)
    widgets.text_table(table)
    st.caption(state.tr("plan.table_note"))
    off = mismatch(values, rule)
    if off > TOLERANCE:
        st.caption(state.tr("plan.mismatch", index=names[index_code], year=year, points=fmt(off)))
    widgets.source_caption(index_code, year)
    what_if(index_code, year, values, rule, code, result, catalogue, labels)


def what_if(index_code, year, values, rule, code, result, catalogue, labels) -> None:
    """Number inputs bounded by each component's scale; the total and rank they would give."""
    st.subheader(state.tr("plan.what_if"))
    st.caption(state.tr("plan.what_if_note"))
    chosen = {}
    for column, row in zip(
        st.columns(4) * len(result.rows), result.rows.itertuples(), strict=False
    ):
        bounds, shown = catalogue.loc[row.indicator], round(float(row.current), 2)
        picked = column.number_input(
            labels.get(row.indicator, row.indicator),
            float(bounds["valid_min"]),
            float(bounds["valid_max"]),
            shown,
            0.1,
            key=f"whatif_{index_code}_{year}_{row.indicator}",
        )
        if abs(picked - shown) > 1e-9:  # an untouched input keeps the unrounded value
            chosen[row.indicator] = picked
    total, rank = gap.what_if(values, rule, code, chosen)
    a, b = st.columns(2)
    change = fmt(total - result.total) if chosen else None
    a.metric(state.tr("plan.what_if_total"), fmt(total), change)
    b.metric(state.tr("plan.what_if_rank"), ranked(rank, result.units))


st.header(state.tr("plan.gap_title"))
left, right = st.columns(2)
with left:
    index_code = state.pick(
        state.tr("rankings.index"), list(names), "index", state.plan_index(), names.get
    )
years = cache.simulable_years(index_code)
if not years:
    st.info(state.tr("plan.not_published", index=names[index_code]))
    st.page_link("views/data.py", label=state.tr("page.data"), icon=":material/database:")
else:
    with right:
        year = state.pick(state.tr("rankings.year"), years, "year", years[0])
    later = cache.load("indicators_by_year", index_code=index_code)["year"]
    later = sorted({int(y) for y in later if y > years[0]})
    if later:  # say why the latest years are not offered
        st.caption(state.tr("plan.later_years", years=", ".join(map(str, later))))
    values, rule = table_for(cache.load, index_code, year)
    try:
        show_gap(index_code, year, values, rule, state.code_in(year))
    except gap.NoComponents:
        st.info(state.tr("plan.no_focus", province=state.unit_name(unit), year=year))

st.header(state.tr("plan.actions_title"))
actions_panel.show(unit.province_code, names)
if unit.valid_to is None:
    # Open again after a save, so the confirmation shows.
    with st.expander(state.tr("plan.edit"), expanded="action_saved" in st.session_state):
        action_forms.show(unit.province_code, names)
# Last, so signing in (which adds the mapping's editor) moves nothing above the action form.
owners_panel.show_mapping(index_code, names)  # which departments answer for each component

"""Kế hoạch khắc phục: what it takes to reach a target, a what-if, and who does what about it."""

import pandas as pd
import streamlit as st

from scores.analysis import gap
from scores.app import actions_panel, cache, state, widgets
from scores.i18n import number

unit, lang = state.focus_unit(), state.lang()
names = state.index_names()
st.title(state.tr("plan.title", province=state.unit_name(unit)))
widgets.lineage_note(unit)


def simulable(index_code: str) -> list[int]:
    """The years whose total is a published function of published components, latest first."""
    years = sorted(
        int(y) for y in cache.load("indicators_by_year", index_code=index_code)["year"].unique()
    )
    return [y for y in reversed(years) if gap.table_for(cache.load, index_code, y)[1]]


def default_target(index_code: str, rank: int) -> tuple[str, float]:
    """The province's own target on the index, else its rank target elsewhere, else one place up."""
    targets = cache.load("targets_by_index", province_code=unit.province_code)
    own = targets[targets["index_code"] == index_code]
    ranked = targets[targets["kind"] == "rank_at_most"]
    if len(own):
        kind = "rank" if own["kind"].iloc[0] == "rank_at_most" else "value"
        return kind, float(own["threshold"].iloc[0])
    return "rank", float(ranked["threshold"].iloc[0]) if len(ranked) else float(max(1, rank - 1))


def fmt(value: float, digits: int = 2) -> str:
    return number(value, lang, digits)


st.header(state.tr("plan.gap_title"))
left, right = st.columns(2)
with left:
    index_code = state.pick(state.tr("rankings.index"), list(names), "index", "PCI", names.get)
years = simulable(index_code)
if not years:
    st.info(state.tr("plan.not_published", index=names[index_code]))
    st.page_link("views/data.py", label=state.tr("page.data"), icon=":material/database:")
else:
    with right:
        year = state.pick(state.tr("rankings.year"), years, "year", years[0])
    values, rule = gap.table_for(cache.load, index_code, year)
    code = state.code_in(year)
    try:
        start = gap.gap(values, rule, code, "value", 0)
    except gap.NoComponents:
        start = None
        st.info(state.tr("plan.no_focus", province=state.unit_name(unit), year=year))
if years and start is not None:
    kind0, threshold0 = default_target(index_code, start.rank)
    catalogue = cache.load("indicators_by_index", index_code=index_code).set_index("indicator")
    scale = catalogue.loc[rule.total]
    one, two = st.columns(2)
    kinds = ["rank", "value"]
    kind = one.radio(
        state.tr("plan.target_kind"),
        kinds,
        index=kinds.index(kind0),
        horizontal=True,
        format_func={k: state.tr(f"plan.kind_{k}") for k in kinds}.get,
        key=f"plan_kind_{index_code}",
    )
    if kind == "rank":
        threshold = two.number_input(
            state.tr("plan.kind_rank"),
            1,
            start.units,
            int(min(threshold0, start.units)),
            key=f"plan_rank_{index_code}",
        )
    else:
        threshold = two.number_input(
            state.tr("plan.kind_value"),
            float(scale["valid_min"]),
            float(scale["valid_max"]),
            float(min(max(threshold0, scale["valid_min"]), scale["valid_max"])),
            0.5,
            key=f"plan_value_{index_code}",
        )
    result = gap.gap(values, rule, code, kind, threshold)
    st.info(state.tr("plan.simulation", index=names[index_code], year=year))
    labels = state.indicator_labels(index_code)
    other = result.passes and cache.provinces().by_code(result.passes, year)
    place = f"{state.unit_name(unit)} · {names[index_code]} {year}"
    a, b, c = st.columns(3)
    a.metric(
        state.tr("plan.now"),
        fmt(result.total),
        state.tr("plan.rank_of", rank=result.rank, units=result.units),
        delta_color="off",
    )
    b.metric(state.tr("plan.needed"), fmt(result.needed))
    c.metric(
        state.tr("plan.with_proposal"),
        fmt(result.result_total),
        state.tr("plan.rank_of", rank=result.result_rank, units=result.units),
        delta_color="off",
    )
    st.markdown(
        gap.sentence(result, place, other and state.unit_name(other), kind, threshold, lang)
    )
    rows = result.rows
    view = pd.DataFrame(
        {
            state.tr("components.component"): rows["indicator"].map(lambda i: labels.get(i, i)),
            state.tr("plan.current"): rows["current"].map(fmt),
            state.tr("plan.frontier"): rows["frontier"].map(fmt),
            state.tr("plan.weight"): rows["weight"].map(lambda w: fmt(w)),
            state.tr("plan.room"): rows["room_points"].map(fmt),
            state.tr("plan.gain"): rows["proposed_gain"].map(fmt),
            state.tr("plan.points"): rows["proposed_points"].map(fmt),
        }
    )
    st.dataframe(view, hide_index=True, width="stretch")
    st.caption(state.tr("plan.table_note"))
    off = gap.mismatch(values, rule)
    if off > gap.TOLERANCE:
        st.caption(state.tr("plan.mismatch", index=names[index_code], year=year, points=fmt(off)))
    widgets.source_caption(index_code, year)

    st.subheader(state.tr("plan.what_if"))
    st.caption(state.tr("plan.what_if_note"))
    chosen = {}
    for column, row in zip(st.columns(4) * len(rows), rows.itertuples(), strict=False):
        bounds = catalogue.loc[row.indicator]
        shown = round(float(row.current), 2)
        picked = column.number_input(
            labels.get(row.indicator, row.indicator),
            float(bounds["valid_min"]),
            float(bounds["valid_max"]),
            shown,
            0.1,
            key=f"whatif_{index_code}_{year}_{row.indicator}",
        )
        if abs(picked - shown) > 1e-9:
            chosen[row.indicator] = picked
    total, rank = gap.what_if(values, rule, code, chosen)
    a, b = st.columns(2)
    a.metric(
        state.tr("plan.what_if_total"), fmt(total), fmt(total - result.total), delta_color="normal"
    )
    b.metric(
        state.tr("plan.what_if_rank"), state.tr("plan.rank_of", rank=rank, units=result.units), None
    )

st.header(state.tr("plan.actions_title"))
actions_panel.show(unit.province_code, names)
if unit.valid_to is None:
    with st.expander(state.tr("plan.edit")):
        actions_panel.editor(unit.province_code, names)

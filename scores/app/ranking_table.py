"""The Rankings page's table tab: each unit's rank now and in the previous release, after saying
what does not compare (a boundary change of the unit set, a method change since then)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from scores.analysis.standings import breaks_for, breaks_since, change_arrow, rank_changes
from scores.app import cache, state, widgets
from scores.i18n import in_lang, number

if TYPE_CHECKING:  # the view is the tabs' (ranking_tabs imports this module to draw the tab)
    from scores.app.ranking_tabs import RankingView


def notes_before_table(view: RankingView) -> pd.DataFrame:
    """Each shown unit's rank against the previous release, after saying what does not compare
    (a boundary change of the set, a method change since then)."""
    year, previous = view.year, view.previous
    earlier, before = year, view.frame.iloc[0:0]  # no earlier release: no previous ranks
    if previous:
        earlier = previous[0]
        before = cache.load(
            "scores_by_province", index_code=view.index_code, year=earlier, indicator=view.indicator
        )
    units = cache.provinces(view.unit_set)
    table = rank_changes(units, view.shown, before, year, earlier)
    if len(units.in_year(year)) != len(units.in_year(earlier)):
        said = {"previous": earlier, "year": year, "units": view.units}
        st.info(view.said("boundary", before=len(units.in_year(earlier)), **said))
    parents = view.of_year.loc[view.of_year["indicator"] == view.indicator, "parent"].dropna()
    all_breaks = breaks_for(
        cache.load("methodology_breaks_by_year", index_code=view.index_code),
        [view.indicator, *parents],
    )
    for note in breaks_since(all_breaks, year, previous[0] if previous else None).itertuples():
        st.info(
            state.tr("rankings.break", year=note.year, note=in_lang(note, "note", state.lang()))
        )
    return table


def _rank_text(rank: object) -> str:
    return "–" if pd.isna(rank) else str(rank)


def tabled(view: RankingView) -> None:
    """The ranking as a table, with each unit's previous rank, and its downloads."""
    table, lang = notes_before_table(view), state.lang()
    unit_column = state.tr("cityeng.table_province" if view.city else "table.province")
    previous = view.previous[0] if view.previous else "–"
    shown = pd.DataFrame(
        {
            state.tr("table.rank"): table["rank"].map(_rank_text),
            unit_column: table["name"],
            state.tr("table.value"): table["value"].map(lambda v: number(v, lang)),
            state.tr("table.previous_rank", year=previous): table["previous_rank"].map(_rank_text),
            state.tr("table.change"): table["change"].map(change_arrow),
            state.tr("table.rank_kind"): table["rank_kind"].map(
                lambda k: state.tr(f"rank_kind.{k}") if isinstance(k, str) else "–"
            ),
        }
    )
    st.dataframe(shown, hide_index=True, width="stretch", height=min(38 * (len(shown) + 1), 900))
    widgets.download_buttons(table.drop(columns=["rank_kind"]), view.stem)

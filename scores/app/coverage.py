"""The Data page's coverage and calendar: what the database holds against what each publisher
covers, each index's usual release months, and whether the latest expected release is in."""

from datetime import date

import pandas as pd
import streamlit as st
from babel.dates import get_month_names

from scores.analysis import coverage
from scores.app import cache, state
from scores.i18n import babel_locale, lang_column

GLYPH = {"complete": "✓", "partial": "⚠", "missing": "✗"}  # never colour alone


def months(first: int, last: int) -> str:
    """'tháng 3–5' / 'March–May' in the chosen language."""
    names = get_month_names("wide", locale=babel_locale(state.lang()))
    if state.lang() == "vi":
        return f"tháng {first}" + (f"–{last}" if last != first else "")
    return names[first] + (f"–{names[last]}" if last != first else "")


def tables(today: date) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The calendar and the coverage rows (with status), as of today."""
    calendar = cache.load("release_calendar_by_index")
    last = max(
        coverage.last_year(calendar, today),
        int(cache.load("latest_year_with_release")["year"].iloc[0]),
    )
    rows = coverage.with_status(cache.load("coverage_by_index_year", last_year=last))
    return coverage.calendar_status(calendar, rows, today), rows


def show(today: date | None = None) -> None:
    """The calendar table, then the coverage grid (index by year, 'held/covered')."""
    names = state.index_names()
    calendar, rows = tables(today or date.today())
    st.subheader(state.tr("holdings.calendar"))
    said = pd.DataFrame(
        {
            state.tr("holdings.index"): calendar["index_code"].map(names),
            state.tr("holdings.usual"): [
                months(a, b)
                for a, b in zip(calendar["month_from"], calendar["month_to"], strict=True)
            ],
            state.tr("holdings.expected"): [
                f"{GLYPH[r.status]} {r.expected_year}: "
                + state.tr(f"holdings.held_{r.status}", held=r.held, units=r.publisher_units)
                for r in calendar.itertuples()
            ],
            state.tr("holdings.next"): [
                state.tr(
                    "holdings.next_text",
                    year=r.next_year,
                    months=months(r.month_from, r.month_to),
                    out=r.next_out,
                )
                for r in calendar.itertuples()
            ],
        }
    )
    st.dataframe(said, hide_index=True, width="stretch", key="calendar_table")
    st.subheader(state.tr("holdings.title"))
    st.caption(state.tr("holdings.caption"))
    grid = rows.assign(
        cell=[
            f"{GLYPH[s]} {h}/{u}"
            for s, h, u in zip(rows["status"], rows["held"], rows["publisher_units"], strict=True)
        ]
    )
    grid = grid.pivot(index="index_code", columns="year", values="cell").fillna("")
    grid.index = [names[code] for code in grid.index]
    grid = grid[sorted(grid.columns, reverse=True)]  # newest first: seen without scrolling
    grid.columns = [str(year) for year in grid.columns]
    st.dataframe(grid, width="stretch", key="coverage_table")
    column = lang_column("source", state.lang())
    with st.popover(state.tr("source.details"), type="tertiary", icon=":material/info:"):
        for name in ("publisher_coverage_by_index", "release_calendar_by_index"):
            for text in cache.load(name)[column]:
                st.markdown(f"- {text}")

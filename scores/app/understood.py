"""What the Data page understood of a file, said in the words of its units: the layout,
encoding and separator, each column's role, each name's match and the counts (Streamlit)."""

import pandas as pd
import streamlit as st

from scores.app import cache, state
from scores.i18n import number
from scores.ingest.delimited import SEPARATORS
from scores.ingest.importer import Prepared
from scores.ingest.interpret import Column


def show(prepared: Prepared, labels: dict[str, str]) -> None:
    """Layout, encoding, separator; each column's role; each province name's match; counts."""
    raw, shape = prepared.raw, prepared.layout.layout
    # A wide table has a row per unit: per province, or per department or district of the city.
    if shape == "wide":
        layout = unit_sentence(prepared.index_code, "layout.wide")
    else:
        layout = state.tr(f"layout.{shape}")
    how = state.tr(
        "upload.how",
        layout=layout,
        kind=raw.kind.upper(),
        encoding=raw.encoding or "–",
        separator=state.tr(f"separator.{SEPARATORS.get(raw.separator, 'none')}"),
        row=prepared.layout.header_row + 1,
    )
    st.markdown(how)
    columns = pd.DataFrame(
        [_column_row(column, labels, prepared.index_code) for column in prepared.layout.columns],
        columns=[state.tr("upload.column"), state.tr("upload.meaning")],
    )
    st.dataframe(columns, hide_index=True, width="stretch")
    values = prepared.parsed.values
    st.markdown(
        unit_sentence(
            prepared.index_code,
            "upload.counts",
            values=whole(values["value"].notna().sum()),
            missing=whole(prepared.parsed.missing),
            provinces=values["province_code"].nunique(),
            coverage=state.tr(f"coverage.{prepared.coverage}"),
        )
    )
    matches = pd.DataFrame(
        [
            (name, unit.name_vi, unit.province_code)
            for name, unit in prepared.parsed.matches.items()
            if name != unit.name_vi
        ],
        columns=[
            state.tr("upload.as_written"),
            unit_sentence(prepared.index_code, "upload.matched"),
            unit_sentence(prepared.index_code, "upload.code")
            if city(prepared.index_code)
            else "GSO",
        ],
    )
    if len(matches):
        st.caption(unit_sentence(prepared.index_code, "upload.matches"))
        st.dataframe(matches, hide_index=True, width="stretch")


def _column_row(column: Column, labels: dict[str, str], index_code: str) -> tuple[str, str]:
    if column.role in ("value", "rank") and column.indicator:
        meaning = state.tr(
            f"role.{column.role}", indicator=labels.get(column.indicator, column.indicator)
        )
    elif column.role == "rank":
        meaning = state.tr("role.rank_headline")
    elif column.role == "skipped":
        meaning = state.tr("role.skipped", why=state.tr(f"skip_reason.{column.note}"))
    elif column.role == "province":
        meaning = unit_sentence(index_code, "role.province")
    else:
        meaning = state.tr(f"role.{column.role}")
    return column.header, meaning


def unit_sentence(index_code: str, key: str, **values: object) -> str:
    """A sentence of this page about units: a city index's own wording (its departments or
    districts, not provinces) from the [cityeng] section, else the page's usual one."""
    if not city(index_code):
        return state.tr(key, **values)
    return state.tr("cityeng." + key.replace(".", "_"), **values)


def city(index_code: str) -> bool:
    """Whether the index is measured on one of the city's unit sets (not the provinces)."""
    return cache.unit_set(index_code) != "province"


def whole(count: int) -> str:
    """A count in the chosen language's format (vi: 1.386)."""
    return number(count, state.lang(), 0)

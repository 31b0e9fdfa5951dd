"""The answers a person gave on the Data page, kept in session state under "<kind>::<rest>"
keys (a column's meaning, a province's match, a cell's typed value): parsed here, once."""

import streamlit as st

SEPARATOR = "::"


def key(kind: str, *parts: object) -> str:
    """The session key of one answer: key("fix", 14, 12) -> "fix::14::12"."""
    return SEPARATOR.join([kind, *map(str, parts)])


def answers(kind: str) -> dict[str, object]:
    """Every answer of one kind by the rest of its key (a header, a name as written, a cell),
    empty ones included: a box drawn but not answered yet."""
    start = kind + SEPARATOR
    return {
        name[len(start) :]: value
        for name, value in st.session_state.items()
        if isinstance(name, str) and name.startswith(start)
    }


def cell(rest: str) -> tuple[int, int]:
    """A cell's row and column position from the rest of its key ("14::12" -> (14, 12))."""
    row, position = rest.split(SEPARATOR)
    return int(row), int(position)

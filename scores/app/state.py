"""What a session has chosen: language, scope, focus province, and picks that live in the URL."""

from collections.abc import Callable
from typing import Any

import streamlit as st

from scores.app import cache
from scores.catalog import Unit, unit_key
from scores.i18n import LANGS, in_lang, lang_column, t

DEFAULT_PROVINCE = "01"
# "national": Vietnam's provinces; "city": Hà Nội's own units (its departments, its districts).
SCOPES = ("national", "city")


def lang() -> str:
    """The chosen language: session state, else ?lang=, else Vietnamese."""
    if "lang" not in st.session_state:
        asked = st.query_params.get("lang", "vi")
        st.session_state["lang"] = asked if asked in LANGS else "vi"
    return st.session_state["lang"]


def scope() -> str:
    """The chosen scope: session state, else ?scope=, else national (an unknown value too)."""
    if st.session_state.get("scope") not in SCOPES:
        asked = st.query_params.get("scope", SCOPES[0])
        st.session_state["scope"] = asked if asked in SCOPES else SCOPES[0]
    return st.session_state["scope"]


def city_scope() -> bool:
    """Whether the leader looks at the city's own units rather than the provinces."""
    return scope() == "city"


def scope_index_names() -> dict[str, str]:
    """index_code -> short name of the indices of the chosen scope: the catalogue's unit_set
    says which are the city's (indices.csv), so a new city index is offered with no code."""
    frame = cache.load("indices_in_scope", city=city_scope())
    column = lang_column("short", lang())
    return dict(zip(frame["index_code"], frame[column], strict=True))


def tr(key: str, **values: object) -> str:
    """t() in the chosen language."""
    return t(key, lang(), **values)


def focus_units() -> list[Unit]:
    """The units a leader can focus on: today's first, then every unit that no longer exists."""
    provinces = cache.provinces()
    return provinces.today() + provinces.ended()


def focus_unit() -> Unit:
    """The focus province: session state, else ?province= (a unit key), else Hà Nội."""
    keys = {unit_key(unit): unit for unit in focus_units()}
    if st.session_state.get("province") not in keys:
        asked = st.query_params.get("province", DEFAULT_PROVINCE)
        # A link from before the lineage (?province=06) means the unit that held the code last.
        older = [key for key in keys if key.startswith(f"{asked}-")]
        asked = asked if asked in keys else (older[-1] if older else DEFAULT_PROVINCE)
        st.session_state["province"] = asked
    return keys[st.session_state["province"]]


def code_in(year: int) -> str | None:
    """The focus province's code in a year: its main line's unit of that year, if it existed."""
    unit = cache.provinces().along(focus_unit(), year)
    return unit.province_code if unit else None


def picker_label(unit: Unit) -> str:
    """A unit as the province picker shows it; ended units grouped under "before 1/7/2025"."""
    if unit.valid_to is None:
        return unit_name(unit)
    years = f"{unit.valid_from}–{unit.valid_to}"
    return tr("sidebar.ended_unit", name=unit_name(unit), years=years)


def unit_name(unit: Unit) -> str:
    """A unit's name in the chosen language."""
    return in_lang(unit, "name", lang())


def pick(
    label: str,
    options: list,
    key: str,
    default: Any = None,
    format_func: Callable[[Any], str] = str,
    widget: Callable | None = None,
) -> Any:
    """A select box whose choice lives in session state and in the URL (?key=value).

    The choice is also kept outside the widget's state, which Streamlit drops on a page that
    does not draw the widget: the index chosen on Rankings is still chosen on Sub-indicators.
    """
    texts = [str(option) for option in options]
    kept = st.session_state.get(f"kept::{key}")
    if st.session_state.get(key) not in options:
        asked = st.query_params.get(key)
        chosen = options[texts.index(asked)] if asked in texts else kept
        chosen = chosen if chosen in options else default
        st.session_state[key] = chosen if chosen in options else options[0]
    value = (widget or st.selectbox)(label, options, key=key, format_func=format_func)
    st.session_state[f"kept::{key}"] = value
    st.query_params[key] = str(value)
    return value


def index_names(query: str = "indices_by_code") -> dict[str, str]:
    """index_code -> short name in the chosen language; query: the list to name (the Data
    page's every_index_by_code adds the city's own indices)."""
    frame = cache.load(query)
    column = lang_column("short", lang())
    return dict(zip(frame["index_code"], frame[column], strict=True))


def index_names_every_language(query: str = "indices_by_code") -> dict[str, list[str]]:
    """index_code -> its short names in every language, for matching a file's title, which is in
    the publisher's language whatever the page's."""
    frame = cache.load(query)
    columns = [lang_column("short", each) for each in LANGS]
    return {row["index_code"]: [row[c] for c in columns] for row in frame.to_dict("records")}


def plan_index() -> str:
    """The index the plan opens on: the one data/index_rules.csv flags, else the first."""
    frame = cache.load("indices_by_code")
    flagged = frame.loc[frame["plan_default"].astype(bool), "index_code"]
    return str((flagged if not flagged.empty else frame["index_code"]).iloc[0])


def indicator_name(row: Any) -> str:
    """An indicator's name in the chosen language (row has name_vi and name_en)."""
    return in_lang(row, "name", lang())


def indicator_labels(index_code: str) -> dict[str, str]:
    """Indicator code -> name in the chosen language, for one index's catalogue."""
    catalogue = cache.load("indicators_by_index", index_code=index_code)
    column = lang_column("name", lang())
    return dict(zip(catalogue["indicator"], catalogue[column], strict=True))

"""Who answers for what: the city's units as agencies in charge of actions, and the departments
responsible for each national component (kept by administrators, every change a new row)."""

import difflib
from datetime import datetime

import duckdb
import pandas as pd

from scores import db
from scores.catalog import ProvinceNotFound, Provinces, Unit
from scores.errors import Problem, Refused
from scores.roles import Actor, require
from scores.store import audit
from scores.store.releases import WRITE_LOCK

# The sets an agency in charge comes from, departments first (a component is owned by these).
OWNER_SETS = ("hn_department", "hn_local")
DEPARTMENTS = "hn_department"


def owner_units(con: duckdb.DuckDBPyConnection, year: int) -> list[Unit]:
    """The units that may be in charge of an action in a year: departments, then districts
    (to 2024) or communes and wards (from 2025, once data/city_units.csv holds them)."""
    return [unit for name in OWNER_SETS for unit in Provinces(con, name).in_year(year)]


def _refusal(con: duckdb.DuckDBPyConnection, field: str, given: str, year: int) -> Refused:
    """The one refusal for an unknown unit: the field, the value, the nearest units."""
    units = owner_units(con, year)
    codes = difflib.get_close_matches(given.upper(), [u.province_code for u in units], 3, 0.6)
    names = [n for name in OWNER_SETS for n in Provinces(con, name).suggest(given, year)]
    by_code = {u.province_code: u.name_vi for u in units}
    by_name = {u.name_vi: u.province_code for u in units}
    found = [f"{by_code[c]} ({c})" for c in codes] + [f"{n} ({by_name[n]})" for n in names]
    shown = ", ".join(dict.fromkeys(found)) or ", ".join(u.name_vi for u in units[:3])
    problem = Problem(
        "owner_code", value=given, detail={"field": field, "suggestions": shown}, section="owners"
    )
    return Refused([problem])


def owner_unit(
    con: duckdb.DuckDBPyConnection, given: str, year: int, field: str = "owner_code"
) -> Unit:
    """The unit a code ("HN-D-NV") or any spelling of a name ("Sở NV", "Q. Cầu Giấy") means in
    a year; Refused naming the field, with the nearest units, when none does."""
    for name in OWNER_SETS:
        found = Provinces(con, name).by_code(str(given).strip(), year)
        if found:
            return found
    for name in OWNER_SETS:
        try:
            return Provinces(con, name).resolve(str(given), year)
        except ProvinceNotFound:
            continue
    raise _refusal(con, field, str(given), year)


def map_free_text(con: duckdb.DuckDBPyConnection) -> int:
    """Give the actions whose owner is free text the unit that text names, where it names one
    (an upgrade of a database made before owner_code); others keep their text. Returns how many
    (owner, year) pairs were matched."""
    matched = 0
    for row in db.query(con, "owner_codes_by_owner").itertuples(index=False):
        try:
            unit = owner_unit(con, row.owner, int(row.year))
        except Refused:
            continue
        params = {"owner": row.owner, "year": int(row.year), "owner_code": unit.province_code}
        con.execute(db.sql("set_owner_code_by_owner"), params)
        matched += 1
    return matched


def _changes(con: duckdb.DuckDBPyConnection, index_code: str | None) -> pd.DataFrame:
    return db.query(con, "component_owners_by_change", index_code=index_code)


def _replay(rows: pd.DataFrame) -> tuple[dict[tuple[str, str], set[str]], list[dict]]:
    """The current departments of each component and each change's line (who, when, from, to)."""
    held: dict[tuple[str, str], set[str]] = {}
    lines = []
    for (change_id, index_code, indicator), part in rows.groupby(
        ["change_id", "index_code", "indicator"], sort=True
    ):
        before = set(held.get((index_code, indicator), set()))
        after = (before - set(part.loc[part["removed"], "owner_code"])) | set(
            part.loc[~part["removed"], "owner_code"]
        )
        held[(index_code, indicator)] = after
        first = part.iloc[0]
        lines.append(
            {
                "change_id": int(change_id),
                "index_code": index_code,
                "indicator": indicator,
                "changed_at": first["changed_at"],
                "changed_by": first["changed_by"],
                "before": sorted(before),
                "after": sorted(after),
            }
        )
    return held, lines


def owners(con: duckdb.DuckDBPyConnection, index_code: str | None = None) -> pd.DataFrame:
    """The current mapping: one row per component (index_code, indicator) and department."""
    return current_from(_changes(con, index_code))


def current_from(rows: pd.DataFrame) -> pd.DataFrame:
    """owners() from the rows of component_owners_by_change (a page's cached query)."""
    held, _ = _replay(rows)
    found = [(i, c, code) for (i, c), codes in held.items() for code in sorted(codes)]
    return pd.DataFrame(found, columns=["index_code", "indicator", "owner_code"])


def owner_history(con: duckdb.DuckDBPyConnection, index_code: str | None = None) -> pd.DataFrame:
    """Every change of the mapping, newest first: who, when, component, from, to (code lists)."""
    return history_from(_changes(con, index_code))


def history_from(rows: pd.DataFrame) -> pd.DataFrame:
    """owner_history() from the rows of component_owners_by_change."""
    _, lines = _replay(rows)
    columns = ["change_id", "index_code", "indicator", "changed_at", "changed_by"]
    columns += ["before", "after"]
    return pd.DataFrame(lines[::-1], columns=columns)


def set_owners(
    con: duckdb.DuckDBPyConnection,
    index_code: str,
    indicator: str,
    owner_codes: list[str],
    actor: Actor,
) -> int:
    """Make these departments the ones responsible for a component (administrators only).

    Returns the change's id (0 when nothing changed). Raises NotAllowed below admin, Refused for
    an unknown component or department (nothing is stored then); the audit log says who
    changed what from what.
    """
    require(actor, "admin")
    year = datetime.now().year
    known = db.query(
        con, "known_codes_by_action", index_code=index_code, indicator=indicator, province_code=""
    ).iloc[0]
    if not known["indicator_known"]:
        problem = Problem("no_component", value=f"{index_code} · {indicator}", section="owners")
        raise Refused([problem])
    departments = Provinces(con, DEPARTMENTS)
    wanted = set()
    for code in owner_codes:
        if departments.by_code(code, year) is None:
            raise _refusal(con, "owner_codes", code, year)
        wanted.add(code)
    with WRITE_LOCK:
        held, _ = _replay(_changes(con, index_code))
        before = held.get((index_code, indicator), set())
        if wanted == before:
            return 0
        change_id = int(con.execute(db.sql("next_owner_change_id")).fetchone()[0])
        rows = [(code, False) for code in sorted(wanted - before)]
        rows += [(code, True) for code in sorted(before - wanted)]
        now = datetime.now()
        with db.transaction(con):
            for code, removed in rows:
                values = {"change_id": change_id, "index_code": index_code, "indicator": indicator}
                values |= {"owner_code": code, "removed": removed}
                con.execute(
                    db.sql("insert_component_owner"),
                    values | {"changed_at": now, "changed_by": actor.name},
                )
            audit.record(
                con,
                actor,
                "owners_changed",
                index_code,
                None,
                before={"indicator": indicator, "owners": sorted(before)},
                after={"indicator": indicator, "owners": sorted(wanted), "change_id": change_id},
            )
    return change_id

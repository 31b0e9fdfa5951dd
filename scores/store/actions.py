"""Remediation actions: checked, then stored; every change is a new version, none overwritten."""

from dataclasses import asdict, dataclass, replace
from datetime import date, datetime

import duckdb
import pandas as pd

from scores import db
from scores.errors import Problem, Refused
from scores.ingest.bounds import FIRST_YEAR, LAST_YEAR, calendar_day
from scores.roles import Actor, require
from scores.store import audit, owners
from scores.store.releases import WRITE_LOCK
from scores.text import require_plain

STATUSES = ("planned", "in_progress", "done", "paused")


@dataclass(frozen=True)
class Action:
    """One version of an action on one indicator of one index for one province."""

    province_code: str
    index_code: str
    indicator: str
    owner: str
    action: str
    due: date | str
    status: str = "planned"
    note: str = ""
    # The agency in charge as one of the city's units (store.owners); None: `owner` is free
    # text naming none. Given a code, `owner` becomes that unit's Vietnamese name.
    owner_code: str | None = None


def due_date(text: date | str) -> date | None:
    """The due date from an ISO date (YYYY-MM-DD, 2000 to 2100); None when it is not one."""
    if isinstance(text, datetime):
        text = text.date()
    if isinstance(text, date):
        return text if FIRST_YEAR <= text.year <= LAST_YEAR else None
    return calendar_day(str(text))


def _problem(rule: str, value: object = None, **detail: object) -> Problem:
    """A broken rule of an action form; its sentence is action_problem.<rule>."""
    shown = None if value is None else str(value)
    return Problem(rule, value=shown, detail=detail, section="action_problem")


def problems(con: duckdb.DuckDBPyConnection, action: Action) -> list[Problem]:
    """Every reason to refuse an action, at once; [] when it is sound."""
    known = db.query(
        con,
        "known_codes_by_action",
        index_code=action.index_code,
        indicator=action.indicator,
        province_code=action.province_code,
    ).iloc[0]
    found = [_problem("province", action.province_code)] if not known["province_known"] else []
    if not known["index_known"]:
        found.append(_problem("index", action.index_code))
    elif not known["indicator_known"]:
        found.append(_problem("indicator", action.indicator, index=action.index_code))
    if due_date(action.due) is None:
        found.append(_problem("due", action.due))
    if action.status not in STATUSES:
        found.append(_problem("status", action.status, allowed=", ".join(STATUSES)))
    typed = ("action",) if action.owner_code else ("owner", "action")
    found += [_problem(field) for field in typed if not str(getattr(action, field)).strip()]
    return found


def _store(
    con: duckdb.DuckDBPyConnection,
    action: Action,
    action_id: int,
    version: int,
    actor: Actor,
    before: Action | None = None,
) -> None:
    """Check the actor's role and the action, then append the version and its audit line in
    one transaction (all or nothing)."""
    require(actor, "editor")
    for name in ("owner", "action", "note"):
        require_plain(getattr(action, name), name)
    found = problems(con, action)
    if found:
        raise Refused(found)
    action = _owned(con, action)
    values = asdict(action) | {"due": due_date(action.due), "note": action.note or None}
    values |= {
        "action_id": action_id,
        "version": version,
        "updated_by": actor.name,
        "updated_at": datetime.now(),
    }
    shown = {"action_id": action_id, "version": version, "title": action.action}
    with db.transaction(con):
        con.execute(db.sql("insert_action"), values)
        audit.record(
            con,
            actor,
            "action_changed",
            action.index_code,
            None,
            before=before and _audited(before),
            after=_audited(action) | shown,
        )


def _owned(con: duckdb.DuckDBPyConnection, action: Action) -> Action:
    """The action with its agency in charge as a unit of the city valid in the due date's year:
    a code is checked (Refused naming owner_code, with suggestions, when unknown) and its name
    written as owner; a typed owner naming a unit gets its code (the text kept as typed), any
    other keeps its text alone."""
    year = due_date(action.due).year
    named = _named(con, action.owner, year)
    if action.owner_code:
        unit = owners.owner_unit(con, action.owner_code, year)
        owner = action.owner if named == unit else unit.name_vi  # "Sở KH&CN" stays as typed
        return replace(action, owner_code=unit.province_code, owner=owner)
    return replace(action, owner_code=named.province_code) if named else action


def _named(con: duckdb.DuckDBPyConnection, owner: str, year: int) -> owners.Unit | None:
    """The city unit a typed owner names in the year, if any."""
    try:
        return owners.owner_unit(con, owner, year, "owner") if owner.strip() else None
    except Refused:
        return None


def _audited(action: Action) -> dict:
    """An action version as the audit log keeps it (dates as text)."""
    return asdict(action) | {"due": str(due_date(action.due) or action.due)}


def add(con: duckdb.DuckDBPyConnection, action: Action, actor: Actor) -> int:
    """Store a new action (version 1); returns its id. Raises Refused, TextRefused (the text
    rule), or NotAllowed below editor, storing nothing."""
    with WRITE_LOCK:
        action_id = int(con.execute(db.sql("next_action_id")).fetchone()[0])
        _store(con, action, action_id, 1, actor)
    return action_id


def change(con: duckdb.DuckDBPyConnection, action_id: int, actor: Actor, **changes: object) -> int:
    """Store a new version with the changes (status, note, due, owner, owner_code, action);
    returns it.

    Raises LookupError for an unknown id, Refused for a bad value and NotAllowed below
    editor, storing nothing.
    """
    with WRITE_LOCK:
        versions = history(con, action_id)
        if versions.empty:
            raise LookupError(action_id)
        last = versions.iloc[-1]
        fields = {name: last[name] for name in Action.__dataclass_fields__}
        fields |= {k: None if pd.isna(last[k]) else last[k] for k in ("owner_code",)}
        latest = Action(**fields | {"note": last["note"] if pd.notna(last["note"]) else ""})
        changes = {k: v for k, v in changes.items() if v is not None}
        if "owner" in changes and "owner_code" not in changes:
            changes["owner_code"] = None  # a new typed owner: its code is looked up anew
        if "owner_code" in changes and "owner" not in changes:
            changes["owner"] = latest.owner  # replaced by the unit's name once checked
        updated = replace(latest, **changes)
        version = int(last["version"]) + 1
        _store(con, updated, action_id, version, actor, before=latest)
    return version


def history(con: duckdb.DuckDBPyConnection, action_id: int) -> pd.DataFrame:
    """Every version of one action, oldest first."""
    return db.query(con, "action_versions_by_version", action_id=action_id)

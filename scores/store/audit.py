"""The audit trail: every change, who made it and when, before and after (append-only)."""

import json
from datetime import datetime
from pathlib import Path

import duckdb

from scores import db
from scores.roles import Actor

# What the trail records; the Data page has a sentence for each (audit.* in the locales).
ACTIONS = (
    "release_imported",
    "restored",
    "target_edited",
    "action_changed",
    "roles_loaded",
    "sign_in_failed",
    "sign_in_refused",
    "rebuilt",
    "seed_refreshed",
    "cell_corrected",  # a cell OCR was unsure of, typed by a person (issue 20)
    "owners_changed",  # the departments responsible for a national component (issue 21)
)


IDENTITY = "signed_in_with"  # the key of `after` holding issuer and sub


def record(
    con: duckdb.DuckDBPyConnection,
    actor: Actor,
    action: str,
    index_code: str | None = None,
    year: int | None = None,
    before: dict | None = None,
    after: dict | None = None,
) -> None:
    """Append one line to the audit log. The only write to it: nothing updates or deletes it."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    con.execute(
        db.sql("insert_audit_log"),
        {
            "changed_at": datetime.now(),
            "who": actor.name,
            "role": actor.role,
            "action": action,
            "index_code": index_code,
            "year": year,
            "before": _json(before),
            "after": _json(_with_identity(actor, after)),
        },
    )


def carry_over(
    con: duckdb.DuckDBPyConnection, old: Path, actor: Actor, backup: Path | None = None
) -> None:
    """A rebuilt database keeps the trail of the one it replaces, and says it was rebuilt and
    where the copy of the old one is (backup)."""
    if old.exists():
        with duckdb.connect(str(old), read_only=True) as previous:
            tables = previous.execute(db.sql("table_names")).fetchall()
            rows = (
                previous.execute(db.sql("audit_log_by_time")).df()
                if ("audit_log",) in tables
                else None
            )
        if rows is not None and len(rows):
            con.register("carried_audit_log", rows)
            try:
                con.execute(db.sql("insert_audit_log_from_frame"))
            finally:
                con.unregister("carried_audit_log")
    record(con, actor, "rebuilt", after={"backup": backup.name} if backup else None)


def _with_identity(actor: Actor, after: dict | None) -> dict | None:
    """`after` with the identity provider's issuer and subject of the actor, where there is
    one: an e-mail alone would let two subjects (of two providers) read as one person. Kept in
    the JSON rather than new columns, so the trail's table is never altered."""
    if actor.issuer is None and actor.subject is None:
        return after
    return {**(after or {}), IDENTITY: {"issuer": actor.issuer, "sub": actor.subject}}


def _json(value: dict | None) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)

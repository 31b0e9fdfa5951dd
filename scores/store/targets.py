"""Targets: checking and saving an administrator's edit (stored in the database)."""

from dataclasses import asdict, dataclass
from datetime import datetime

import duckdb

from scores import db
from scores.catalog import Provinces
from scores.errors import Problem, Refused
from scores.indicators import Indicators
from scores.roles import Actor, require
from scores.store import audit
from scores.store.releases import WRITE_LOCK
from scores.text import require_plain

KINDS = ("rank_at_most", "value_at_least")


@dataclass(frozen=True)
class Target:
    """One target of one province on one indicator."""

    target_id: int | None
    province_code: str
    index_code: str
    indicator: str
    kind: str
    threshold: float
    first_year: int
    last_year: int | None
    basis: str


def from_form(
    target_id: int | None,
    province_code: str,
    index_code: str,
    kind: str,
    threshold: float,
    first_year: int,
    basis: str,
    current_indicator: str | None,
    headline: str,
) -> Target:
    """The target an edit form describes: an existing target keeps its indicator while its index
    is unchanged; a new one (or one moved to another index) is set on that index's headline."""
    indicator = current_indicator or headline
    return Target(
        target_id,
        province_code,
        index_code,
        indicator,
        kind,
        float(threshold),
        int(first_year),
        None,
        basis,
    )


def problems(target: Target, units: int, valid_max: float | None) -> list[Problem]:
    """What is wrong with a target (sentences under target_problem.*); [] when it is sound."""
    found = []
    if target.kind not in KINDS:
        found.append(_problem("kind", target.kind))
    if target.kind == "rank_at_most" and not (
        1 <= target.threshold <= units and target.threshold.is_integer()
    ):
        found.append(_problem("rank", f"{target.threshold:g}"))
    if target.kind == "value_at_least" and not (
        0 < target.threshold <= (valid_max or float("inf"))
    ):
        found.append(_problem("value", f"{target.threshold:g}"))
    if target.last_year is not None and target.last_year < target.first_year:
        found.append(_problem("years", str(target.last_year)))
    if not target.basis.strip():
        found.append(_problem("basis"))
    return found


def _problem(rule: str, value: str | None = None) -> Problem:
    return Problem(rule, value=value, section="target_problem")


def _limits(con: duckdb.DuckDBPyConnection, target: Target) -> tuple[int, float | None]:
    """The number of units in the target's first year and its indicator's maximum score."""
    indicator = Indicators(con, target.index_code).items.get(target.indicator)
    return len(Provinces(con).in_year(target.first_year)), indicator and indicator.valid_max


def save(con: duckdb.DuckDBPyConnection, target: Target, actor: Actor) -> int:
    """Insert or replace a target and record the change (before/after) in the audit log;
    returns its id. Administrators only (NotAllowed for anyone else); Refused, storing nothing,
    when a rule is broken."""
    require(actor, "admin")
    require_plain(target.basis, "basis")
    found = problems(target, *_limits(con, target))
    if found:
        raise Refused(found)
    with WRITE_LOCK, db.transaction(con):
        target_id = target.target_id or con.execute(db.sql("next_target_id")).fetchone()[0]
        old = con.execute(db.sql("target_by_id"), {"target_id": target_id})
        row = old.fetchone()
        before = dict(zip([c[0] for c in old.description], row, strict=True)) if row else None
        values = {
            **asdict(target),
            "target_id": target_id,
            "updated_by": actor.name,
            "updated_at": datetime.now(),
        }
        con.execute(db.sql("save_target"), values)
        after = {k: v for k, v in asdict(target).items() if k != "target_id"}
        audit.record(con, actor, "target_edited", target.index_code, None, before, after)
    return target_id

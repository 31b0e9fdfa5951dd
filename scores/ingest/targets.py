"""Targets: checking and saving an administrator's edit (stored in the database)."""

from dataclasses import asdict, dataclass
from datetime import datetime

import duckdb

from scores import db
from scores.ingest.store import WRITE_LOCK

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


def problems(target: Target, units: int, valid_max: float | None) -> list[str]:
    """Message keys (target_problem.*) for what is wrong with a target; [] when it is sound."""
    found = []
    if target.kind not in KINDS:
        found.append("kind")
    if target.kind == "rank_at_most" and not (
        1 <= target.threshold <= units and target.threshold.is_integer()
    ):
        found.append("rank")
    if target.kind == "value_at_least" and not (
        0 < target.threshold <= (valid_max or float("inf"))
    ):
        found.append("value")
    if target.last_year is not None and target.last_year < target.first_year:
        found.append("years")
    if not target.basis.strip():
        found.append("basis")
    return found


def save(con: duckdb.DuckDBPyConnection, target: Target, by: str) -> int:
    """Insert or replace a target; returns its id."""
    with WRITE_LOCK:
        target_id = target.target_id or con.execute(db.sql("next_target_id")).fetchone()[0]
        values = {
            **asdict(target),
            "target_id": target_id,
            "updated_by": by,
            "updated_at": datetime.now(),
        }
        con.execute(db.sql("save_target"), values)
    return target_id

"""The commands on remediation actions: add, set, list, history."""

import argparse
import sys

import duckdb
import pandas as pd

from scores import db
from scores.cli.arguments import by
from scores.errors import Refused
from scores.export import tables
from scores.i18n import describe, t
from scores.store import actions, owners

ACTION_COLUMNS = [
    "action_id",
    "province_code",
    "index",
    "indicator",
    "owner",
    "action",
    "due",
    "status",
    "note",
    "updated_at",
    "updated_by",
]


def run(args: argparse.Namespace) -> int:
    """`actions add|set|list|history`: one verb on the remediation actions."""
    verb = {"add": _action_add, "set": _action_set, "list": _action_list}
    con = db.connect(args.db, read_only=args.verb in ("list", "history"))
    try:
        return verb.get(args.verb, _action_history)(con, args)
    except Refused as refused:
        for problem in refused.problems:
            print(describe(problem, args.lang), file=sys.stderr)
        return 1
    except LookupError:
        print(t("action_problem.unknown_id", args.lang, value=args.action_id), file=sys.stderr)
        return 1
    finally:
        con.close()


def _action_add(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> int:
    # The agency in charge is one of the city's units, matched like an import's unit names;
    # an unknown one is refused (exit 1) with the nearest units. An undated action has no year.
    due = actions.due_date(args.due)
    owner = owners.owner_unit(con, args.owner, due.year, "--owner") if due else None
    action = actions.Action(
        args.province,
        args.index.upper(),
        args.indicator,
        args.owner,
        args.text,
        args.due,
        args.status,
        args.note,
        owner and owner.province_code,
    )
    print(actions.add(con, action, by(args)))
    return 0


def _action_set(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> int:
    who = by(args)
    version = actions.change(
        con, args.action_id, who, status=args.status, note=args.note, due=args.due
    )
    print(t("plan.action_changed", args.lang, action=args.action_id, version=version))
    return 0


def _write_actions(frame: pd.DataFrame, columns: list[str]) -> None:
    frame = frame.rename(columns={"index_code": "index"})
    frame["due"] = pd.to_datetime(frame["due"]).dt.strftime("%Y-%m-%d")
    # Typed text (owner, action, note) guarded like every table download: a cell starting "="
    # is not run as a formula when the CSV is opened in a spreadsheet.
    tables.guard(frame[columns]).to_csv(sys.stdout, index=False)


def _action_list(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> int:
    found = db.query(
        con,
        "actions_by_province",
        province_code=args.province,
        index_code=args.index and args.index.upper(),
    )
    _write_actions(found, ACTION_COLUMNS)
    return 0


def _action_history(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> int:
    found = actions.history(con, args.action_id)
    if found.empty:
        raise LookupError(args.action_id)
    _write_actions(found, [ACTION_COLUMNS[0], "version", *ACTION_COLUMNS[1:]])
    return 0

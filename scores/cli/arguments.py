"""The command line's arguments: every command, its options, and who a change is by."""

import argparse
import getpass

from scores.errors import ImportRefused, Problem
from scores.export import briefing
from scores.export.slide_kinds import KINDS
from scores.ingest.importer import check_date
from scores.roles import Actor, command_line
from scores.text import require_plain

DESCRIPTION = (
    "The command line: build, import, export, releases, restore, brief, gap, actions, report"
    ' (see docs/product.md, "The command-line contract").'
)


def parser() -> argparse.ArgumentParser:
    """Every command and its options (the contract in docs/product.md)."""
    parser = argparse.ArgumentParser(prog="python -m scores", description=DESCRIPTION)
    parser.add_argument("--lang", choices=("vi", "en"), default="vi", help="language of messages")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="create the database, or bring it up to date")
    build.add_argument("--db")
    build.add_argument(
        "--fresh",
        action="store_true",
        help="replace an existing database by one built from data/ only (a backup is kept)",
    )
    commands.add_parser("releases").add_argument("--db")
    imp = commands.add_parser("import")
    imp.add_argument("file")
    imp.add_argument("--index", required=True)
    imp.add_argument("--year", required=True)  # checked by _run_import, so a bad one is logged
    imp.add_argument("--source", default="")
    imp.add_argument("--publisher", default="")
    imp.add_argument("--date", default="")
    imp.add_argument("--sheet")
    imp.add_argument("--pages", help="the pages of a PDF to read, e.g. 3-5")
    imp.add_argument("--table", type=int, default=1, help="which table of a page, from the top")
    imp.add_argument("--map", action="append", default=[], metavar="HEADER=INDICATOR")
    imp.add_argument("--skip", action="append", default=[], metavar="HEADER")
    imp.add_argument("--by", default=None, help="who imports (default: the system user)")
    imp.add_argument(
        "--partial",
        action="store_true",
        help="confirm that a file covering fewer units than the current release may supersede it",
    )
    imp.add_argument("--db")
    exp = commands.add_parser("export")
    exp.add_argument("--index")
    exp.add_argument("--year", type=int)
    exp.add_argument("--db")
    res = commands.add_parser("restore")
    res.add_argument("release_id", type=int)
    res.add_argument("--by", default=None, help="who restores (default: the system user)")
    res.add_argument("--db")
    brief = commands.add_parser("brief")
    brief.add_argument("--province", required=True, help="GSO code (e.g. 01; 24-2004 before 2025)")
    brief.add_argument("--year", required=True, type=int)
    brief.add_argument("--lang", choices=("vi", "en"), default=argparse.SUPPRESS)
    brief.add_argument("--format", required=True, choices=tuple(briefing.FORMATS))
    brief.add_argument("--out", required=True)
    brief.add_argument("--slides", help="comma-separated: " + ",".join(KINDS))
    brief.add_argument("--db")
    _gap_parser(commands)
    _actions_parser(commands)
    _report_parser(commands)
    return parser


def _report_parser(commands: argparse._SubParsersAction) -> None:
    found = commands.add_parser("report", help="the written report (.docx, Decree 30/2020)")
    found.add_argument("--province", required=True, help="GSO code (e.g. 01; 24-2004 before 2025)")
    found.add_argument("--year", required=True, type=int)
    found.add_argument("--lang", choices=("vi", "en"), default=argparse.SUPPRESS)
    found.add_argument("--out", required=True)
    found.add_argument("--db")


def _gap_parser(commands: argparse._SubParsersAction) -> None:
    found = commands.add_parser("gap", help="points to a target and a proposal (CSV on stdout)")
    found.add_argument("--province", required=True)
    found.add_argument("--index", required=True)
    found.add_argument("--year", required=True, type=int)
    target = found.add_mutually_exclusive_group(required=True)
    target.add_argument("--rank", type=int)
    target.add_argument("--value", type=float)
    found.add_argument("--db")


def _actions_parser(commands: argparse._SubParsersAction) -> None:
    verbs = commands.add_parser("actions", help="remediation actions").add_subparsers(
        dest="verb", required=True
    )
    add = verbs.add_parser("add")
    for name in ("--province", "--index", "--indicator", "--owner", "--due", "--text"):
        add.add_argument(name, required=True)
    add.add_argument("--status", default="planned")
    add.add_argument("--note", default="")
    change = verbs.add_parser("set")
    change.add_argument("action_id", type=int)
    for name in ("--status", "--note", "--due"):
        change.add_argument(name)
    for verb in (add, change):
        verb.add_argument("--by", default=None, help="who (default: the system user)")
    listed = verbs.add_parser("list")
    listed.add_argument("--province")
    listed.add_argument("--index")
    verbs.add_parser("history").add_argument("action_id", type=int)
    for verb in verbs.choices.values():
        verb.add_argument("--db")


def by(args: argparse.Namespace) -> Actor:
    """Who a command-line change is by: --by, else the system user, marked as the command line
    (the trail reads "from the command line, by X", never as a sign-in to the app)."""
    name = args.by or getpass.getuser()
    require_plain(name, "by")
    return command_line(name)


def import_arguments(args: argparse.Namespace) -> tuple[int, dict[str, str]]:
    """The year and column assignments of `import`; every bad argument is refused at once (and
    logged by the caller), none ignored: --map without "=", a --year or --date that is none."""
    problems = [] if is_number(args.year) else [Problem("bad_year", value=args.year)]
    problems += [Problem("bad_map", value=item) for item in args.map if "=" not in item]
    problems += check_date(args.date)[1]
    if problems:
        raise ImportRefused(problems)
    return int(args.year), dict(item.split("=", 1) for item in args.map)


def is_number(text: str) -> bool:
    """Whether the text is a whole number written in ASCII digits (a --year)."""
    return text.isascii() and text.isdigit()

"""The command line: build, import, export, releases, restore, brief, gap, actions, report (see
docs/product.md, "The command-line contract")."""

import argparse
import getpass
import os
import sys
from collections.abc import Callable

import duckdb
import pandas as pd

from scores import db
from scores.analysis import gap
from scores.catalog import Provinces
from scores.config import db_path
from scores.errors import ImportRefused, Problem, Refused
from scores.export import briefing, report, tables
from scores.export.images import NoBrowser
from scores.export.pdf import NoFont
from scores.export.slide_kinds import KINDS
from scores.export.slides import Context
from scores.i18n import describe, in_lang, number, t
from scores.ingest.importer import Prepared, check_date
from scores.roles import Actor, command_line
from scores.store import actions, seed
from scores.store import releases as store
from scores.store.imports import import_file, log_refusal
from scores.text import TextRefused, refusal, require_plain


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m scores", description=__doc__)
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


def main(argv: list[str] | None = None) -> int:
    """Run one command; 0 on success, 1 when refused, 2 on bad usage."""
    args = _parser().parse_args(argv)
    path = db_path(getattr(args, "db", None))
    if args.command != "build" and not path.exists():
        print(t("cli.no_database", args.lang, path=path), file=sys.stderr)
        return 1
    handler = {
        "build": _build,
        "import": _import,
        "export": _export,
        "releases": _releases,
        "restore": _restore,
        "brief": _brief,
        "gap": _gap,
        "actions": _actions,
        "report": _report,
    }[args.command]
    try:
        return handler(args)
    except TextRefused as error:  # --owner, --text, --note, --source, --by: nothing stored
        print(refusal(error, args.lang), file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader left (`export | head`): stop quietly; stdout goes to devnull so the
        # interpreter's final flush does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except db.DatabaseBusy as busy:
        # Another process held DuckDB's lock for the whole bounded wait; nothing was written.
        waited = number(busy.seconds, args.lang, digits=1, fixed=False)
        print(t("cli.database_busy", args.lang, path=busy.path, seconds=waited), file=sys.stderr)
        return 1
    except duckdb.IOException as error:
        print(
            t("cli.database_unreadable", args.lang, path=path, detail=str(error).splitlines()[0]),
            file=sys.stderr,
        )
        return 1


def _build(args: argparse.Namespace) -> int:
    path = db_path(args.db)
    existed = path.exists()
    counts = seed.build(path, by=Actor(getpass.getuser(), "admin"), fresh=args.fresh)
    releases = sum(counts.values())
    if existed and not args.fresh:
        print(t("cli.upgraded", args.lang, path=path, releases=releases))
    elif existed:
        backups = sorted(path.parent.glob(f"{path.name}.backup-*"))
        print(t("cli.rebuilt", args.lang, path=path, releases=releases, backup=backups[-1]))
    else:
        print(t("cli.built", args.lang, path=path, releases=releases))
    return 0


def _by(args: argparse.Namespace) -> Actor:
    """Who a command-line change is by: --by, else the system user, marked as the command line
    (the trail reads "from the command line, by X", never as a sign-in to the app)."""
    name = args.by or getpass.getuser()
    require_plain(name, "by")
    return command_line(name)


def import_arguments(args: argparse.Namespace) -> tuple[int, dict[str, str]]:
    """The year and column assignments of `import`; every bad argument is refused at once (and
    logged by the caller), none ignored: --map without "=", a --year or --date that is none."""
    problems = [] if _is_number(args.year) else [Problem("bad_year", value=args.year)]
    problems += [Problem("bad_map", value=item) for item in args.map if "=" not in item]
    problems += check_date(args.date)[1]
    if problems:
        raise ImportRefused(problems)
    return int(args.year), dict(item.split("=", 1) for item in args.map)


def _is_number(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _import(args: argparse.Namespace) -> int:
    source = store.Source(
        args.publisher,
        args.source,
        args.date,
        file_name=os.path.basename(args.file),
        imported_by=_by(args).name,
    )
    con = db.connect(args.db)
    try:
        release_id, prepared = _run_import(con, args, source)
    except ImportRefused as refused:
        for problem in refused.problems:
            print(describe(problem, args.lang), file=sys.stderr)
        if any(problem.rule == "unknown_column" for problem in refused.problems):
            print(t("cli.map_hint", args.lang), file=sys.stderr)
        print(t("cli.refused", args.lang, count=len(refused.problems)), file=sys.stderr)
        return 1
    finally:
        con.close()
    values = prepared.parsed.values
    print(
        t(
            "cli.imported",
            args.lang,
            index=prepared.index_code,
            year=prepared.year,
            release=release_id,
            values=int(values["value"].notna().sum()),
            provinces=values["province_code"].nunique(),
            coverage=t(f"coverage.{prepared.coverage}", args.lang),
        )
    )
    return 0


def _run_import(
    con: duckdb.DuckDBPyConnection, args: argparse.Namespace, source: store.Source
) -> tuple[int, Prepared]:
    """import_file with the arguments checked first; a bad argument is logged like a bad file."""
    index_code = args.index.upper()
    try:
        year, mapping = import_arguments(args)
    except ImportRefused as refused:
        year = int(args.year) if _is_number(args.year) else 0  # 0: logged as unknown
        log_refusal(con, refused.problems, index_code, year, source)
        raise
    return import_file(
        con,
        args.file,
        index_code,
        year,
        source,
        args.sheet,
        mapping,
        set(args.skip),
        partial=args.partial,
        pages=args.pages,
    )


def _export(args: argparse.Namespace) -> int:
    con = db.connect(args.db, read_only=True)
    frame = db.query(
        con, "export_by_release", index_code=args.index and args.index.upper(), year=args.year
    )
    frame["rank"] = frame["rank"].astype("Int64")
    frame = frame.rename(columns={"index_code": "index"})  # the CLI's header (docs/product.md)
    frame.to_csv(sys.stdout, index=False, float_format="%.15g")
    return 0


def _releases(args: argparse.Namespace) -> int:
    con = db.connect(args.db, read_only=True)
    releases = db.query(con, "releases_by_version").rename(columns={"index_code": "index"})
    releases.to_csv(sys.stdout, index=False)
    return 0


def _restore(args: argparse.Namespace) -> int:
    con = db.connect(args.db)
    try:
        # The command line is a local administrator: whoever may run it may open the file.
        actor = _by(args)
        index_code, year, version = store.restore(con, args.release_id, actor)
    except LookupError:
        print(t("cli.no_release", args.lang, release=args.release_id), file=sys.stderr)
        return 1
    print(t("cli.restored", args.lang, index=index_code, year=year, version=version))
    return 0


def _brief(
    args: argparse.Namespace, make: Callable[[Context], bytes] | None = None, done: str = ""
) -> int:
    """The briefing pack (or, with make, another file of the pack's: the report) to --out."""
    con = db.connect(args.db, read_only=True)
    try:
        keys = briefing.slide_keys(getattr(args, "slides", None))
        provinces = Provinces(con)
        unit = provinces.by_key(args.province)
        if unit is None:
            print(t("brief_cli.no_province", args.lang, province=args.province), file=sys.stderr)
            return 1
        context = Context(
            lambda name, **p: db.query(con, name, **p), provinces, unit, args.year, args.lang
        )
        data = make(context) if make else briefing.write(context, keys, args.format)
    except briefing.UnknownSlides as error:
        print(
            t("brief_cli.unknown_slides", args.lang, slides=error, known=", ".join(KINDS)),
            file=sys.stderr,
        )
        return 1
    except (NoBrowser, NoFont) as error:
        print(t(f"brief_cli.{type(error).__name__}", args.lang, detail=error), file=sys.stderr)
        return 1
    finally:
        con.close()
    try:
        with open(args.out, "wb") as handle:
            handle.write(data)
    except OSError as error:
        print(
            t("brief_cli.cannot_write", args.lang, path=args.out, detail=error.strerror),
            file=sys.stderr,
        )
        return 1
    print(t(done or "brief_cli.briefed", args.lang, path=args.out))
    return 0


def _report(args: argparse.Namespace) -> int:
    """The written report as .docx: the brief's checks and messages, report.write's file."""
    return _brief(args, lambda context: report.write(context), "report.cli_written")


def _gap(args: argparse.Namespace) -> int:
    con = db.connect(args.db, read_only=True)
    index_code = args.index.upper()
    unit = Provinces(con).by_code(args.province, args.year)
    if unit is None:
        print(
            t("plan.unknown_province", args.lang, code=args.province, year=args.year),
            file=sys.stderr,
        )
        return 1
    values, rule = gap.table_for(lambda name, **p: db.query(con, name, **p), index_code, args.year)
    kind, threshold = ("rank", args.rank) if args.rank is not None else ("value", args.value)
    name = in_lang(unit, "name", args.lang)
    try:
        if rule is None:
            raise gap.NoComponents(args.province)
        catalogue = db.query(con, "indicators_by_index", index_code=index_code)
        gap.check_target(values, catalogue, rule, kind, threshold)
        result = gap.gap(values, rule, args.province, kind, threshold)
    except gap.BadTarget as bad:
        limits = {name: number(v, args.lang, fixed=False) for name, v in bad.limits.items()}
        print(t(f"trust.{bad.key}", args.lang, given=f"{threshold:g}", **limits), file=sys.stderr)
        return 1
    except gap.NoComponents:
        print(
            t("plan.no_components", args.lang, index=index_code, year=args.year, province=name),
            file=sys.stderr,
        )
        return 1
    other = result.passes and Provinces(con).by_code(result.passes, args.year)
    other_name = other and in_lang(other, "name", args.lang)
    place = f"{name} · {index_code} {args.year}"
    print(gap.sentence(result, place, other_name, kind, threshold, args.lang), file=sys.stderr)
    # Full precision, as `export` writes values, so a script can check a proposal against it.
    result.rows.to_csv(sys.stdout, index=False, float_format="%.15g")
    return 0


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


def _actions(args: argparse.Namespace) -> int:
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
    action = actions.Action(
        args.province,
        args.index.upper(),
        args.indicator,
        args.owner,
        args.text,
        args.due,
        args.status,
        args.note,
    )
    print(actions.add(con, action, _by(args)))
    return 0


def _action_set(con: duckdb.DuckDBPyConnection, args: argparse.Namespace) -> int:
    by = _by(args)
    version = actions.change(
        con, args.action_id, by, status=args.status, note=args.note, due=args.due
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


if __name__ == "__main__":
    sys.exit(main())

"""The command line: build, import, export, releases, restore (see PRODUCT.md)."""

import argparse
import getpass
import os
import sys

import duckdb

from scores import db
from scores.config import db_path
from scores.i18n import describe, t
from scores.ingest import seed, store
from scores.ingest.errors import ImportRefused, Problem
from scores.ingest.importer import Prepared, import_file, log_refusal
from scores.roles import Actor


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m scores", description=__doc__)
    parser.add_argument("--lang", choices=("vi", "en"), default="vi", help="language of messages")
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("build", "releases"):
        commands.add_parser(name).add_argument("--db")
    imp = commands.add_parser("import")
    imp.add_argument("file")
    imp.add_argument("--index", required=True)
    imp.add_argument("--year", required=True, type=int)
    imp.add_argument("--source", default="")
    imp.add_argument("--publisher", default="")
    imp.add_argument("--date", default="")
    imp.add_argument("--sheet")
    imp.add_argument("--map", action="append", default=[], metavar="HEADER=INDICATOR")
    imp.add_argument("--skip", action="append", default=[], metavar="HEADER")
    imp.add_argument("--by", default=None, help="who imports (default: the system user)")
    imp.add_argument("--db")
    exp = commands.add_parser("export")
    exp.add_argument("--index")
    exp.add_argument("--year", type=int)
    exp.add_argument("--db")
    res = commands.add_parser("restore")
    res.add_argument("release_id", type=int)
    res.add_argument("--by", default=None, help="who restores (default: the system user)")
    res.add_argument("--db")
    return parser


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
    }[args.command]
    try:
        return handler(args)
    except BrokenPipeError:
        # The reader left (`export | head`): stop quietly; stdout goes to devnull so the
        # interpreter's final flush does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except duckdb.IOException as error:
        # Another process (usually the running app) holds DuckDB's single-writer lock.
        print(
            t("cli.database_busy", args.lang, path=path, detail=str(error).splitlines()[0]),
            file=sys.stderr,
        )
        return 1


def _build(args: argparse.Namespace) -> int:
    path = db_path(args.db)
    counts = seed.build(path, by=Actor(getpass.getuser(), "admin"))
    print(t("cli.built", args.lang, path=path, releases=sum(counts.values())))
    return 0


def parse_mapping(items: list[str]) -> dict[str, str]:
    """--map "HEADER=indicator_code" items as a dict; one without "=" is refused, not ignored."""
    bad = [Problem("bad_map", value=item) for item in items if "=" not in item]
    if bad:
        raise ImportRefused(bad)
    return dict(item.split("=", 1) for item in items)


def _import(args: argparse.Namespace) -> int:
    source = store.Source(
        args.publisher,
        args.source,
        args.date,
        file_name=os.path.basename(args.file),
        imported_by=args.by or getpass.getuser(),
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
        mapping = parse_mapping(args.map)
    except ImportRefused as refused:
        log_refusal(con, refused.problems, index_code, args.year, source)
        raise
    return import_file(
        con, args.file, index_code, args.year, source, args.sheet, mapping, set(args.skip)
    )


def _export(args: argparse.Namespace) -> int:
    con = db.connect(args.db, read_only=True)
    frame = db.query(
        con, "export_by_release", index_code=args.index and args.index.upper(), year=args.year
    )
    frame["rank"] = frame["rank"].astype("Int64")
    frame = frame.rename(columns={"index_code": "index"})  # the CLI's header (PRODUCT.md)
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
        actor = Actor(args.by or getpass.getuser(), "admin")
        index_code, year, version = store.restore(con, args.release_id, actor)
    except LookupError:
        print(t("cli.no_release", args.lang, release=args.release_id), file=sys.stderr)
        return 1
    print(t("cli.restored", args.lang, index=index_code, year=year, version=version))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The commands on the database and its releases: build, import, export, releases, restore."""

import argparse
import getpass
import os
import sys

import duckdb

from scores import db
from scores.catalog import Provinces
from scores.cli.arguments import by, import_arguments, is_number
from scores.config import db_path
from scores.errors import ImportRefused
from scores.i18n import describe, t
from scores.ingest.importer import Prepared
from scores.roles import Actor
from scores.store import releases as store
from scores.store import seed
from scores.store.imports import import_file, log_refusal


def build(args: argparse.Namespace) -> int:
    """`build`: create the database, or upgrade it keeping staff work (--fresh: replace it)."""
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


def import_(args: argparse.Namespace) -> int:
    """`import FILE`: a release stored, or every problem printed and nothing stored."""
    source = store.Source(
        args.publisher,
        args.source,
        args.date,
        file_name=os.path.basename(args.file),
        imported_by=by(args).name,
    )
    con = db.connect(args.db)
    try:
        release_id, prepared = _run_import(con, args, source)
        # A city index counts units, not provinces (its own sentence, same fields).
        city = Provinces.of_index(con, prepared.index_code).unit_set != "province"
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
            "cityeng.imported" if city else "cli.imported",
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
        year = int(args.year) if is_number(args.year) else 0  # 0: logged as unknown
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
        table=args.table,
    )


def export(args: argparse.Namespace) -> int:
    """`export`: the current values as CSV on stdout, the contract's header."""
    con = db.connect(args.db, read_only=True)
    frame = db.query(
        con, "export_by_release", index_code=args.index and args.index.upper(), year=args.year
    )
    frame["rank"] = frame["rank"].astype("Int64")
    frame = frame.rename(columns={"index_code": "index"})  # the CLI's header (docs/product.md)
    frame.to_csv(sys.stdout, index=False, float_format="%.15g")
    return 0


def releases(args: argparse.Namespace) -> int:
    """`releases`: every version of every index and year as CSV on stdout."""
    con = db.connect(args.db, read_only=True)
    releases = db.query(con, "releases_by_version").rename(columns={"index_code": "index"})
    releases.to_csv(sys.stdout, index=False)
    return 0


def restore(args: argparse.Namespace) -> int:
    """`restore RELEASE_ID`: an earlier version made current again (administrators)."""
    con = db.connect(args.db)
    try:
        # The command line is a local administrator: whoever may run it may open the file.
        actor = by(args)
        index_code, year, version = store.restore(con, args.release_id, actor)
    except LookupError:
        print(t("cli.no_release", args.lang, release=args.release_id), file=sys.stderr)
        return 1
    print(t("cli.restored", args.lang, index=index_code, year=year, version=version))
    return 0

"""The command line: build, import, export, releases, restore, brief, gap, actions, report (see
docs/product.md, "The command-line contract"); each command's code is in scores/cli/."""

import os
import sys

import duckdb

from scores import db
from scores.cli import actions, documents, releases
from scores.cli.arguments import parser
from scores.config import db_path
from scores.errors import Refused
from scores.i18n import describe, number, t

HANDLERS = {
    "build": releases.build,
    "import": releases.import_,
    "export": releases.export,
    "releases": releases.releases,
    "restore": releases.restore,
    "brief": documents.brief,
    "gap": documents.gap_,
    "actions": actions.run,
    "report": documents.report_,
}


def main(argv: list[str] | None = None) -> int:
    """Run one command; 0 on success, 1 when refused, 2 on bad usage."""
    args = parser().parse_args(argv)
    path = db_path(getattr(args, "db", None))
    if args.command != "build" and not path.exists():
        print(t("cli.no_database", args.lang, path=path), file=sys.stderr)
        return 1
    handler = HANDLERS[args.command]
    try:
        return handler(args)
    except Refused as refused:  # --owner, --text, --note, --source, --by: nothing stored
        for problem in refused.problems:
            print(describe(problem, args.lang), file=sys.stderr)
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
    except duckdb.BinderException as error:
        # A file made by an older version lacks a column the code reads now; build upgrades it
        # keeping every import, action and edit.
        print(t("cli.database_outdated", args.lang, path=path), file=sys.stderr)
        print(str(error).splitlines()[0], file=sys.stderr)
        return 1
    except duckdb.IOException as error:
        print(
            t("cli.database_unreadable", args.lang, path=path, detail=str(error).splitlines()[0]),
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())

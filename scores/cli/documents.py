"""The commands that write documents: the briefing pack, the written report, the gap to a target."""

import argparse
import sys
from collections.abc import Callable

from scores import db
from scores.analysis import gap
from scores.catalog import Provinces
from scores.export import briefing, report
from scores.export.images import NoBrowser
from scores.export.pdf import NoFont
from scores.export.slide_kinds import KINDS
from scores.export.slides import Context
from scores.formulas import table_for
from scores.i18n import in_lang, number, t


def brief(
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


def report_(args: argparse.Namespace) -> int:
    """The written report as .docx: the brief's checks and messages, report.write's file."""
    return brief(args, lambda context: report.write(context), "report.cli_written")


def gap_(args: argparse.Namespace) -> int:
    """`gap`: the points to a target and a proposal (CSV on stdout), its sentence on stderr."""
    con = db.connect(args.db, read_only=True)
    index_code = args.index.upper()
    unit = Provinces(con).by_code(args.province, args.year)
    if unit is None:
        print(
            t("plan.unknown_province", args.lang, code=args.province, year=args.year),
            file=sys.stderr,
        )
        return 1
    values, rule = table_for(lambda name, **p: db.query(con, name, **p), index_code, args.year)
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

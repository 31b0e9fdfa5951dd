"""The import pipeline: read, understand, check, and store a release, or refuse it whole."""

import hashlib
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb

from scores import db
from scores.catalog import Indicators, Provinces
from scores.i18n import describe
from scores.ingest import audit, checks, printed, store
from scores.ingest.errors import ImportRefused, Problem
from scores.ingest.interpret import FIRST_YEAR, Layout, understand
from scores.ingest.readfile import RawTable, read_bytes, read_path
from scores.ingest.validate import Parsed, check, empty
from scores.roles import Actor, require


@dataclass
class Prepared:
    """Everything understood about an upload, ready to be shown or stored."""

    index_code: str
    year: int
    raw: RawTable
    layout: Layout
    parsed: Parsed
    coverage: str
    file_name: str
    sha256: str

    @property
    def problems(self) -> list[Problem]:
        return self.layout.problems + self.parsed.problems


def index_codes(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The indices the catalogue knows."""
    return [row[0] for row in con.execute("SELECT index_code FROM indices ORDER BY 1").fetchall()]


def check_target(con: duckdb.DuckDBPyConnection, index_code: str, year: int) -> list[Problem]:
    """Problems with the index and year asked for, before the file is read."""
    problems = []
    if index_code not in index_codes(con):
        known = ", ".join(index_codes(con))
        problems.append(Problem("unknown_index", value=index_code, detail={"known": known}))
    last = date.today().year + 1
    if not FIRST_YEAR <= year <= last:
        problems.append(
            Problem(
                "year_out_of_range", value=str(year), detail={"first": FIRST_YEAR, "last": last}
            )
        )
    return problems


DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")  # ISO, and the day-first form written in Vietnam


def check_date(text: str) -> tuple[str, list[Problem]]:
    """A publication date as ISO text, if it is a real date not later than tomorrow (a release
    published today somewhere east of here); blank is allowed (not known)."""
    if not text.strip():
        return "", []
    for form in DATE_FORMATS:
        try:
            day = datetime.strptime(text.strip(), form).date()
        except ValueError:
            continue
        if day > date.today() + timedelta(days=1):
            return "", [Problem("future_date", value=text, detail={"today": date.today()})]
        return day.isoformat(), []
    return "", [Problem("bad_date", value=text)]


def prepare(
    con: duckdb.DuckDBPyConnection,
    data: bytes,
    file_name: str,
    index_code: str,
    year: int,
    sheet: str | None = None,
    mapping: dict[str, str] | None = None,
    skip: set[str] | None = None,
    names: dict[str, str] | None = None,
    pages: str | None = None,
    corrections: dict[tuple[int, int], str] | None = None,
    raw: RawTable | None = None,
) -> Prepared:
    """Read and check an upload without writing; ImportRefused only when it cannot be read.

    names: province spellings the user matched by hand (name -> province_code); pages: the
    pages of a PDF to read ('3-5'); corrections: values typed for cells OCR was unsure of
    ((row, column position) -> text, both 0-based); raw: the file as already read (the page
    keeps an OCR result between its runs instead of reading a scan again on every click).
    """
    problems = check_target(con, index_code, year)
    if problems:
        raise ImportRefused(problems)
    raw = raw or read_bytes(data, file_name, sheet, pages)
    printed.correct(raw.rows, raw.printed, corrections or {})
    catalogue, provinces = Indicators(con, index_code), Provinces(con)
    for name, code in (names or {}).items():
        provinces.choose(name, code)
    layout = understand(raw, catalogue, year, mapping, skip)
    # Rows are checked too while only unknown columns stand (they are left out of the check), so
    # every problem shows at once; other column problems would make the row check mislead.
    blocking = [p for p in layout.problems if p.rule != "unknown_column"]
    parsed = empty() if blocking else check(raw, layout, provinces, catalogue, index_code, year)
    if layout.problems:  # "no values" only repeats that the columns are not understood yet
        parsed.problems = [p for p in parsed.problems if p.rule != "no_values"]
    if not blocking:
        parsed.problems += guards(con, catalogue, layout, parsed, index_code, year)
    parsed.problems += printed.doubt_problems(raw.printed, layout.columns)
    cover = store.coverage(parsed.values, provinces, year)
    return Prepared(
        index_code, year, raw, layout, parsed, cover, file_name, hashlib.sha256(data).hexdigest()
    )


def guards(
    con: duckdb.DuckDBPyConnection,
    catalogue: Indicators,
    layout: Layout,
    parsed: Parsed,
    index_code: str,
    year: int,
) -> list[Problem]:
    """Totals that disagree with their components, ranks that disagree with the scores."""
    names = {c.indicator: c.header for c in layout.columns if c.indicator}
    higher = {code: item.higher_is_better for code, item in catalogue.items.items()}
    return checks.total_problems(
        con, index_code, year, parsed.values, layout
    ) + checks.rank_problems(parsed.values, higher, names)


def commit(
    con: duckdb.DuckDBPyConnection,
    prepared: Prepared,
    source: store.Source,
    actor: Actor,
    provenance: dict | None = None,
) -> int:
    """Store a prepared upload as the new current version and record it in the audit log;
    refuses an actor below editor (NotAllowed) and any upload with a problem standing."""
    require(actor, "editor")
    published, date_problems = check_date(source.date or "")
    if prepared.problems or date_problems:
        raise ImportRefused(prepared.problems + date_problems)
    source = replace(source, date=published)
    values = prepared.parsed.values.assign(source=source.document or prepared.file_name)
    averages = prepared.parsed.averages.assign(source=source.document or prepared.file_name)
    release = store.Release(
        prepared.index_code, prepared.year, values, averages, source, prepared.coverage
    )
    release_id = store.write_release(con, release)
    version = con.execute(db.sql("release_by_id"), {"release_id": release_id}).fetchone()[2]
    after = {"release_id": release_id, "version": version, "file_name": prepared.file_name}
    after.update(provenance or {})  # a PDF or a scan: pages, the share read by OCR
    audit.record(con, actor, "release_imported", prepared.index_code, prepared.year, after=after)
    return release_id


def import_file(
    con: duckdb.DuckDBPyConnection,
    path: str | Path,
    index_code: str,
    year: int,
    source: store.Source,
    sheet: str | None = None,
    mapping: dict[str, str] | None = None,
    skip: set[str] | None = None,
    actor: Actor | None = None,
    pages: str | None = None,
) -> tuple[int, Prepared]:
    """The whole pipeline for a file on disk; every refusal is logged, nothing else written.

    A file on disk is the command line's (or a test's) path: its actor defaults to a local
    administrator named by source.imported_by."""
    path = Path(path)
    actor = actor or Actor(source.imported_by, "admin")
    source = store.Source(
        source.publisher, source.document, source.date, path.name, "", source.imported_by
    )
    try:
        data = read_path(path)
        prepared = prepare(
            con, data, path.name, index_code, year, sheet, mapping, skip, pages=pages
        )
        from scores.ingest.service import store_upload  # the service builds on this module

        return store_upload(con, prepared, data, source, actor), prepared
    except ImportRefused as refused:
        log_refusal(con, refused.problems, index_code, year, source)
        raise


def log_refusal(
    con: duckdb.DuckDBPyConnection,
    problems: list[Problem],
    index_code: str,
    year: int,
    source: store.Source,
) -> None:
    """One import-log row for a refused attempt, its reason in English.

    A year that does not fit the log's INTEGER column (--year 99999999999) is logged as
    unknown; the reason still quotes it.
    """
    reason = " | ".join(describe(problem, "en") for problem in problems[:20])
    logged_year = year if FIRST_YEAR - 1000 < year < 10_000 else None
    store.log(con, "refused", index_code, logged_year, source, reason=reason)

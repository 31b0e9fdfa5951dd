"""Storing a prepared upload as a new release, or logging why it was refused."""

from dataclasses import replace
from pathlib import Path

import duckdb

from scores import db
from scores.catalog import Provinces
from scores.errors import ImportRefused, Problem
from scores.i18n import describe
from scores.ingest.importer import Prepared, check_date, prepare
from scores.ingest.interpret import FIRST_YEAR
from scores.ingest.readfile import read_path
from scores.roles import Actor, require
from scores.store import audit
from scores.store import releases as store
from scores.text import TextRefused, require_plain


def against_stored(
    con: duckdb.DuckDBPyConnection, prepared: Prepared, partial: bool = False
) -> list[Problem]:
    """What stands between an understood file and a new version: the same file already stored
    (same SHA-256), or fewer units than the current release without `partial` confirming that
    those units leave the current view."""
    where = {"index_code": prepared.index_code, "year": prepared.year}
    stored = db.query(con, "releases_by_sha256", sha256=prepared.sha256, **where)
    if not stored.empty:
        version = int(stored["version"].iloc[-1])
        return [Problem("already_stored", value=prepared.file_name, detail={"version": version})]
    current = con.execute(db.sql("current_release_by_index_year"), where).fetchall()
    if partial or not current:
        return []
    held = set(db.query(con, "units_by_release", release_id=current[0][0])["province_code"])
    values = prepared.parsed.values
    incoming = set(values.loc[values["value"].notna() | values["rank"].notna(), "province_code"])
    leaving = sorted(held - incoming)
    if len(incoming) >= len(held) or not leaving:
        return []
    units = Provinces.of_index(con, prepared.index_code).in_year(prepared.year)
    names = {u.province_code: u.name_vi for u in units}
    shown = ", ".join(names.get(code, code) for code in leaving[:10])
    more = len(leaving) - 10
    detail = {"new": len(incoming), "held": len(held), "version": current[0][4]}
    detail |= {"leaving": shown + (f" (+{more})" if more > 0 else "")}
    return [Problem("fewer_units", detail=detail)]


def check_source(source: store.Source) -> None:
    """The typed parts of a source under the text rule (TextRefused): publisher, document, who."""
    require_plain(source.publisher, "source")
    require_plain(source.document, "source")
    require_plain(source.imported_by, "by")


def commit(
    con: duckdb.DuckDBPyConnection,
    prepared: Prepared,
    source: store.Source,
    actor: Actor,
    partial: bool = False,
    provenance: dict | None = None,
) -> int:
    """Store a prepared upload as the new current version and record it in the audit log
    (with the provenance of a printed source: pages, the share read by OCR);
    refuses an actor below editor (NotAllowed), any upload with a problem standing, a file
    already stored, and fewer units than the current release unless `partial` says so."""
    require(actor, "editor")
    check_source(source)
    published, date_problems = check_date(source.date or "")
    problems = prepared.problems + date_problems
    if not problems:
        problems = against_stored(con, prepared, partial)
    if problems:
        raise ImportRefused(problems)
    source = replace(source, date=published)
    values = prepared.parsed.values.assign(source=source.document or prepared.file_name)
    averages = prepared.parsed.averages.assign(source=source.document or prepared.file_name)
    release = store.Release(
        prepared.index_code, prepared.year, values, averages, source, prepared.coverage
    )
    release_id = store.write_release(con, release)
    version = con.execute(db.sql("release_by_id"), {"release_id": release_id}).fetchone()[2]
    after = {"release_id": release_id, "version": version, "file_name": prepared.file_name}
    after.update(provenance or {})
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
    partial: bool = False,
    pages: str | None = None,
    table: int = 1,
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
            con, data, path.name, index_code, year, sheet, mapping, skip, pages=pages, table=table
        )
        from scores.store.service import store_upload  # the service builds on this module

        return store_upload(con, prepared, data, source, actor, partial), prepared
    except TextRefused:
        raise  # the typed text is what is refused: not written anywhere, the log included
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

"""The one import service behind the Data page and the command line: the publisher filled in,
the original file kept beside the database by checksum, the release stored with its provenance."""

from dataclasses import replace
from pathlib import Path

import duckdb

from scores import db
from scores.ingest.importer import Prepared
from scores.roles import Actor, require
from scores.store import audit
from scores.store import releases as store
from scores.store.imports import check_source, commit


def uploads_folder(con: duckdb.DuckDBPyConnection) -> Path | None:
    """Where the originals of this database's releases are kept (None for one in memory)."""
    row = con.execute(db.sql("database_file_by_connection")).fetchone()
    return Path(row[0]).parent / "uploads" if row and row[0] else None


def publisher_of(con: duckdb.DuckDBPyConnection, index_code: str) -> str:
    """The index's publisher as the seed stores it (not the index's short name)."""
    found = db.query(con, "publisher_by_index", index_code=index_code)
    return "" if found.empty else str(found.iloc[0, 0])


def keep_original(con: duckdb.DuckDBPyConnection, prepared: Prepared, data: bytes) -> None:
    """The uploaded bytes under uploads/<sha256><suffix>, once."""
    folder = uploads_folder(con)
    if folder is None:
        return
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{prepared.sha256}{Path(prepared.file_name).suffix.lower()}"
    if not target.exists():
        target.write_bytes(data)


def provenance(prepared: Prepared) -> dict:
    """What the change history records of a printed source: kind, pages, the OCR share."""
    source = prepared.raw.printed
    if source is None:
        return {"read_from": prepared.raw.kind}
    return {
        "read_from": source.kind,
        "pages": source.pages,
        "ocr_share": round(source.ocr_share, 4),
        "cells_corrected": len(source.corrected),
    }


def store_upload(
    con: duckdb.DuckDBPyConnection,
    prepared: Prepared,
    data: bytes,
    source: store.Source,
    actor: Actor,
    partial: bool = False,
) -> int:
    """Keep the original, store the release, and record each cell a person corrected (who,
    when, what was read, what was typed) in the change history; editors only. partial: a file
    with fewer units than the current release may supersede it (see imports.against_stored)."""
    require(actor, "editor")  # before the original is kept, too
    check_source(source)
    if not source.publisher:
        source = replace(source, publisher=publisher_of(con, prepared.index_code))
    source = replace(source, sha256=prepared.sha256)
    keep_original(con, prepared, data)
    release_id = commit(con, prepared, source, actor, partial, provenance(prepared))
    corrected = prepared.raw.printed.corrected if prepared.raw.printed else []
    header = {c.position: c.header for c in prepared.layout.columns}
    for cell in corrected:
        before = {
            "row": cell["row"],
            "column": header.get(cell["position"], ""),
            "page": cell["page"],
            "read": cell["read"],
        }
        after = {"typed": cell["typed"], "release_id": release_id}
        year = prepared.year
        audit.record(con, actor, "cell_corrected", prepared.index_code, year, before, after)
    return release_id

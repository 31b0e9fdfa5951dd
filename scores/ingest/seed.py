"""Building the database from data/: the catalogue, the provinces and the seed releases."""

import fcntl
import hashlib
import os
import sys
from pathlib import Path

import duckdb
import pandas as pd

from scores import db
from scores.catalog import Provinces
from scores.config import DATA_DIR
from scores.ingest import audit, store
from scores.roles import Actor
from scores.text import key, province_key

# The seed files of each index, read together into one release per year: PAPI's sub-dimensions
# for 2017-2024 come from another repository than its dimensions and totals, so they stay a file
# of their own, unchanged from shared/data, and join the same releases.
SEED_FILES = {
    "PAR": ("par_index.csv",),
    "SIPAS": ("sipas.csv",),
    "PAPI": ("papi.csv", "papi_subdimensions_2017_2024.csv"),
    "PCI": ("pci.csv",),
}
SEED_HEADER = "year,province,province_code,indicator,score,rank,source_url_or_repo_path"


def build(path: Path, data_dir: Path = DATA_DIR, by: Actor | None = None) -> dict[str, int]:
    """Recreate the database at path from data/; written aside, then moved into place. With
    `by` (the command line), the audit trail of the database replaced is carried over."""
    partial = path.with_name(path.name + ".building")
    for stale in (partial, Path(str(partial) + ".wal")):
        stale.unlink(missing_ok=True)
    con = db.connect(partial)
    try:
        load_reference(con, data_dir)
        provinces = Provinces(con)
        counts = {
            code: seed_index(con, code, [data_dir / "seed" / name for name in names], provinces)
            for code, names in SEED_FILES.items()
        }
        if by is not None:
            audit.carry_over(con, path, by)
    finally:
        con.close()
    Path(str(path) + ".wal").unlink(missing_ok=True)
    os.replace(partial, path)
    return counts


def _csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=object, keep_default_na=False, encoding="utf-8")


def load_reference(con: duckdb.DuckDBPyConnection, data_dir: Path) -> None:
    """Indices, provinces and aliases, the indicator catalogue, weights, breaks and targets, what
    each publisher covers and when it releases."""
    _insert(con, "indices", _csv(data_dir / "indices.csv"))
    _insert(con, "provinces", _csv(data_dir / "provinces.csv"))
    aliases = _csv(data_dir / "province_aliases.csv")
    _insert(con, "province_aliases", aliases.assign(alias_key=aliases["alias"].map(province_key)))
    indicators = _csv(data_dir / "indicators.csv")
    _insert(con, "indicators", indicators.drop(columns=["aliases"]))
    _insert(con, "indicator_aliases", _indicator_aliases(indicators))
    _insert(con, "indicator_weights", _csv(data_dir / "indicator_weights.csv"))
    _insert(con, "methodology_breaks", _csv(data_dir / "methodology_breaks.csv"))
    _insert(con, "publisher_coverage", _csv(data_dir / "publisher_coverage.csv"))
    _insert(con, "release_calendar", _csv(data_dir / "release_calendar.csv"))
    targets = _csv(data_dir / "targets.csv")
    targets.insert(0, "target_id", [str(i) for i in range(1, len(targets) + 1)])
    _insert(con, "targets", targets.assign(updated_by="seed"))


def _indicator_aliases(indicators: pd.DataFrame) -> pd.DataFrame:
    rows = [
        {
            "index_code": row.index_code,
            "indicator": row.indicator,
            "alias": alias,
            "alias_key": key(alias),
        }
        for row in indicators.itertuples()
        for alias in row.aliases.split("|")
        if alias
    ]
    return pd.DataFrame(rows)


# The reference tables and their inserts, written out: an allow-list, never built from input.
REFERENCE_INSERTS = {
    "indices": "INSERT INTO indices BY NAME SELECT * FROM incoming",
    "provinces": "INSERT INTO provinces BY NAME SELECT * FROM incoming",
    "province_aliases": "INSERT INTO province_aliases BY NAME SELECT * FROM incoming",
    "indicators": "INSERT INTO indicators BY NAME SELECT * FROM incoming",
    "indicator_aliases": "INSERT INTO indicator_aliases BY NAME SELECT * FROM incoming",
    "indicator_weights": "INSERT INTO indicator_weights BY NAME SELECT * FROM incoming",
    "methodology_breaks": "INSERT INTO methodology_breaks BY NAME SELECT * FROM incoming",
    "targets": "INSERT INTO targets BY NAME SELECT * FROM incoming",
    "publisher_coverage": "INSERT INTO publisher_coverage BY NAME SELECT * FROM incoming",
    "release_calendar": "INSERT INTO release_calendar BY NAME SELECT * FROM incoming",
}


def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    """Insert a frame of text cells by column name; empty cells become NULL."""
    con.register("incoming", frame.replace({"": None}))
    try:
        con.execute(REFERENCE_INSERTS[table])
    finally:
        con.unregister("incoming")


def seed_index(
    con: duckdb.DuckDBPyConnection, index_code: str, paths: list[Path], provinces: Provinces
) -> int:
    """One release per year of an index's seed files, all in one transaction; returns how many."""
    publisher = con.execute(db.sql("publisher_by_index"), {"index_code": index_code}).fetchone()[0]
    file_name = " + ".join(f"seed/{path.name}" for path in paths)
    digest = _digest(paths)
    _check_headers(paths)
    con.execute(db.sql("load_seed_file"), {"paths": [str(path) for path in paths]})
    values = _checked(db.query(con, "seed_values_by_province", index_code=index_code), file_name)
    averages = db.query(con, "seed_averages_by_year")
    documents = db.query(con, "seed_sources_by_year")
    by_year = dict(tuple(values.groupby("year")))
    averages_by_year = dict(tuple(averages.groupby("year")))
    releases = []
    for year, docs in zip(documents["year"].tolist(), documents["documents"], strict=True):
        source = store.Source(publisher, docs, "", file_name, digest, "seed")
        year_values = by_year.get(year, values.iloc[0:0]).drop(columns="year")
        year_averages = averages_by_year.get(year, averages.iloc[0:0]).drop(columns="year")
        cover = store.coverage(year_values, provinces, year)
        releases.append(store.Release(index_code, year, year_values, year_averages, source, cover))
    store.write_releases(con, releases)
    return len(releases)


def _digest(paths: list[Path]) -> str:
    """SHA-256 of the files' bytes in the order read: one checksum per release, as for an upload;
    a single file keeps its own file checksum."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _check_headers(paths: list[Path]) -> None:
    """Refuse a seed file whose header is not the long format: load_seed_file names the columns
    instead of sniffing them, so a reordered file would otherwise be misread silently."""
    for path in paths:
        with path.open(encoding="utf-8") as file:
            header = file.readline().strip()
        if header != SEED_HEADER:
            raise ValueError(f"{path.name}: header {header!r}, expected {SEED_HEADER!r}")


def _checked(values: pd.DataFrame, files: str) -> pd.DataFrame:
    """Seed values with every province placed; out-of-range values reported (kept as missing)."""
    unplaced = values[values["province_code"].isna()]
    if not unplaced.empty:
        raise ValueError(f"{files}: no unit for {sorted(set(unplaced['province']))}")
    for row in values[values["out_of_range"]].itertuples():
        print(
            f"seed: {files} {row.year} {row.province} {row.indicator} is outside the "
            "indicator's valid range; kept as missing",
            file=sys.stderr,
        )
    return values.drop(columns=["province", "out_of_range"])


def build_once(path: Path, data_dir: Path = DATA_DIR) -> None:
    """Build the database at path if it is missing, once even when several processes or
    sessions ask at the same time: the first holds a lock on the folder, the others wait for it
    and then find the file there."""
    path.parent.mkdir(parents=True, exist_ok=True)
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        fcntl.flock(folder, fcntl.LOCK_EX)
        if not path.exists():
            build(path, data_dir)
    finally:
        os.close(folder)  # closing lets go of the lock

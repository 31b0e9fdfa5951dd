"""Building the database from data/: the catalogue, the provinces and the seed releases."""

import hashlib
import os
import sys
from pathlib import Path

import duckdb
import pandas as pd

from scores import db, store
from scores.catalog import Indicators, Provinces
from scores.config import DATA_DIR
from scores.text import key, province_key

SEED_FILES = {"PAR": "par_index.csv", "SIPAS": "sipas.csv", "PAPI": "papi.csv", "PCI": "pci.csv"}
NEWS_TOTAL = "papi_total_reported_in_news"


def build(path: Path, data_dir: Path = DATA_DIR) -> dict[str, int]:
    """Recreate the database at path from data/; written aside, then moved into place."""
    partial = path.with_name(path.name + ".building")
    for stale in (partial, Path(str(partial) + ".wal")):
        stale.unlink(missing_ok=True)
    con = db.connect(partial)
    try:
        load_reference(con, data_dir)
        counts = {
            code: seed_index(con, code, data_dir / "seed" / name)
            for code, name in SEED_FILES.items()
        }
    finally:
        con.close()
    Path(str(path) + ".wal").unlink(missing_ok=True)
    os.replace(partial, path)
    return counts


def _csv(path: Path) -> pd.DataFrame:
    # object dtype: the per-row look-ups below iterate plain Python strings (arrow's are slower).
    return pd.read_csv(path, dtype=object, keep_default_na=False, encoding="utf-8")


def load_reference(con: duckdb.DuckDBPyConnection, data_dir: Path) -> None:
    """Indices, provinces and aliases, the indicator catalogue, weights, breaks and targets."""
    _insert(con, "indices", _csv(data_dir / "indices.csv"))
    _insert(con, "provinces", _csv(data_dir / "provinces.csv"))
    aliases = _csv(data_dir / "province_aliases.csv")
    _insert(con, "province_aliases", aliases.assign(alias_key=aliases["alias"].map(province_key)))
    indicators = _csv(data_dir / "indicators.csv")
    _insert(con, "indicators", indicators.drop(columns=["aliases"]))
    _insert(con, "indicator_aliases", _indicator_aliases(indicators))
    _insert(con, "indicator_weights", _csv(data_dir / "indicator_weights.csv"))
    _insert(con, "methodology_breaks", _csv(data_dir / "methodology_breaks.csv"))
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


def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    """Insert a frame of text cells by column name; empty cells become NULL."""
    frame = frame.replace({"": None})
    con.register("incoming", frame)
    columns = ", ".join(f'"{name}"' for name in frame.columns)
    # Table and column names come from this module and data/ headers, never from an upload.
    con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM incoming")  # noqa: S608
    con.unregister("incoming")


def seed_index(con: duckdb.DuckDBPyConnection, index_code: str, path: Path) -> int:
    """One release per year of a seed file, all in one transaction; returns how many."""
    rows = _csv(path).rename(columns={"source_url_or_repo_path": "source"})
    catalogue, provinces = Indicators(con, index_code), Provinces(con)
    publisher = con.execute(db.sql("publisher_by_index"), {"index_code": index_code}).fetchone()[0]
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    national = rows["province_code"].eq("") & rows["province"].str.startswith("TOÀN QUỐC")
    values = _values(rows[~national], catalogue, provinces)
    averages = _averages(rows[national])
    releases = []
    for year, group in rows.groupby("year"):
        documents = " ; ".join(sorted({s.split(" [")[0] for s in group["source"]}))
        source = store.Source(publisher, documents, "", f"seed/{path.name}", digest, "seed")
        year_values = values[values["year"] == year].drop(columns="year")
        cover = store.coverage(year_values, provinces, int(year))
        year_averages = averages[averages["year"] == year].drop(columns="year")
        releases.append(
            store.Release(index_code, int(year), year_values, year_averages, source, cover)
        )
    store.write_releases(con, releases)
    return len(releases)


def _averages(rows: pd.DataFrame) -> pd.DataFrame:
    """National averages as published, under the indicator they average."""
    return rows.assign(
        scope="national",
        indicator=rows["indicator"].str.removesuffix("_average"),
        value=rows["score"].astype(float),
    )[["year", "scope", "indicator", "value", "source"]]


def _values(rows: pd.DataFrame, catalogue: Indicators, provinces: Provinces) -> pd.DataFrame:
    """Values by year, province and indicator: the publisher's file first, the press fills gaps."""
    years = rows["year"].astype(int)
    headline = {year: catalogue.headline(year).indicator for year in years.unique()}
    rows = rows.assign(
        province_code=[
            _unit_code(provinces, *cells)
            for cells in zip(rows["province_code"], rows["province"], years, strict=True)
        ],
        indicator=rows["indicator"].where(rows["indicator"] != NEWS_TOTAL, years.map(headline)),
        press=rows["source"].str.startswith("http"),
    )
    rows["value"] = [
        _seed_value(r, catalogue)
        for r in rows[["year", "province", "indicator", "score"]].itertuples()
    ]
    rows["rank"] = pd.to_numeric(rows["rank"].replace("", None)).astype("Int64")
    return _merge(rows.sort_values("press", kind="stable"))


def _unit_code(provinces: Provinces, code: str, name: str, year: int) -> str:
    unit = provinces.by_code(code, year) if code else provinces.resolve(name, year)
    return unit.province_code


def _seed_value(row, catalogue: Indicators) -> float | None:
    """The value, or None with a note when it lies outside the indicator's valid range."""
    if row.score == "":
        return None
    value, item = float(row.score), catalogue.items[row.indicator]
    if item.valid_min is not None and not item.valid_min <= value <= item.valid_max:
        print(
            f"seed: {row.year} {row.province} {row.indicator} = {row.score} is outside "
            f"{item.valid_min:g}..{item.valid_max:g}; kept as missing",
            file=sys.stderr,
        )
        return None
    return value


def _merge(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per province and indicator: the first value and the first rank, each with its source.

    Rows come with the publisher's file first, so a press figure only fills a gap; a second
    value for the same cell stays in the provenance as "also reported".
    """
    slot = ["year", "province_code", "indicator"]
    first = rows.groupby(slot, sort=False)["source"].first().rename("first_source")
    valued = rows[rows["value"].notna()].groupby(slot, sort=False)
    value = valued.agg(value=("value", "first"), source=("source", "first"))
    with_value = rows[rows["value"].notna()]
    extra = with_value[with_value.groupby(slot, sort=False).cumcount() > 0]
    also = (
        (" | also reported as " + extra["score"] + ": " + extra["source"])
        .groupby([extra[column] for column in slot])
        .agg("".join)
        .rename("also")
    )
    rank = (
        rows[rows["rank"].notna()]
        .groupby(slot, sort=False)
        .agg(rank=("rank", "first"), rank_source=("source", "first"))
    )
    out = pd.concat([first, value, also, rank], axis=1).reset_index()
    out["source"] = out["source"].fillna(out["first_source"]) + out["also"].fillna("")
    return out.drop(columns=["first_source", "also"])

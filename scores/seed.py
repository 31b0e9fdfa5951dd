"""Building the database from data/: the catalogue, the provinces and the seed releases."""

import hashlib
import os
import sys
from pathlib import Path

import duckdb
import pandas as pd

from scores import db, store
from scores.catalog import Indicators, Provinces
from scores.config import DATA_DIR, SEED_DIR
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
        counts = {code: seed_index(con, code, data_dir / "seed" / name) for code, name in SEED_FILES.items()}
    finally:
        con.close()
    Path(str(path) + ".wal").unlink(missing_ok=True)
    os.replace(partial, path)
    return counts


def _csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


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
        {"index_code": row.index_code, "indicator": row.indicator, "alias": alias, "alias_key": key(alias)}
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
    """One release per year of a seed file; returns how many releases were written."""
    rows = _csv(path)
    catalogue, provinces = Indicators(con, index_code), Provinces(con)
    publisher = con.execute("SELECT publisher_en FROM indices WHERE index_code = $c", {"c": index_code}).fetchone()[0]
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    for year, group in rows.groupby("year"):
        year = int(year)
        values, averages = _year_values(group, year, catalogue, provinces)
        values = store.with_ranks(values, catalogue, provinces, year)
        documents = " ; ".join(sorted({s.split(" [")[0] for s in group["source_url_or_repo_path"]}))
        source = store.Source(publisher, documents, "", f"seed/{path.name}", digest, "seed")
        cover = store.coverage(values, provinces, year)
        store.write_release(con, index_code, year, values, averages, source, cover)
    return rows["year"].nunique()


def _year_values(group: pd.DataFrame, year: int, catalogue: Indicators, provinces: Provinces):
    """Values by province and indicator; the publisher's file first, the press completing it."""
    national = group["province_code"].eq("") & group["province"].str.startswith("TOÀN QUỐC")
    averages = pd.DataFrame({
        "scope": "national", "indicator": group.loc[national, "indicator"].str.removesuffix("_average"),
        "value": group.loc[national, "score"].astype(float), "source": group.loc[national, "source_url_or_repo_path"],
    })
    merged: dict[tuple[str, str], dict] = {}
    press_last = group[~national].assign(press=lambda g: g["source_url_or_repo_path"].str.startswith("http"))
    for row in press_last.sort_values("press", kind="stable").itertuples():
        indicator = catalogue.headline(year).indicator if row.indicator == NEWS_TOTAL else row.indicator
        unit = provinces.by_code(row.province_code, year) or provinces.resolve(row.province, year)
        value = _seed_value(row, indicator, catalogue)
        _merge(merged, (unit.province_code, indicator), value, row)
    return pd.DataFrame(list(merged.values())), averages


def _seed_value(row, indicator: str, catalogue: Indicators) -> float | None:
    """The value, or None with a note when it lies outside the indicator's valid range."""
    if row.score == "":
        return None
    value, item = float(row.score), catalogue.items[indicator]
    if item.valid_min is not None and not item.valid_min <= value <= item.valid_max:
        print(f"seed: {row.year} {row.province} {indicator} = {row.score} is outside "
              f"{item.valid_min:g}..{item.valid_max:g}; kept as missing", file=sys.stderr)
        return None
    return value


def _merge(merged: dict, slot: tuple[str, str], value: float | None, row) -> None:
    rank = int(row.rank) if row.rank else None
    found = merged.setdefault(slot, {"province_code": slot[0], "indicator": slot[1], "value": None,
                                     "rank": None, "source": None, "rank_source": None})
    if found["value"] is None and value is not None:
        found["value"], found["source"] = value, row.source_url_or_repo_path
    elif value is not None:
        found["source"] += f" | also reported as {row.score}: {row.source_url_or_repo_path}"
    if found["rank"] is None and rank is not None:
        found["rank"], found["rank_source"] = rank, row.source_url_or_repo_path
    if found["source"] is None:
        found["source"] = row.source_url_or_repo_path

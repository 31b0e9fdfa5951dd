"""The reference tables of the database from data/: the catalogue, the units and their
spellings, weights, breaks, coverage, the release calendar and the seed targets."""

from pathlib import Path

import duckdb
import pandas as pd

from scores import db
from scores.text import key, province_key, unit_name_key


def _csv(path: Path) -> pd.DataFrame:
    """A data/ file as text cells (empty cells stay empty strings)."""
    return pd.read_csv(path, dtype=object, keep_default_na=False, encoding="utf-8")


def load_reference(con: duckdb.DuckDBPyConnection, data_dir: Path) -> None:
    """Indices, provinces and aliases, the indicator catalogue, weights, breaks, what each
    publisher covers and when it releases, new targets."""
    _insert(con, "indices", _csv(data_dir / "indices.csv"))
    _insert(con, "index_rules", _csv(data_dir / "index_rules.csv"))
    _insert(con, "provinces", _csv(data_dir / "provinces.csv"))
    _insert(con, "regions", _csv(data_dir / "regions.csv"))
    _insert(con, "city_units", _csv(data_dir / "city_units.csv"))
    city_aliases = _csv(data_dir / "city_unit_aliases.csv")
    _insert(
        con,
        "city_unit_aliases",
        city_aliases.assign(alias_key=city_aliases["alias"].map(unit_name_key)),
    )
    aliases = _csv(data_dir / "province_aliases.csv")
    _insert(con, "province_aliases", aliases.assign(alias_key=aliases["alias"].map(province_key)))
    indicators = _csv(data_dir / "indicators.csv")
    _insert(con, "indicators", indicators.drop(columns=["aliases"]))
    _insert(con, "indicator_aliases", _indicator_aliases(indicators))
    _insert(con, "indicator_weights", _csv(data_dir / "indicator_weights.csv"))
    _insert(con, "methodology_breaks", _csv(data_dir / "methodology_breaks.csv"))
    _insert(con, "publisher_coverage", _csv(data_dir / "publisher_coverage.csv"))
    _insert(con, "release_calendar", _csv(data_dir / "release_calendar.csv"))
    _insert(con, "average_scopes", _csv(data_dir / "average_scopes.csv"))
    _add_seed_targets(con, _csv(data_dir / "targets.csv"))


# A seed target is the same target as a stored one when these agree; an administrator's edit of
# its threshold, years or basis is then kept, never overwritten by the file.
TARGET_KEY = ["province_code", "index_code", "indicator", "kind"]


def _add_seed_targets(con: duckdb.DuckDBPyConnection, targets: pd.DataFrame) -> None:
    """Insert the targets of data/targets.csv that the database does not hold yet."""
    held = db.query(con, "target_keys_by_target").astype(str)
    new = targets.merge(held, on=TARGET_KEY, how="left", indicator=True)
    new = new[new["_merge"] == "left_only"].drop(columns="_merge")
    if new.empty:
        return
    first = con.execute(db.sql("next_target_id")).fetchall()[0][0]
    new.insert(0, "target_id", [str(i) for i in range(first, first + len(new))])
    _insert(con, "targets", new.assign(updated_by="seed"))


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
    "index_rules": "INSERT INTO index_rules BY NAME SELECT * FROM incoming",
    "provinces": "INSERT INTO provinces BY NAME SELECT * FROM incoming",
    "regions": "INSERT INTO regions BY NAME SELECT * FROM incoming",
    "province_aliases": "INSERT INTO province_aliases BY NAME SELECT * FROM incoming",
    "indicators": "INSERT INTO indicators BY NAME SELECT * FROM incoming",
    "indicator_aliases": "INSERT INTO indicator_aliases BY NAME SELECT * FROM incoming",
    "indicator_weights": "INSERT INTO indicator_weights BY NAME SELECT * FROM incoming",
    "methodology_breaks": "INSERT INTO methodology_breaks BY NAME SELECT * FROM incoming",
    "targets": "INSERT INTO targets BY NAME SELECT * FROM incoming",
    "publisher_coverage": "INSERT INTO publisher_coverage BY NAME SELECT * FROM incoming",
    "release_calendar": "INSERT INTO release_calendar BY NAME SELECT * FROM incoming",
    "city_units": "INSERT INTO city_units BY NAME SELECT * FROM incoming",
    "city_unit_aliases": "INSERT INTO city_unit_aliases BY NAME SELECT * FROM incoming",
    "average_scopes": "INSERT INTO average_scopes BY NAME SELECT * FROM incoming",
}


def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    """Insert a frame of text cells by column name; empty cells become NULL."""
    con.register("incoming", frame.replace({"": None}))
    try:
        con.execute(REFERENCE_INSERTS[table])
    finally:
        con.unregister("incoming")

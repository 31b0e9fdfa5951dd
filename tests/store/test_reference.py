"""The reference tables loaded from data/: every row of each file, aliases keyed, and the seed
targets added only where the database does not hold them (an edit is kept)."""

import csv

import pytest

from scores import db
from scores.config import DATA_DIR
from scores.store.reference import load_reference


def rows_of(name: str) -> list[dict]:
    with (DATA_DIR / name).open(encoding="utf-8") as file:
        return list(csv.DictReader(file))


@pytest.mark.parametrize(
    "table",
    ["indices", "index_rules", "provinces", "regions", "city_units", "indicators",
     "indicator_weights", "methodology_breaks", "publisher_coverage", "release_calendar"],
)  # fmt: skip
def test_each_reference_table_holds_every_row_of_its_file(ro, table):
    stored = ro.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608 (literal list)
    assert stored == len(rows_of(f"{table}.csv"))


def test_every_printed_alias_of_an_indicator_is_a_row_of_its_own(ro):
    expected = sum(
        len([a for a in r["aliases"].split("|") if a]) for r in rows_of("indicators.csv")
    )
    assert ro.execute("SELECT count(*) FROM indicator_aliases").fetchone()[0] == expected


def test_a_reload_adds_no_seed_target_twice_and_keeps_an_edit(con):
    con.execute("UPDATE targets SET threshold = 7, updated_by = 'admin' WHERE target_id = 1")
    before = con.execute("SELECT count(*) FROM targets").fetchone()[0]
    con.execute(db.sql("drop_reference_tables"))
    db.create_schema(con)
    load_reference(con, DATA_DIR)
    after = con.execute("SELECT count(*) FROM targets").fetchone()[0]
    kept = con.execute("SELECT threshold, updated_by FROM targets WHERE target_id = 1").fetchone()
    assert (after, kept) == (before, (7.0, "admin"))
    assert before == len(rows_of("targets.csv"))

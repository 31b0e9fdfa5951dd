"""scores/formulas.py and indices as data: how a year's total is made of its components (weighted,
dimensions, points, or none), the years that have a formula; a new index is rows of data/ and its
total is checked with no code; the program names no index (its codes, its indicators) outside the
seed-file mapping."""

import ast
import re
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from conftest import assert_unchanged, snapshot

from scores import db
from scores.errors import ImportRefused
from scores.formulas import Formula, formula, simulable_years, table_for
from scores.store import releases as store
from scores.store.imports import import_file
from scores.store.reference import load_reference

ROOT = Path(__file__).resolve().parent.parent
SOURCE = store.Source("Synthetic publisher", "formulas", imported_by="tester")
# store/seed_releases.py maps each index to its seed files (SEED_FILES): the one place left.
EXCEPT = {"scores/store/seed_releases.py"}


def add_rows(path: Path, rows: list[dict]) -> None:
    """Append catalogue rows to a copy of one of data/'s CSV files, its columns as they are."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    pd.concat([frame, pd.DataFrame(rows)]).fillna("").to_csv(path, index=False)


@pytest.fixture
def with_new_index(con, tmp_path):
    """The built database with its reference tables rebuilt from data/ plus an index "CIVIC"
    given only as rows: a total on 0-20 that is the sum of two dimensions on 0-10."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("seed", "geo", "*.duckdb*"))
    add_rows(data / "indices.csv", [{"index_code": "CIVIC", "name_vi": "Chỉ số thử", "name_en":
             "Trial index", "short_vi": "CIVIC", "short_en": "CIVIC", "first_year": "2020",
             "unit_set": "province"}])  # fmt: skip
    add_rows(data / "index_rules.csv", [{"index_code": "CIVIC", "position": "9",
             "total_rule": "dimensions", "plan_default": "false"}])  # fmt: skip
    common = {"index_code": "CIVIC", "valid_min": "0", "higher_is_better": "true",
              "first_year": "2020", "aliases": ""}  # fmt: skip
    add_rows(
        data / "indicators.csv",
        [
            {**common, "indicator": "civic_total", "level": "total", "name_vi": "Tổng điểm thử",
             "name_en": "Trial total", "valid_max": "20", "headline": "true"},
            {**common, "indicator": "civic_a", "level": "component", "name_vi": "Nội dung A",
             "name_en": "Dimension A", "valid_max": "10", "headline": "false"},
            {**common, "indicator": "civic_b", "level": "component", "name_vi": "Nội dung B",
             "name_en": "Dimension B", "valid_max": "10", "headline": "false"},
        ],
    )  # fmt: skip
    con.execute(db.sql("drop_reference_tables"))
    db.create_schema(con)
    load_reference(con, data)
    return con


def civic_table(tmp_path: Path, hanoi_total: str) -> Path:
    path = tmp_path / "civic.csv"
    path.write_text(
        "Tỉnh/thành phố,Tổng điểm thử,Nội dung A,Nội dung B\n"
        f"Hà Nội,{hanoi_total},6.50,7.25\nHải Phòng,12.00,5.00,7.00\n",
        encoding="utf-8",
    )
    return path


def test_a_new_index_given_as_rows_of_data_has_its_total_checked(with_new_index, tmp_path):
    con = with_new_index
    before = snapshot(con)
    with pytest.raises(ImportRefused) as refused:
        import_file(con, civic_table(tmp_path, "16.75"), "CIVIC", 2024, SOURCE)  # 13.75 misread
    assert_unchanged(before, con)
    problems = [p for p in refused.value.problems if p.rule == "printed.total_mismatch"]
    assert [(p.row, p.column) for p in problems] == [(2, "Tổng điểm thử")]
    assert float(problems[0].detail["computed"]) == pytest.approx(13.75)


def test_a_new_index_total_that_its_dimensions_make_is_stored(with_new_index, tmp_path):
    import_file(with_new_index, civic_table(tmp_path, "13.75"), "CIVIC", 2024, SOURCE)
    stored = db.query(with_new_index, "values_by_province_indicator", index_code="CIVIC", year=2024)
    assert len(stored) == 6


def strings(tree: ast.AST) -> list[ast.Constant]:
    """Every string constant of a module that is not a docstring (docstrings may explain)."""
    docs = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
    ]


def naming(source: str, codes: set[str], indicators: set[str]) -> list[str]:
    """'line: text' for each string that names an index code (as a word) or is an indicator."""
    found = []
    for node in strings(ast.parse(source)):
        words = set(re.findall(r"[a-z0-9_]+", node.value.lower()))
        if words & codes or node.value in indicators:
            found.append(f"{node.lineno}: {node.value[:60]!r}")
    return found


def test_the_scan_finds_an_index_named_in_code():
    codes, indicators = {"pci", "par"}, {"par_index_total"}
    assert naming('if code == "PCI":\n    pass\n', codes, indicators) == ["1: 'PCI'"]
    assert naming('x = "par_index_total"\n', codes, indicators) == ["1: 'par_index_total'"]
    assert naming('"""PCI\'s weights, in a docstring."""\nx = "partial"\n', codes, indicators) == []


def test_no_code_names_an_index_or_an_indicator():
    codes = {c.lower() for c in pd.read_csv(ROOT / "data" / "indices.csv")["index_code"]}
    indicators = set(pd.read_csv(ROOT / "data" / "indicators.csv")["indicator"])
    files = [
        *(ROOT / "scores").rglob("*.py"),
        *(ROOT / "views").rglob("*.py"),
        ROOT / "dashboard.py",
    ]
    found = [
        f"{path.relative_to(ROOT)}:{hit}"
        for path in sorted(files)
        if path.relative_to(ROOT).as_posix() not in EXCEPT
        for hit in naming(path.read_text(encoding="utf-8"), codes, indicators)
    ]
    assert found == []


def catalogue(rows: list[tuple], rule: str | None) -> pd.DataFrame:
    """A synthetic indicators_by_index, its total_rule as data/index_rules.csv gives it."""
    columns = ["indicator", "parent", "level", "valid_max", "max_points", "first_year"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.assign(last_year=None, headline=frame["level"] == "total", total_rule=rule)


def test_an_index_without_published_components_has_no_formula():
    sipas = catalogue([("sipas_total", None, "total", 100, None, 2017)], None)
    assert formula(2024, sipas, pd.DataFrame(), {"sipas_total"}) is None
    par = catalogue(
        [
            ("par", None, "total", 100, None, 2012),
            ("par_sub", "par", "component", 13.5, 13.5, 2012),
        ],
        "points",
    )
    # One component of 13.5 points does not make up a total of 100.
    assert formula(2018, par, pd.DataFrame(), {"par", "par_sub"}) is None


def test_pci_formula_takes_the_weights_of_its_period():
    pci = catalogue(
        [("pci", None, "total", 100, None, 2005), ("a", "pci", "component", 10, None, 2005)],
        "weighted",
    )
    weights = pd.DataFrame({"indicator": ["a"], "weight": [20.0]})
    assert formula(2021, pci, weights, {"pci", "a"}) == Formula("pci", {"a": 2.0})
    assert formula(2021, pci, weights, {"pci"}) is None  # components not in the release
    unknown = pd.DataFrame({"indicator": ["a", "b"], "weight": [20.0, 5.0]})
    assert formula(2021, pci, unknown, {"pci", "a", "b"}) is None  # b has no scale in the year


def test_papi_formula_uses_the_dimensions_of_its_year():
    papi = catalogue(
        [
            ("t6", None, "total", 60, None, 2011),
            ("D1", None, "component", 10, None, 2011),
            ("D7", None, "component", 10, None, 2018),
            ("D1.1", "D1", "sub_component", 10, None, 2011),
        ],
        "dimensions",
    )
    papi.loc[0, "last_year"] = 2017
    assert formula(2017, papi, pd.DataFrame(), {"t6", "D1", "D1.1"}) == Formula("t6", {"D1": 1.0})


def test_simulable_years_are_those_with_a_formula_from_the_published_values(built_db):
    """Read from per-year counts; the same years as building every year's formula from the
    provinces' values (what the plan page did on every run)."""
    with duckdb.connect(str(built_db), read_only=True) as con:

        def load(name, **params):
            return db.query(con, name, **params)

        for index_code in ("PAR", "SIPAS", "PAPI", "PCI"):
            years = load("indicators_by_year", index_code=index_code)["year"].unique()
            slow = [
                int(y)
                for y in sorted(years, reverse=True)
                if table_for(load, index_code, int(y))[1]
            ]
            assert simulable_years(load, index_code) == slow, index_code
        assert simulable_years(load, "PCI")[:2] == [2021, 2020]  # components published to 2021
        assert simulable_years(load, "SIPAS") == []

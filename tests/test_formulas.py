"""Indices as data: a new index is rows of data/ and its total is checked with no code; the program
names no index (its codes, its indicators) outside the seed-file mapping."""

import ast
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from conftest import assert_unchanged, snapshot

from scores import db
from scores.errors import ImportRefused
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

"""Typed records are read by field everywhere: a renamed field fails here, before any page runs.

ruff does not check attribute names, so this is the lint: every `x.field` read on a record
(a parameter annotated with its type, or a name bound to the call that returns it) in scores/
and views/ must name a field of that record.
"""

import ast
from dataclasses import fields
from pathlib import Path

import pytest
from conftest import ROOT

from scores.analysis.standings import Standing
from scores.analysis.targets import Judged, RankGap
from scores.export.target_view import TargetView

RECORDS = {"Standing": Standing, "Judged": Judged, "RankGap": RankGap, "TargetView": TargetView}
# The calls that return each record (a function, or a method such as context.standing).
MAKERS = {
    "standing": Standing,
    "settle": Standing,
    "evaluate_target": Judged,
    "rank_gap": RankGap,
    "target_view": TargetView,
}
FILES = sorted([*(ROOT / "scores").rglob("*.py"), *(ROOT / "views").glob("*.py")])


def _maker(node: ast.AST) -> type | None:
    if not isinstance(node, ast.Call):
        return None
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    return MAKERS.get(name)


def _own(scope: ast.AST) -> list[ast.AST]:
    """The nodes of a scope, not those of the functions defined in it (their own scopes)."""
    nodes, todo = [], list(ast.iter_child_nodes(scope))
    while todo:
        node = todo.pop()
        nodes.append(node)
        if not isinstance(node, ast.FunctionDef | ast.Lambda | ast.ClassDef):
            todo.extend(ast.iter_child_nodes(node))
    return nodes


def reads(tree: ast.AST) -> list[tuple[int, str, type]]:
    """(line, field, record) of each attribute read on a record-typed name, scope by scope: a
    name is typed when every assignment to it in the scope is a call that returns the record."""
    found = []
    for scope in [tree, *(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef))]:
        typed, other = {}, set()
        if isinstance(scope, ast.FunctionDef):
            for arg in scope.args.args:
                if isinstance(arg.annotation, ast.Name) and arg.annotation.id in RECORDS:
                    typed[arg.arg] = RECORDS[arg.annotation.id]
        nodes = _own(scope)
        for node in nodes:
            if isinstance(node, ast.Assign | ast.For | ast.comprehension):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in (n for t in targets for n in ast.walk(t)):
                    if isinstance(target, ast.Name):
                        maker = isinstance(node, ast.Assign) and _maker(node.value)
                        (typed.__setitem__(target.id, maker) if maker else other.add(target.id))
        for node in nodes:
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                name = node.value.id
                if name in typed and name not in other:
                    found.append((node.lineno, node.attr, typed[name]))
    return found


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_record_read_names_a_field(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    wrong = [
        (line, name, record.__name__)
        for line, name, record in reads(tree)
        if name not in {f.name for f in fields(record)}
    ]
    assert wrong == [], wrong


def test_the_check_catches_a_renamed_field():
    source = "def f(found: Standing):\n    return found.rank_of\n"
    assert reads(ast.parse(source)) == [(2, "rank_of", Standing)]
    assert sum(len(reads(ast.parse(p.read_text(encoding="utf-8")))) for p in FILES) > 50

"""The house's layers as tests: Streamlit stays in its wing, nothing below store/ (nor analysis/,
charts/) imports it, no module in scores/ imports a layer above its own (imports read with ast)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Lowest first. A module may import its own layer and those before it, never one after it.
LAYERS = (
    ("scores.text", "scores.sources", "scores.errors", "scores.config", "scores.i18n"),
    ("scores.catalog", "scores.indicators", "scores.db", "scores.formulas", "scores.roles"),
    ("scores.ingest",),
    ("scores.store",),
    ("scores.analysis",),
    ("scores.charts",),
    ("scores.export",),
    ("scores.app", "scores.__main__", "scores.cli"),
)
STREAMLIT_WING = ("dashboard", "views", "scores.app")
# What must never reach the writes: the layers under store/, and analysis/ and charts/, which come
# after it in the flow but are pure functions over what was read.
NO_WRITES = (*LAYERS[0], *LAYERS[1], "scores.ingest", "scores.analysis", "scores.charts")


def module_name(path: Path) -> str:
    """scores/ingest/readfile.py -> scores.ingest.readfile (a package is its folder's name)."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(source: str) -> set[str]:
    """Every module a source imports, anywhere in it (inside functions too); in
    `from scores import db` the names are modules (scores.db), in `from x.y import z` x.y is."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module == "scores":
            found |= {f"scores.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def within(module: str, prefixes: tuple[str, ...]) -> bool:
    """Whether a dotted name is one of the prefixes or inside one."""
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def layer(module: str) -> int | None:
    """The layer of a scores module; None for the package itself and for names outside it."""
    return next((i for i, names in enumerate(LAYERS) if within(module, names)), None)


def streamlit_outside_wing(module: str, source: str) -> list[str]:
    """'module imports streamlit' when a module outside the wing imports it."""
    if within(module, STREAMLIT_WING):
        return []
    uses = sorted(name for name in imported(source) if within(name, ("streamlit",)))
    return [f"{module} imports {name}" for name in uses]


def store_imported_below(module: str, source: str) -> list[str]:
    """'module imports scores.store...' when a module that must not write imports the writes."""
    if not within(module, NO_WRITES):
        return []
    return [
        f"{module} imports {name}"
        for name in sorted(imported(source))
        if within(name, ("scores.store",))
    ]


# Known upward imports, each with why it stands and what removes it: a debt listed, not hidden.
KNOWN_UPWARD: set[tuple[str, str]] = set()


def upward(module: str, source: str) -> list[str]:
    """'module (layer i) imports name (layer j)' for each import of a higher layer."""
    own = layer(module)
    if own is None:
        return []
    found = []
    for name in sorted(imported(source)):
        theirs = layer(name)
        if theirs is not None and theirs > own and (module, name) not in KNOWN_UPWARD:
            found.append(f"{module} (layer {own}) imports {name} (layer {theirs})")
    return found


def sources(*places: str) -> list[tuple[str, str]]:
    """(module name, source) of every Python file at the places (files or folders)."""
    files = []
    for place in places:
        path = ROOT / place
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return [(module_name(f), f.read_text(encoding="utf-8")) for f in files]


def test_every_module_of_scores_has_a_layer():
    unplaced = [m for m, _ in sources("scores") if m != "scores" and layer(m) is None]
    assert unplaced == []


def test_streamlit_only_in_dashboard_views_and_app():
    found = [
        v
        for m, s in sources("scores", "views", "dashboard.py")
        for v in streamlit_outside_wing(m, s)
    ]
    assert found == []


def test_nothing_below_store_imports_it():
    assert [v for m, s in sources("scores") for v in store_imported_below(m, s)] == []


def test_no_module_in_scores_imports_upward():
    assert [v for m, s in sources("scores") for v in upward(m, s)] == []


@pytest.mark.parametrize(
    ("rule", "module", "source"),
    [
        (streamlit_outside_wing, "scores.charts.base", "import streamlit as st"),
        (streamlit_outside_wing, "scores.analysis.gap", "from streamlit import session_state"),
        (store_imported_below, "scores.ingest.readfile", "from scores.store import audit"),
        (store_imported_below, "scores.analysis.gap", "from scores.store.releases import Source"),
        (store_imported_below, "scores.i18n", "def f():\n    import scores.store.targets"),
        (upward, "scores.i18n", "from scores.ingest.errors import Problem"),
        (upward, "scores.export.slide_kinds", "from scores.app import cache"),
        (upward, "scores.charts.plan", "from scores import export"),
        (upward, "scores.db", "from scores.catalog import Provinces\nfrom scores import analysis"),
    ],
)
def test_each_rule_catches_a_broken_import(rule, module, source):
    assert len(rule(module, source)) == 1


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("scores.app.cache", "import streamlit as st\nfrom scores.store import seed"),
        ("scores.store.targets", "from scores.indicators import Indicators\nfrom scores import db"),
        ("scores.export.slide_kinds", "from scores.store.actions import STATUSES"),
        ("scores.i18n", "from scores.errors import Problem"),
    ],
)
def test_allowed_imports_pass_every_rule(module, source):
    rules = (streamlit_outside_wing, store_imported_below, upward)
    assert [v for rule in rules for v in rule(module, source)] == []


def mirrored_test(module: Path) -> Path:
    """scores/ingest/grid.py -> tests/ingest/test_grid.py; scores/db.py -> tests/test_db.py."""
    relative = module.relative_to(ROOT / "scores")
    return ROOT / "tests" / relative.parent / f"test_{relative.name}"


def unmirrored() -> set[str]:
    """Every module of scores/ (packages' __init__ aside) whose mirrored test file is missing."""
    modules = (p for p in (ROOT / "scores").rglob("*.py") if p.name != "__init__.py")
    return {
        str(p.relative_to(ROOT / "scores").with_suffix(""))
        for p in modules
        if not mirrored_test(p).exists()
    }


def test_every_module_has_its_mirrored_test_file():
    # A new module comes with its file: tests/<folder>/test_<module>.py.
    assert sorted(unmirrored()) == []

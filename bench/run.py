"""Performance benchmark: build, import of a full 63-province release, warm page runs.

Run with `make bench`. Prints one line per measurement (median of several runs) and writes
the same as JSON to bench/results/latest.json.
"""

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from conftest import publisher_table  # noqa: E402

from scores import db  # noqa: E402
from scores.ingest import seed, store  # noqa: E402
from scores.ingest.importer import import_file  # noqa: E402

PAGES = {
    "overview": {},
    "rankings": {"index": "PCI", "year": "2016"},
    "targets": {},
    "components": {"index": "PCI", "year": "2016"},
}


def timed(action, repeat: int) -> float:
    """Median wall time of action() over repeat runs, in seconds."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def bench_build(work: Path) -> float:
    return timed(lambda: seed.build(work / "built.duckdb"), 3)


def bench_import(work: Path) -> float:
    con = db.connect(work / "built.duckdb")
    table = publisher_table(con, "PCI", 2016).rename(columns={"PCI (có trọng số)": "PCI 2016"})
    upload = work / "pci_2016.csv"
    upload.write_text("CHỈ SỐ PCI 2016\n\n" + table.to_csv(index=False), encoding="utf-8")
    source = store.Source("VCCI", "benchmark", imported_by="bench")
    seconds = timed(lambda: import_file(con, upload, "PCI", 2016, source), 5)
    con.close()
    return seconds


def bench_pages(work: Path) -> dict[str, float]:
    from streamlit.testing.v1 import AppTest

    os.environ["SCORES_DB"] = str(work / "built.duckdb")
    results = {}
    for page, params in PAGES.items():
        app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
        app.query_params.update(params)
        app.switch_page(f"views/{page}.py").run()
        assert not app.exception, page
        results[page] = timed(app.run, 10)
    return results


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        results = {"build_s": bench_build(work), "import_63_provinces_s": bench_import(work)}
        results.update({f"page_{k}_warm_s": v for k, v in bench_pages(work).items()})
    for name, seconds in results.items():
        print(f"{name:32s} {seconds * 1000:8.0f} ms")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()

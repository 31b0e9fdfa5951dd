"""The printed-table step of `make bench` (issue 20): a 3-page text PDF and a 3-page scan
imported from file to commit as the command line does it, each in a fresh process so its peak
memory (the process and its largest child: tesseract) is its own.

Run alone: python -m bench.printed [--repeat N]; one reading: python -m bench.printed KIND PATH DB
"""

import argparse
import json
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRINTED = ROOT / "tests" / "data" / "printed"
KINDS = {"pdf": "pdf_3p", "scan": "scan_3p"}  # what was read -> its keys' prefix


def files(folder: Path, kinds: tuple[str, ...]) -> dict[str, Path]:
    """The 3-page PCI 2016 annex as printed (text layer) and as scanned (made once here)."""
    sys.path.insert(0, str(PRINTED))
    import scan

    scanned = folder / "pci_2016_scan.pdf"
    if "scan" in kinds and not scanned.exists():
        shutil.copy(PRINTED / "pci_2016.pdf", folder / "pci_2016.pdf")
        scan.write_scans(folder)
    return {
        k: v for k, v in {"pdf": PRINTED / "pci_2016.pdf", "scan": scanned}.items() if k in kinds
    }


def once(path: Path, database: Path) -> dict[str, float]:
    """One import of the file into the database (in this process): wall ms and peak MB."""
    from scores import db
    from scores.errors import ImportRefused
    from scores.store import releases as store
    from scores.store.imports import import_file

    source = store.Source("VCCI", "benchmark", imported_by="bench")
    start, doubts = time.perf_counter(), 0
    with db.connect(database) as con:
        try:
            import_file(con, path, "PCI", 2016, source, partial=True)
        except ImportRefused as refused:  # a scan's doubtful cells, shown for a person to type
            doubts = len(refused.problems)
    ms = (time.perf_counter() - start) * 1000
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss is in KiB on Linux
    return {"ms": ms, "peak_mb": max(own, child) / 1024, "problems": doubts}


def measure(
    built: Path, folder: Path, repeat: int = 1, kinds: tuple[str, ...] = tuple(KINDS)
) -> dict[str, float]:
    """Each kind imported `repeat` times, each time a fresh process on a fresh copy of the
    built database: the median time and the highest peak memory, by key."""
    found: dict[str, float] = {}
    for kind, path in files(folder, kinds).items():
        runs = []
        for n in range(repeat):
            work = folder / f"{kind}_{n}.duckdb"
            shutil.copy(built, work)
            command = [sys.executable, "-m", "bench.printed", kind, str(path), str(work)]
            done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
            work.unlink(missing_ok=True)
        found[f"{KINDS[kind]}_ms"] = sorted(r["ms"] for r in runs)[len(runs) // 2]
        found[f"{KINDS[kind]}_peak_mb"] = max(r["peak_mb"] for r in runs)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", nargs="*", help="KIND PATH DB: one reading (internal)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    if args.what:
        _, path, database = args.what
        print(json.dumps(once(Path(path), Path(database))))
        return 0
    sys.path[:0] = [str(ROOT)]
    from bench.run import OUT, bench_build

    OUT.mkdir(exist_ok=True)
    built = OUT / "built.duckdb"
    if not built.exists():
        bench_build(built, 1)
    print(json.dumps(measure(built, OUT, args.repeat), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

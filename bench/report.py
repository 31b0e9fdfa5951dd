"""The benchmark's table, its targets (issue #12) with pass or fail, and the closing BENCH line."""

KEYS = (
    "floor_ms",
    "worst_page_ms",
    "worst_page_100x_ms",
    "import_63_ms",
    "import_700_ms",
    "build_ms",
    "load_p95_ms",
    "floor_load_p95_ms",
    "load_errors",
    "peak_rss_mb",
    "pdf_3p_ms",
    "pdf_3p_peak_mb",
    "scan_3p_ms",
    "scan_3p_peak_mb",
    "brief_ms",
)

# (what, measured key, limit: a number, or (factor, key of the measure it is a multiple of))
TARGETS = (
    ("worst page <= 1.5 x floor", "worst_page_ms", (1.5, "floor_ms")),
    ("worst page at 100x <= 1.5 x at 1x", "worst_page_100x_ms", (1.5, "worst_page_ms")),
    ("first view after start <= 2 x floor's", "first_view_ms", (2, "floor_first_view_ms")),
    ("load p95 <= 1.5 x floor's load p95", "load_p95_ms", (1.5, "floor_load_p95_ms")),
    ("load errors = 0", "load_errors", 0),
    ("import of 63 provinces <= 500 ms", "import_63_ms", 500),
    ("server peak RSS <= 600 MB", "peak_rss_mb", 600),
    ("brief (PPTX) <= 15 s", "brief_ms", 15_000),
    ("3-page text PDF import <= 5 s", "pdf_3p_ms", 5_000),
    ("3-page scan import <= 60 s", "scan_3p_ms", 60_000),
)


def summary(real: dict, floor: dict, x100: dict) -> dict[str, float]:
    """The measures the targets and the BENCH line read, from the three servers' results."""
    return {
        "floor_ms": max(ms for ms, _ in floor["pages"].values()),
        "worst_page_ms": max(ms for ms, _ in real["pages"].values()),
        "worst_page_100x_ms": max(ms for ms, _ in x100["pages"].values()),
        "first_view_ms": real["first_view_ms"],
        "floor_first_view_ms": floor["first_view_ms"],
        "load_p95_ms": real["load"].p95(),
        "floor_load_p95_ms": floor["load"].p95(),
        "load_errors": len(real["load"].errors) + len(floor["load"].errors),
        "peak_rss_mb": real["peak_rss_mb"],
        "peak_rss_100x_mb": x100["peak_rss_mb"],
        "floor_peak_rss_mb": floor["peak_rss_mb"],
    }


def verdict(found: dict, key: str, limit: object) -> tuple[str, str]:
    """(the limit as text, PASS / FAIL / NA) for one target."""
    if isinstance(limit, tuple):
        factor, base = limit
        limit = None if found.get(base) is None else factor * found[base]
    if found.get(key) is None or limit is None:
        return "-", "NA"
    return f"{limit:.0f}", "PASS" if found[key] <= limit else "FAIL"


def _value(value: object) -> str:
    return "NA" if value is None else f"{value:.0f}"


def table(found: dict, real: dict, floor: dict, x100: dict, info: dict) -> str:
    """Every page's median, the load, the other measures, then every target with its verdict."""
    lines = [f"{'page':24s} {'1x ms':>8s} {'100x ms':>8s} {'charts':>6s}"]
    for name, (ms, shape) in real["pages"].items():
        big = x100["pages"].get(name, (None, None))[0]
        lines.append(f"{name:24s} {ms:8.0f} {_value(big):>8s} {shape.plots:6d}")
    for name, (ms, shape) in floor["pages"].items():
        lines.append(f"{name + ' (floor app)':24s} {ms:8.0f} {'':>8s} {shape.plots:6d}")
    lines.append("")
    for key in (*KEYS, "first_view_ms", "floor_first_view_ms", "peak_rss_100x_mb"):
        lines.append(f"{key:24s} {_value(found.get(key)):>8s}")
    lines.append(f"{'synthetic 100x':24s} {info.get('x100')}")
    for errors in (real["load"].errors, floor["load"].errors):
        lines.extend(f"  load error: {error}" for error in errors[:5])
    lines.append("")
    lines.append(f"{'target':40s} {'measured':>9s} {'limit':>9s}  verdict")
    for what, key, limit in TARGETS:
        shown, result = verdict(found, key, limit)
        lines.append(f"{what:40s} {_value(found.get(key)):>9s} {shown:>9s}  {result}")
    return "\n".join(lines)


def bench_line(found: dict) -> str:
    """The last line of `make bench`, in the exact form the issue gives (NA where not measured)."""
    return "BENCH " + " ".join(f"{key}={_value(found.get(key))}" for key in KEYS)

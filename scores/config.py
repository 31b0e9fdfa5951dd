"""Where things live: the one place that chooses the database location."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
QUERY_DIR = ROOT / "queries"
# The one statement of the upload limit; .streamlit/config.toml repeats it for the server (a
# test checks they agree) and messages show it through {limit}.
MAX_UPLOAD_MB = 20
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024
# Bounds on what a file may unfold into, checked before or while reading so that a small hostile
# file is answered in seconds and bounded memory. A real release is 35-63 provinces by a few
# hundred indicators (long format: a row per province and indicator), far inside these.
MAX_ROWS = 20_000
MAX_COLUMNS = 500
MAX_CELL_CHARS = 2_000
MAX_XLSX_EXPANDED_MB = 100  # the sum of the sizes the zip declares for its parts
# Printed tables (PDF, scans, images): a report's annex is a few pages of A4; a page side over
# MAX_PAGE_POINTS (about 1.8 m) or an image over MAX_PIXELS is a bomb, not a report.
MAX_PDF_PAGES = 500  # pages the file may declare
MAX_PAGES_READ = 20  # pages one import may read
MAX_PAGE_POINTS = 5_000
MAX_PIXELS = 60_000_000  # a page image as rendered or decoded (A4 at 300 dpi: 8.7 million)
MAX_READ_SECONDS = 120  # reading the chosen pages, OCR included
MAX_NAME_PICKS = 50  # unknown province names offered a pick box on the Data page
# The administrator password fallback is refused (sign-in stays off) when shorter than this.
MIN_PASSWORD_LENGTH = 12


def db_path(explicit: str | os.PathLike | None = None) -> Path:
    """The database file: --db if given, else $SCORES_DB, else data/scores.duckdb."""
    chosen = explicit or os.environ.get("SCORES_DB") or DATA_DIR / "scores.duckdb"
    return Path(chosen)

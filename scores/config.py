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


def db_path(explicit: str | os.PathLike | None = None) -> Path:
    """The database file: --db if given, else $SCORES_DB, else data/scores.duckdb."""
    chosen = explicit or os.environ.get("SCORES_DB") or DATA_DIR / "scores.duckdb"
    return Path(chosen)

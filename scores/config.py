"""Where things live: the one place that chooses the database location."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
SEED_DIR = DATA_DIR / "seed"
QUERY_DIR = ROOT / "queries"
UPLOAD_DIR = DATA_DIR / "uploads"
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def db_path(explicit: str | os.PathLike | None = None) -> Path:
    """The database file: --db if given, else $SCORES_DB, else data/scores.duckdb."""
    chosen = explicit or os.environ.get("SCORES_DB") or DATA_DIR / "scores.duckdb"
    return Path(chosen)

"""When a change is notable: the catalogue's threshold per index and level, with its basis."""

from functools import cache

import pandas as pd

from scores.config import DATA_DIR
from scores.i18n import lang_column

FILE = DATA_DIR / "notable_changes.csv"


@cache
def thresholds() -> pd.DataFrame:
    """data/notable_changes.csv indexed by (index_code, level): points, basis_vi, basis_en."""
    return pd.read_csv(FILE, dtype={"index_code": str, "level": str}).set_index(
        ["index_code", "level"]
    )


def threshold(index_code: str, level: str) -> float:
    """The smallest change, in points, called notable (0: every change, no threshold kept)."""
    found = thresholds()
    return (
        float(found.loc[(index_code, level), "points"])
        if (index_code, level) in found.index
        else 0.0
    )


def basis(index_code: str, level: str, lang: str) -> str:
    """Where the threshold comes from, in the language (empty when none is kept)."""
    found = thresholds()
    key = (index_code, level)
    return str(found.loc[key, lang_column("basis", lang)]) if key in found.index else ""


def notable(change: float | None, index_code: str, level: str) -> bool:
    """Whether a change reaches the threshold (a missing change never does)."""
    return (
        change is not None
        and not pd.isna(change)
        and abs(change) >= threshold(index_code, level) - 1e-9
    )

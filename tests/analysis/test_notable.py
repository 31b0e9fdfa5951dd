"""Notable changes: threshold and basis per index and level (data/notable_changes.csv)."""

import csv

import pytest

from scores.analysis.notable import basis, notable, threshold
from scores.config import DATA_DIR

ROWS = list(csv.DictReader((DATA_DIR / "notable_changes.csv").open(encoding="utf-8")))


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['index_code']}-{r['level']}" for r in ROWS])
def test_each_threshold_and_basis_is_the_files(row):
    index_code, level = row["index_code"], row["level"]
    assert threshold(index_code, level) == float(row["points"])
    assert basis(index_code, level, "vi") == row["basis_vi"]
    assert basis(index_code, level, "en") == row["basis_en"]


def test_a_change_at_the_threshold_is_notable_and_one_just_under_is_not():
    row = next(r for r in ROWS if float(r["points"]) > 0)
    points = float(row["points"])
    assert notable(points, row["index_code"], row["level"])
    assert notable(-points, row["index_code"], row["level"])
    assert not notable(points - 0.01, row["index_code"], row["level"])


def test_a_missing_change_is_never_notable_and_an_unlisted_level_has_no_threshold():
    assert not notable(None, "PAR", "total") and not notable(float("nan"), "PAR", "total")
    assert (threshold("PAR", "no_such_level"), basis("PAR", "no_such_level", "vi")) == (0.0, "")
    assert notable(0.001, "PAR", "no_such_level")

"""Comparing a new release with the current one."""

import pandas as pd

from scores.analysis.diff import compare, summary

CURRENT = pd.DataFrame(
    {
        "province_code": ["01", "48", "79"],
        "indicator": ["pci"] * 3,
        "value": [60.74, 70.0, None],
        "rank": pd.array([14, 1, 8], dtype="Int64"),
    }
)


def test_new_changed_removed_and_same():
    incoming = pd.DataFrame(
        {
            "province_code": ["01", "48", "31"],
            "indicator": ["pci"] * 3,
            "value": [61.0, 70.0, 60.1],
            "rank": pd.array([12, 1, 21], dtype="Int64"),
        }
    )
    diff = compare(CURRENT, incoming)
    assert diff[["province_code", "status"]].values.tolist() == [
        ["01", "changed"],
        ["31", "new"],
        ["48", "same"],
        ["79", "removed"],
    ]
    assert round(diff.loc[0, "change"], 2) == 0.26
    assert summary(diff) == {"new": 1, "changed": 1, "removed": 1, "same": 1}


def test_an_identical_release_is_all_same_and_inputs_untouched():
    before = CURRENT.copy()
    assert summary(compare(CURRENT, CURRENT.copy())) == {
        "new": 0,
        "changed": 0,
        "removed": 0,
        "same": 3,
    }
    pd.testing.assert_frame_equal(CURRENT, before)


def test_a_rank_change_alone_is_a_change():
    incoming = CURRENT.assign(rank=pd.array([13, 1, 8], dtype="Int64"))
    assert compare(CURRENT, incoming)["status"].tolist() == ["changed", "same", "same"]

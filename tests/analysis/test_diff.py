"""Comparing a new release with the current one, rounding told apart from real changes."""

import pandas as pd
import pytest

from scores.analysis.diff import compare, lacking_ranks, only_rounded, summary

CURRENT = pd.DataFrame(
    {
        "province_code": ["01", "48", "79"],
        "indicator": ["pci"] * 3,
        "value": [60.74, 70.0, None],
        "rank": pd.array([14, 1, 8], dtype="Int64"),
    }
)


def one(value: float, rank: int | None = 14) -> pd.DataFrame:
    """A one-value release of Hà Nội."""
    return pd.DataFrame(
        {
            "province_code": ["01"],
            "indicator": ["pci"],
            "value": [value],
            "rank": pd.array([rank], dtype="Int64"),
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
    assert summary(diff) == {"new": 1, "changed": 1, "rounded": 0, "removed": 1, "same": 1}


def test_an_identical_release_is_all_same_and_inputs_untouched():
    before = CURRENT.copy()
    assert summary(compare(CURRENT, CURRENT.copy())) == {
        "new": 0,
        "changed": 0,
        "rounded": 0,
        "removed": 0,
        "same": 3,
    }
    pd.testing.assert_frame_equal(CURRENT, before)


def test_a_rank_change_alone_is_a_change():
    incoming = CURRENT.assign(rank=pd.array([13, 1, 8], dtype="Int64"))
    assert compare(CURRENT, incoming)["status"].tolist() == ["changed", "same", "same"]


@pytest.mark.parametrize(
    ("stored", "printed", "decimals", "status"),
    [
        (60.7392, 60.74, 2, "rounded"),  # 0.0008 < half of 0.01
        (60.7392, 60.80, 2, "changed"),  # 0.0608: a real change, however it is printed
        (60.7392, 60.7, 1, "rounded"),
        (60.7392, 60.7400, 4, "changed"),  # printed to 4 decimals, 60.7392 would read 60.7392
        (60.745, 60.74, 2, "rounded"),  # exactly half a unit: rounding either way
        (60.745, 60.75, 2, "rounded"),
        (60.7451, 60.74, 2, "changed"),
        (60.74, 60.7392, 4, "changed"),  # the upload is the more precise one
        (60.4, 60.0, 0, "rounded"),  # a whole-number file
        (60.7, 60.0, 0, "changed"),
        (61.0, 61.0, 0, "same"),
        (60.7392, 60.74, None, "changed"),  # printed precision unknown (stored releases)
    ],
)
def test_a_difference_within_the_printed_precision_is_rounding(stored, printed, decimals, status):
    incoming = one(printed).assign(decimals=[decimals])
    assert compare(one(stored), incoming)["status"].tolist() == [status]


def test_rounded_values_keep_their_difference_and_inputs_untouched():
    incoming = one(60.74).assign(decimals=[2])
    before = incoming.copy()
    diff = compare(one(60.7392), incoming)
    assert round(diff.loc[0, "change"], 4) == 0.0008
    assert summary(diff)["rounded"] == 1
    pd.testing.assert_frame_equal(incoming, before)


def test_a_rounded_value_whose_rank_changed_is_changed():
    incoming = one(60.74, rank=13).assign(decimals=[2])
    assert compare(one(60.7392), incoming)["status"].tolist() == ["changed"]


def test_a_whole_number_file_against_a_precise_release():
    stored = pd.DataFrame(
        {
            "province_code": ["01", "31", "48"],
            "indicator": ["pci"] * 3,
            "value": [60.4, 59.5, 70.51],
            "rank": pd.array([None] * 3, dtype="Int64"),
        }
    )
    printed = stored.assign(value=[60.0, 60.0, 70.0], decimals=[0, 0, 0])
    diff = compare(stored, printed)
    # 59.5 -> 60 is half a unit (rounding); 70.51 -> 70 is more than half (a change).
    assert diff["status"].tolist() == ["rounded", "rounded", "changed"]


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ({"new": 0, "changed": 0, "rounded": 693, "removed": 0, "same": 0}, True),
        ({"new": 0, "changed": 0, "rounded": 5, "removed": 0, "same": 688}, True),
        ({"new": 0, "changed": 1, "rounded": 692, "removed": 0, "same": 0}, False),
        ({"new": 1, "changed": 0, "rounded": 692, "removed": 0, "same": 0}, False),
        ({"new": 0, "changed": 0, "rounded": 692, "removed": 1, "same": 0}, False),
        ({"new": 0, "changed": 0, "rounded": 0, "removed": 0, "same": 693}, False),
    ],
)
def test_only_rounded_means_a_restatement_with_fewer_decimals(counts, expected):
    assert only_rounded(counts) is expected


def test_a_two_decimal_table_without_component_ranks_changes_nothing(con, tmp_path):
    # PCI 2016 as a two-decimal table with only the total's rank: every value only rounded, and
    # the component ranks the file lacks named, not counted as 630 changed values.
    from conftest import publisher_table

    from scores import db
    from scores.ingest.importer import prepare

    table = publisher_table(con, "PCI", 2016).round(2)
    prepared = prepare(con, table.to_csv(index=False).encode(), "pci.csv", "PCI", 2016)
    current = db.query(con, "values_by_release", release_id=_current(con))
    changes = compare(current, prepared.parsed.values)
    counts = summary(changes)
    assert counts["changed"] == counts["new"] == counts["removed"] == 0
    assert counts["rounded"] > 600
    lacking = lacking_ranks(current, prepared.parsed.values)
    assert "pci_total_weighted" not in lacking  # the file prints the total's rank
    assert len(lacking) == 10 and "transparency" in lacking


def _current(con) -> int:
    return con.execute(
        "SELECT release_id FROM releases WHERE index_code = 'PCI' AND year = 2016"
        " AND status = 'current'"
    ).fetchone()[0]

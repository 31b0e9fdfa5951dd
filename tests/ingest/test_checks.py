"""The guards against misread figures, on CSV as on PDF: a total that its components do not make,
a rank that the scores do not give; the publisher's own rounding (PCI 2011) is not refused."""

import pandas as pd
import pytest
from conftest import assert_unchanged, publisher_table, snapshot

from scores.errors import ImportRefused
from scores.i18n import describe
from scores.ingest.checks import rank_problems
from scores.store import releases as store
from scores.store.imports import import_file

SOURCE = store.Source("VCCI", "checks", imported_by="tester")


def write(tmp_path, table, name="table.csv"):
    path = tmp_path / name
    table.to_csv(path, index=False)
    return path


def printed(table):
    """The table as a report prints it: every value to two decimals."""
    numbers = table.columns[2:-1]
    table[numbers] = table[numbers].round(2)
    return table


def test_a_total_that_its_components_do_not_make_is_refused_naming_the_row(con, tmp_path):
    table = printed(publisher_table(con, "PCI", 2016))
    hanoi = table.index[table["Tỉnh/thành phố"] == "Hà Nội"][0]
    table.loc[hanoi, "PCI (có trọng số)"] = 66.74  # 60,74 misread as 66,74
    before = snapshot(con)
    with pytest.raises(ImportRefused) as refused:
        import_file(con, write(tmp_path, table), "PCI", 2016, SOURCE)
    assert_unchanged(before, con)
    problems = [p for p in refused.value.problems if p.rule == "printed.total_mismatch"]
    assert [(p.row, p.column) for p in problems] == [(hanoi + 2, "PCI (có trọng số)")]
    assert "printed total is 66.74" in describe(problems[0], "en")
    # Recomputed from the components as printed (two decimals): within rounding of 60.74.
    assert abs(float(problems[0].detail["computed"]) - 60.74) <= 0.055


def test_a_misread_component_is_caught_by_the_total_too(con, tmp_path):
    table = printed(publisher_table(con, "PCI", 2016))
    table.loc[3, "Tính minh bạch"] = table.loc[3, "Tính minh bạch"] + 1  # one digit off
    with pytest.raises(ImportRefused) as refused:
        import_file(con, write(tmp_path, table), "PCI", 2016, SOURCE)
    assert [p.row for p in refused.value.problems if p.rule == "printed.total_mismatch"] == [5]


def test_totals_printed_to_two_decimals_from_rounded_components_pass(con, tmp_path):
    table = printed(publisher_table(con, "PCI", 2016))
    import_file(con, write(tmp_path, table), "PCI", 2016, SOURCE)


def test_the_papi_total_is_the_sum_of_its_dimensions(con, tmp_path):
    table = printed(publisher_table(con, "PAPI", 2021))
    table.loc[0, "PAPI tổng hợp (8 nội dung)"] += 0.5
    with pytest.raises(ImportRefused) as refused:
        import_file(con, write(tmp_path, table), "PAPI", 2021, SOURCE)
    assert [p.row for p in refused.value.problems if p.rule == "printed.total_mismatch"] == [2]


def test_pci_2011_as_the_publisher_rounded_it_is_accepted(con, tmp_path):
    # VCCI's 2011 sub-indices are rounded: their weighted sum misses the total by up to 0.55
    # points. The stored release shows that, so the same table is not refused for it.
    table = publisher_table(con, "PCI", 2011)
    import_file(con, write(tmp_path, table), "PCI", 2011, SOURCE)


def test_a_rank_that_the_scores_do_not_give_is_refused(con, tmp_path):
    table = printed(publisher_table(con, "PCI", 2016)).sort_values("Xếp hạng")
    table = table.reset_index(drop=True)
    table.loc[[0, 1], "Xếp hạng"] = table.loc[[1, 0], "Xếp hạng"].to_numpy()  # 1 and 2 swapped
    with pytest.raises(ImportRefused) as refused:
        import_file(con, write(tmp_path, table), "PCI", 2016, SOURCE)
    problems = [p for p in refused.value.problems if p.rule == "printed.rank_order"]
    assert [p.row for p in problems] == [3]  # ranked 1st while the 2nd scores higher
    assert "ranked 2" in describe(problems[0], "en")


@pytest.fixture
def fourth_to_sixth(ro) -> pd.DataFrame:
    """PCI 2016's 4th, 5th and 6th as published, the rows the checks read (row, province, value,
    rank), listed as a file would list them."""
    found = ro.execute(
        "SELECT p.name_vi AS province, s.value, s.rank FROM scores s"
        " JOIN releases r USING (release_id) JOIN provinces p ON p.province_code = s.province_code"
        " AND r.year BETWEEN p.valid_from AND coalesce(p.valid_to, 9999)"
        " WHERE r.index_code = 'PCI' AND r.year = 2016 AND r.status = 'current'"
        " AND s.indicator = 'pci_total_weighted' AND s.rank BETWEEN 4 AND 6 ORDER BY s.rank"
    ).df()
    return found.assign(indicator="pci_total_weighted", row=[5, 6, 7])


def test_two_rows_sharing_a_rank_are_no_crash_and_a_better_score_below_is_named(fourth_to_sixth):
    """Found by the property test: a tie listed lower score first made the check look for a row
    ranked after the tie that scores as the tie's other row does, and crash (IndexError). A tie
    ranks neither row above the other; a row ranked after both that scores better is named."""
    tie = fourth_to_sixth.iloc[[1, 0, 2]].assign(rank=[4, 4, 6])  # the 5th also 4th, listed first
    assert rank_problems(tie, {}, {}) == []
    better = tie.assign(value=[tie["value"].iloc[0], tie["value"].iloc[1], 70.0])
    named = rank_problems(better, {}, {"pci_total_weighted": "PCI (có trọng số)"})
    assert [(p.row, p.column, p.detail["other_rank"]) for p in named] == [
        (6, "PCI (có trọng số)", 6), (5, "PCI (có trọng số)", 6)
    ]  # fmt: skip

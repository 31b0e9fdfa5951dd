"""Tesseract's reads of a page (ingest/reads.py), the parts that need no tesseract: which
columns hold numbers, and the borders of the grid drawn for a table printed without rules."""

from scores.ingest.reads import _borders, numeric_column


def test_a_column_of_numbers_is_numeric_with_an_empty_cell_or_two():
    rows = [["STT", "Tỉnh", "PCI"], ["1", "Hà Nội", "60,74"], ["2", "Huế", ""], ["3", "", "59,1"]]
    assert numeric_column(rows, 0, 1) and numeric_column(rows, 2, 1)


def test_a_names_column_read_for_digits_is_not_numeric_for_its_stray_digits():
    """Read with a digits-only whitelist, names come out mostly empty with a few stray digits:
    empty cells count, so three stray digits in 21 rows do not make the column numeric."""
    rows = [["Tỉnh"]] + [[""]] * 18 + [[".6"], ["0"], ["6"]]
    assert not numeric_column(rows, 0, 1)


def test_merged_cells_do_not_count_either_way():
    rows = [["a"], ["1"], [None], [None], ["2"]]
    assert numeric_column(rows, 0, 1)


def test_borders_fall_halfway_between_spans_and_outside_the_table_box():
    columns = [(100.0, 140.0), (200.0, 300.0), (320.0, 360.0)]
    # The box starts left of the first column (a header) and the image ends at 365.
    assert _borders(columns, 90.0, 362.0, 365) == [84, 170, 310, 365]
    assert _borders(columns, 100.0, 360.0, 1000) == [94, 170, 310, 366]

"""Downloads: formula injection guarded, Vietnamese kept, numbers left as numbers."""

import io

import pandas as pd
from openpyxl import load_workbook

from scores.export.tables import guard, to_csv, to_xlsx

FRAME = pd.DataFrame(
    {
        "province": ['=HYPERLINK("x")', "Hà Nội", "+1", "@SUM(A1)", "-2"],
        "value": [1.5, 60.74, 2.0, 3.0, -1.0],
    }
)


def test_guard_prefixes_formula_starts_and_keeps_the_input():
    before = FRAME.copy()
    assert guard(FRAME)["province"].tolist() == [
        '\'=HYPERLINK("x")',
        "Hà Nội",
        "'+1",
        "'@SUM(A1)",
        "'-2",
    ]
    assert guard(FRAME)["value"].tolist() == [1.5, 60.74, 2.0, 3.0, -1.0]
    pd.testing.assert_frame_equal(FRAME, before)


def test_csv_has_a_bom_for_excel():
    data = to_csv(FRAME)
    assert data.startswith(b"\xef\xbb\xbf") and "Hà Nội,60.74" in data.decode("utf-8-sig")


def test_xlsx_round_trip():
    sheet = load_workbook(io.BytesIO(to_xlsx(FRAME))).active
    assert [c.value for c in sheet[3]] == ["Hà Nội", 60.74]
    assert sheet["A2"].value.startswith("'=")


def test_a_header_a_spreadsheet_would_run_is_guarded_too():
    frame = pd.DataFrame({"=cmd|'/c calc'!A1": ["x"], "Tỉnh": ["Hà Nội"]})
    sheet = load_workbook(io.BytesIO(to_xlsx(frame))).active
    assert [c.value for c in sheet[1]] == ["'=cmd|'/c calc'!A1", "Tỉnh"]


def test_a_control_character_in_an_older_row_does_not_empty_the_xlsx():
    # Refused at write time since #23; a row stored before may still hold one, and openpyxl
    # raised on it, so the actions download produced nothing.
    frame = pd.DataFrame({"owner": ["Sở Tài chính\x07"], "note": ["=1+1\x1b"]})
    sheet = load_workbook(io.BytesIO(to_xlsx(frame))).active
    assert [cell.value for cell in sheet[2]] == ["Sở Tài chính", "'=1+1"]
    assert "\x07" not in to_csv(frame).decode("utf-8-sig")

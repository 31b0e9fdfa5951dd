"""A scan brought in through the browser by a signed-in editor: the smudged cell is shown with
its cut-out, the editor types what the paper says, commits, and the change history names the
correction (who, when, what was read, what was typed); the database holds the typed value."""

import json
import re
import sys

import duckdb
import pytest
from conftest import ROOT
from playwright.sync_api import expect
from test_browser import browser, pytestmark  # noqa: F401 (fixtures)
from test_sign_in import (  # noqa: F401 (fixtures)
    EDITOR,
    idle,
    patient,
    provider,
    shoot,
    sign_in,
    site,
    uploader,
)

from scores.ingest import ocr
from scores.ingest.pdf import read_pdf

PRINTED = ROOT / "tests" / "data" / "printed"
sys.path.insert(0, str(PRINTED))
import scan  # noqa: E402

pytestmark = [
    *pytestmark,
    pytest.mark.skipif(not ocr.available(), reason="tesseract with vie is not installed"),
]
FIX = re.compile(r"st-key-fix--(\d+)--(\d+)")


def test_an_editor_corrects_a_smudged_cell_and_the_history_names_it(
    site,  # noqa: F811
    browser,  # noqa: F811
    tmp_path,
):
    url, database, server = site
    image = tmp_path / "pci_2016_scan.png"  # the name gives the index and the year
    scan.smudged_total(PRINTED / "pci_2016.pdf").save(image)
    # What the paper says, cell by cell: the text layer of the page the scan was made from.
    printed = read_pdf((PRINTED / "pci_2016.pdf").read_bytes(), "1")[0]
    context, page = sign_in(browser, url, EDITOR)
    uploader(page).set_input_files(str(image))
    boxes = page.locator('[class*="st-key-fix--"]')
    expect(boxes.first).to_be_visible(timeout=180000)  # OCR of a page under load
    idle(page)
    cells = [tuple(map(int, FIX.search(b.get_attribute("class")).groups())) for b in boxes.all()]
    cells = list(dict.fromkeys(cells))
    # A run's boxes replace the last run's (shown faded until then): one box per cell first.
    expect(boxes).to_have_count(len(cells))
    hanoi = next(row for row, _ in cells if printed[row][1] == "TP. Hà Nội")
    assert (hanoi, 12) in cells  # the smudged total is flagged, not guessed
    read = page.locator(f".st-key-fix--{hanoi}--12 label").inner_text()
    assert "60,74" not in read
    for count, (row, position) in enumerate(cells, start=1):
        box = page.locator(f".st-key-fix--{row}--{position} input")
        expect(box).to_have_count(1)  # the last run's box gone once the new run is drawn
        box.fill(printed[row][position])
        box.press("Enter")
        expect(page.get_by_text(f"Đã sửa {count} ô đọc từ ảnh.")).to_be_visible()
        idle(page)
    shoot(page, "scan_corrected")
    # The page prints 22 of PCI 2016's 63 provinces: confirmed as a partial table first.
    page.get_by_text("Tôi xác nhận đây là bảng công bố một phần").click(timeout=60000)
    page.get_by_role("button", name="Lưu thành bản công bố mới").click(timeout=60000)
    expect(page.get_by_text("Đã lưu").first).to_be_visible(timeout=120000)
    page.get_by_role("tab", name="Lịch sử công bố").click()
    shown = EDITOR.replace("@", "@\u2060")
    # The sentence as the page shows it (a word joiner keeps "@" and ":" from turning into links).
    sentence = re.compile(
        re.escape(shown) + r" đã sửa một ô đọc từ ảnh quét của PCI 2016:\W*"
        rf"dòng {hanoi + 1}, cột “PCI 2016” \(trang 1\), đọc được “(?!60,74)[^”]*”, nhập “60,74”"
    )
    expect(page.get_by_text(sentence).first).to_be_visible(timeout=60000)
    shoot(page, "scan_history")
    context.close()

    server.terminate()  # the app holds the database file open while it runs
    server.wait(timeout=20)
    with duckdb.connect(str(database), read_only=True) as con:
        stored = con.execute(
            "SELECT s.value FROM scores s JOIN releases r USING (release_id)"
            " WHERE r.index_code = 'PCI' AND r.year = 2016 AND r.status = 'current'"
            " AND s.province_code = '01' AND s.indicator = 'pci_total_weighted'"
        ).fetchall()
        who = con.execute(
            "SELECT who, before, after FROM audit_log WHERE action = 'cell_corrected'"
        ).fetchall()
    assert stored == [(60.74,)]
    corrected = [(w, json.loads(b), json.loads(a)) for w, b, a in who]
    mine = [
        (b["read"], a["typed"]) for w, b, a in corrected if w == EDITOR and b["row"] == hanoi + 1
    ]
    assert len(mine) == 1 and mine[0][0] != "60,74" and mine[0][1] == "60,74"

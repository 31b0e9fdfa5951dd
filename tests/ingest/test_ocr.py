"""Scans made from the printed PCI 2016 annex (rasterised with skew and noise in a session
fixture, since noise does not compress): every cell read right or shown for a person to look at;
a smudged digit is flagged and never stored."""

import io
import sys

import pandas as pd
import pdfplumber
import pytest
from conftest import ROOT, assert_unchanged, snapshot

from scores.errors import ImportRefused
from scores.ingest import ocr
from scores.ingest.importer import prepare
from scores.store import releases as store
from scores.store.imports import import_file

PRINTED = ROOT / "tests" / "data" / "printed"
sys.path.insert(0, str(PRINTED))
import scan  # noqa: E402

# slow: every page is read by tesseract processes (about 70 s for this file).
pytestmark = [
    pytest.mark.skipif(not ocr.available(), reason="tesseract with vie is not installed"),
    pytest.mark.slow,
]
SOURCE = store.Source("VCCI", "scan", imported_by="tester")


@pytest.fixture(scope="module")
def scans(tmp_path_factory):
    """Page 1 as a skewed, noisy PNG, and the same with one digit of Hà Nội's total smudged."""
    folder = tmp_path_factory.mktemp("scans")
    page = scan.rasterise(PRINTED / "pci_2016.pdf", 0)
    scan.scanned(page).save(folder / "page1.png")
    with pdfplumber.open(PRINTED / "pci_2016.pdf") as pdf:
        word = next(w for w in pdf.pages[0].extract_words() if w["text"] == "60,74")
    k = scan.DPI / 72
    width = word["x1"] - word["x0"]
    box = (
        round((word["x0"] + 0.55 * width) * k),
        round(word["top"] * k) - 2,
        round((word["x0"] + 0.8 * width) * k),
        round(word["bottom"] * k) + 2,
    )  # over the "7" of 60,74
    scan.scanned(scan.smudge(page, box)).save(folder / "smudged.png")
    return folder


@pytest.fixture(scope="module")
def unruled_scan(tmp_path_factory):
    """Page 1 of the PAPI 2021 annex, printed without rules, as a skewed, noisy PNG."""
    path = tmp_path_factory.mktemp("unruled") / "papi_2021_page1.png"
    scan.scanned(scan.rasterise(PRINTED / "papi_2021.pdf", 0)).save(path)
    return path


@pytest.fixture(scope="module")
def smudged(scans, ro):
    """The smudged page read once (reading writes nothing; each OCR of a page takes seconds)."""
    return prepare(ro, (scans / "smudged.png").read_bytes(), "smudged.png", "PCI", 2016)


def printed_values(file: str, year: int) -> dict:
    """An index's year as the annex prints it: (province code, indicator) -> value at 2 decimals."""
    frame = pd.read_csv(ROOT / "data" / "seed" / file, dtype={"province_code": str})
    frame = frame[(frame["year"] == year) & frame["province_code"].notna()]
    return {(r.province_code, r.indicator): round(r.score, 2) for r in frame.itertuples()}


def checked_as_printed(prepared, doubts: set, want: dict) -> int:
    """How many values read were compared with the printed ones (each must be equal); a value
    whose cell is in doubt is left out of the comparison."""
    header = {c.indicator: c.header for c in prepared.layout.columns if c.indicator}
    checked = 0
    for row in prepared.parsed.values.itertuples():
        if (row.row, header[row.indicator]) in doubts:
            continue
        assert round(row.value, 2) == want[(row.province_code, row.indicator)], row
        checked += 1
    return checked


def test_every_cell_of_a_scanned_page_is_read_right_or_shown_for_a_look(con, scans):
    data = (scans / "page1.png").read_bytes()
    prepared = prepare(con, data, "page1.png", "PCI", 2016)
    doubts = {(p.row, p.column) for p in prepared.problems if p.rule == "printed.ocr_doubt"}
    assert all(p.rule == "printed.ocr_doubt" for p in prepared.problems), prepared.problems
    assert len(doubts) <= 5  # of 22 x 12 cells
    values = prepared.parsed.values
    checked = checked_as_printed(prepared, doubts, printed_values("pci.csv", 2016))
    assert checked >= 22 * 11 - len(doubts) and values["province_code"].nunique() == 22
    assert prepared.raw.kind == "image" and prepared.raw.printed.ocr_share == 1


def test_a_scanned_table_printed_without_rules_is_read_right_or_shown_for_a_look(con, unruled_scan):
    """An infographic's or a report's table without cell lines: the grid is drawn from the
    words, then every cell is read as a ruled table's is; none is guessed."""
    prepared = prepare(con, unruled_scan.read_bytes(), unruled_scan.name, "PAPI", 2021)
    doubts = {(p.row, p.column) for p in prepared.problems if p.rule == "printed.ocr_doubt"}
    # A doubted cell may also fail the range check; no other problem is allowed.
    assert all((p.row, p.column) in doubts for p in prepared.problems), prepared.problems
    values = prepared.parsed.values
    cells = values["province_code"].nunique() * 9
    assert values["province_code"].nunique() >= 20 and len(doubts) <= cells // 10
    checked = checked_as_printed(prepared, doubts, printed_values("papi.csv", 2021))
    assert checked == len(values) >= cells - len(doubts)  # a doubted value is left out
    assert prepared.raw.rows[0][-1] == "Tổng điểm PAPI"  # the header prints wider than the data
    assert prepared.raw.kind == "image" and prepared.raw.printed.ocr_share == 1


def test_a_scanned_page_without_a_table_is_refused_plainly(con):
    page = scan.scanned(scan.rasterise(PRINTED / "no_table.pdf", 0))
    out = io.BytesIO()
    page.save(out, format="PNG")
    before = snapshot(con)
    with pytest.raises(ImportRefused) as refused:
        prepare(con, out.getvalue(), "page.png", "PAPI", 2021)
    assert [p.rule for p in refused.value.problems] == ["printed.no_grid"]
    assert_unchanged(before, con)


def test_a_smudged_digit_is_flagged_and_nothing_is_stored(con, scans, smudged):
    before = snapshot(con)
    with pytest.raises(ImportRefused) as refused:
        import_file(con, scans / "smudged.png", "PCI", 2016, SOURCE)
    assert_unchanged(before, con)
    hanoi = int(smudged.parsed.values.query("province_code == '01'")["row"].iloc[0])
    flagged = {(p.row, p.column) for p in refused.value.problems}
    assert (hanoi, "PCI 2016") in flagged


def test_a_doubt_carries_the_cut_out_of_its_cell(smudged):
    doubts = smudged.raw.printed.doubts
    assert doubts and all(d.crop.startswith(b"\x89PNG") for d in doubts)


def test_a_typed_correction_settles_the_doubt_and_is_kept(con, scans, smudged):
    data = (scans / "smudged.png").read_bytes()
    typed = {(d.row, d.position): "60,74" for d in smudged.raw.printed.doubts}
    # Every doubt typed as Hà Nội's total would be wrong elsewhere: only Hà Nội's own cell.
    hanoi = int(smudged.parsed.values.query("province_code == '01'")["row"].iloc[0])
    typed = {key: text for key, text in typed.items() if key[0] + 1 == hanoi}
    assert typed
    second = prepare(con, data, "smudged.png", "PCI", 2016, corrections=typed)
    assert not [p for p in second.problems if p.row == hanoi]
    assert second.raw.printed.corrected[0]["typed"] == "60,74"


def test_a_scanned_page_is_shown_levelled_with_its_grid_outlined(scans):
    """The outline is found on the levelled scan: the page image is turned the same way, so the
    red box sits on the table's outer rules, not a skew away from them."""
    from ingest.test_preview import RED, coloured, page_pixels, side_share
    from scores.ingest import preview
    from scores.ingest.readfile import read_bytes

    data = (scans / "page1.png").read_bytes()
    source = read_bytes(data, "page1.png").printed
    (page, box), found = source.outlines[0], source.found[0]
    assert found.turn != 0  # the fixture is scanned 0.8 degrees askew
    pixels = page_pixels(data, source, page)
    scale = preview.WIDTH / found.size[0]  # the page drawn WIDTH across, then levelled
    shares = side_share(coloured(pixels, RED), box, scale)
    assert all(share > 0.95 for share in shares.values()), shares

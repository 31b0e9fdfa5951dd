"""Report PDFs made from real seed tables (tests/data/printed): every stored value is the one
printed, at two decimals; the page choice, the wrapped names and the grouped header read right."""

import pandas as pd
import pytest
from conftest import ROOT

from scores.ingest.printed import flat
from scores.ingest.readfile import read_bytes
from scores.store import releases as store
from scores.store.imports import import_file

PRINTED = ROOT / "tests" / "data" / "printed"
SOURCE = store.Source("VCCI", "report annex", imported_by="tester")
PAPI_DIMENSIONS = {f"D{n}": n for n in range(1, 9)}


def seed_values(file: str, year: int, indicators: set[str] | None = None) -> pd.DataFrame:
    """The seed's values of one index and year, as printed: rounded to two decimals."""
    frame = pd.read_csv(ROOT / "data" / "seed" / file, dtype={"province_code": str})
    frame = frame[(frame["year"] == year) & frame["province_code"].notna()]
    if indicators is not None:
        frame = frame[frame["indicator"].isin(indicators)]
    frame = frame.assign(printed=frame["score"].round(2))
    return frame[["province_code", "indicator", "printed", "rank"]]


def stored(con, release_id: int) -> pd.DataFrame:
    return con.execute(
        "SELECT province_code, indicator, value, rank FROM scores WHERE release_id = $id",
        {"id": release_id},
    ).df()


def test_every_value_of_the_pci_2016_pdf_is_stored_as_printed(con):
    release_id, prepared = import_file(con, PRINTED / "pci_2016.pdf", "PCI", 2016, SOURCE)
    got = stored(con, release_id)
    want = seed_values("pci.csv", 2016)
    both = want.merge(got, on=["province_code", "indicator"], how="outer", indicator=True)
    assert (both["_merge"] == "both").all(), both[both["_merge"] != "both"]
    assert len(both) == 63 * 11
    assert (both["value"].round(2) == both["printed"]).all()
    totals = both[both["indicator"] == "pci_total_weighted"]
    assert (totals["rank_x"].astype(int) == totals["rank_y"].astype(int)).all()
    assert prepared.raw.kind == "pdf" and prepared.raw.printed.pages == [1, 2, 3]
    assert prepared.raw.printed.ocr_share == 0


def test_every_value_of_the_unruled_papi_2021_pdf_is_stored_as_printed(con):
    release_id, _ = import_file(con, PRINTED / "papi_2021.pdf", "PAPI", 2021, SOURCE)
    got = stored(con, release_id)
    wanted = {
        i
        for i in pd.read_csv(ROOT / "data" / "seed" / "papi.csv")["indicator"].unique()
        if i.split("_")[0] in PAPI_DIMENSIONS or i == "papi_total_8dim"
    }
    want = seed_values("papi.csv", 2021, wanted)
    both = want.merge(got, on=["province_code", "indicator"], how="outer", indicator=True)
    assert (both["_merge"] == "both").all(), both[both["_merge"] != "both"]
    assert len(both) == 60 * 9
    assert (both["value"].round(2) == both["printed"]).all()


def test_only_the_pages_asked_for_are_read(con):
    release_id, prepared = import_file(
        con, PRINTED / "papi_2021.pdf", "PAPI", 2021, SOURCE, pages="2-3", partial=True
    )
    provinces = set(stored(con, release_id)["province_code"])
    assert "01" not in provinces  # Hà Nội is on page 1
    assert "79" in provinces and len(provinces) == 60 - 21
    assert prepared.raw.printed.pages == [2, 3] and prepared.coverage == "partial"


@pytest.mark.parametrize(
    ("file", "name"),
    [
        ("pci_2016.pdf", "TP. Hồ Chí Minh"),
        ("papi_2021.pdf", "TP. Hải Phòng"),
        ("papi_2021.pdf", "Bà Rịa - Vũng Tàu"),
        ("pci_2016.pdf", "TP. Thừa Thiên Huế"),
    ],
)
def test_a_name_wrapped_onto_two_lines_is_read_whole(file, name):
    raw = read_bytes((PRINTED / file).read_bytes(), file)
    assert name in [row[1] for row in raw.rows]


def test_the_header_is_kept_once_though_every_page_repeats_it():
    raw = read_bytes((PRINTED / "pci_2016.pdf").read_bytes(), "pci_2016.pdf")
    assert [row[1] for row in raw.rows].count("Tỉnh/thành phố") == 1
    assert len(raw.rows) == 1 + 63


def test_a_grouped_header_gives_each_column_its_own_label():
    rows = flat(
        [
            ["STT", "Tỉnh", "Chỉ số thành phần", None, "PCI\n2016"],
            [None, None, "Tính minh\nbạch", "Đào tạo lao động", None],
            ["1", "Hà Nội", "6,50", "7,12", "61,72"],
        ]
    )
    assert rows[0] == ["STT", "Tỉnh", "Tính minh bạch", "Đào tạo lao động", "PCI 2016"]
    assert rows[1] == ["1", "Hà Nội", "6,50", "7,12", "61,72"]

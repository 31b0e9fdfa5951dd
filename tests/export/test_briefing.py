"""The briefing pack: slides from the real database and the CLI (the PPTX and the PDF read back:
test_powerpoint.py, test_pdf.py)."""

import functools
import shutil
from pathlib import Path

import pytest
from pptx import Presentation

from scores import db
from scores.__main__ import main
from scores.catalog import Provinces
from scores.export.slide_kinds import KINDS, pack
from scores.export.slides import Context, Slide
from scores.store.imports import import_file
from scores.store.releases import Source


def needs_chromium(test):
    """Chart images are drawn by Chromium (kaleido starts it): slow, and skipped without it."""
    return pytest.mark.slow(
        pytest.mark.skipif(not shutil.which("chromium"), reason="no Chromium")(test)
    )


def context(path, lang: str, key: str = "01", year: int = 2024) -> Context:
    con = db.connect(path, read_only=True)
    provinces = Provinces(con)
    return Context(
        lambda n, **p: db.query(con, n, **p), provinces, provinces.by_key(key), year, lang
    )


@functools.cache
def whole_pack(path: Path) -> tuple[Slide, ...]:
    """Hà Nội 2024, every kind in the default order, in Vietnamese: built once a session for the
    tests of the pack and of its writers (they read the slides, never change them)."""
    return tuple(pack(context(path, "vi"), list(KINDS)))


@pytest.fixture(scope="module")
def slides(built_db) -> dict:
    """Hà Nội 2024: the whole pack in Vietnamese."""
    return {"vi": list(whole_pack(built_db))}


def test_the_pack_has_every_kind_with_sources(slides):
    made = slides["vi"]
    assert [s.key for s in made][:3] == ["scorecard", "targets", "targets"]
    assert {s.key for s in made} == set(KINDS) - {"plan"}  # no remediation action stored
    assert all(s.source and s.title and s.notes for s in made)
    card = made[0].cards[0]
    assert (card.title, card.value, card.lines[0]) == ("PAR INDEX", "92,57%", "Xếp thứ 3/63")
    assert card.target == "✓ Mục tiêu: đạt"  # 3rd of 63 against a top-5 target


def test_a_unit_merged_in_2025_says_its_ranks_are_not_compared(db_file, tmp_path):
    """Bắc Ninh (27 until 2024, 24 from 2025, Bắc Giang merged in) on a database holding a PCI
    2025 release: 3rd of 34 is set beside 7th of 63 in 2022 with the caveat, never as places."""
    table = tmp_path / "pci_2025.csv"
    table.write_text(
        "Tỉnh/thành phố,Điểm PCI,Xếp hạng\nBắc Ninh,72.00,3\nHà Nội,70.00,5\n", encoding="utf-8"
    )
    with db.connect(db_file) as con:
        import_file(con, table, "PCI", 2025, Source("VCCI", "test", imported_by="tester"))
    slides = pack(context(db_file, "en", "24", 2025), ["scorecard"])
    assert slides[0].title == "Bac Ninh: the four indices up to 2025"
    card = next(c for c in slides[0].cards if c.title == "PCI")
    assert card.value == "72.00" and card.lines[0] == "Ranked 3 of 34"
    pci = " ".join(card.lines)
    assert "7 of 63 in 2022, before the 2025 reorganisation (not directly comparable)" in pci
    assert "places since" not in pci  # 7th of 63 -> 3rd of 34 is no "up 4 places"


def test_cli_refuses_unknown_province_and_slides(built_db, capsys):
    common = [
        "--year",
        "2024",
        "--format",
        "pdf",
        "--out",
        "/nonexistent/x.pdf",
        "--db",
        str(built_db),
    ]
    assert main(["brief", "--province", "99", *common]) == 1
    assert "Không có tỉnh, thành phố mã 99" in capsys.readouterr().err
    assert main(["--lang", "en", "brief", "--province", "99", *common]) == 1
    assert "No province with code 99" in capsys.readouterr().err
    assert (
        main(["--lang", "en", "brief", "--province", "01", "--slides", "scorecard,plot", *common])
        == 1
    )
    assert "No such slide kind: plot" in capsys.readouterr().err


def test_cli_writes_a_pack_and_says_when_it_cannot(built_db, tmp_path, capsys):
    out = tmp_path / "pack.pptx"
    args = ["brief", "--province", "01", "--year", "2024", "--lang", "vi", "--format", "pptx"]
    assert main([*args, "--slides", "scorecard", "--out", str(out), "--db", str(built_db)]) == 0
    assert len(Presentation(str(out)).slides) == 1
    assert "Đã ghi bộ trình chiếu" in capsys.readouterr().out
    bad = tmp_path / "missing" / "pack.pptx"
    assert main([*args, "--slides", "scorecard", "--out", str(bad), "--db", str(built_db)]) == 1
    assert "Không ghi được tệp" in capsys.readouterr().err

"""The briefing pack's compare kind: Hà Nội and the centrally-run cities over ten years."""

import pytest

from scores.export.compare_slides import YEARS
from scores.export.slide_kinds import pack
from tests.export.test_briefing import context

PAPI = "PAPI: Hà Nội và các thành phố trực thuộc trung ương, 2015–2024"


@pytest.fixture(scope="module")
def compare(built_db) -> list:
    """Hà Nội 2024's compare slides in Vietnamese (several tests read them)."""
    return pack(context(built_db, "vi"), ["compare"])


def test_compare_slides_per_index_with_the_cities_and_who_gained(compare):
    titles = [slide.title for slide in compare]
    assert PAPI in titles
    papi = compare[titles.index(PAPI)]
    names = [trace.name for trace in papi.figures[0].data if trace.showlegend is not False]
    # Huế (from 2025) has no line: the catalogue's lineage does not follow Thừa Thiên Huế's rename.
    assert names == ["Hà Nội", "Hải Phòng", "Đà Nẵng", "TP. Hồ Chí Minh", "Cần Thơ"]
    assert papi.sentences[0].startswith("Từ năm 2018, ")
    assert "UNDP" in papi.source


def test_a_compare_slide_needs_three_peers_comparable_and_the_notes_say_which_are_left_out(
    compare,
):
    """SIPAS said 'Hà Nội … tăng nhiều nhất trong 1 tỉnh, thành phố so được': no message."""
    assert [slide.title.split(":")[0] for slide in compare] == ["PAPI", "PCI"]
    assert all(" trong 1 " not in s and " trong 2 " not in s for x in compare for s in x.sentences)
    dropped = [note for note in compare[0].notes if note.startswith("Không có trang so sánh")]
    assert [note.split()[5] for note in dropped] == ["PAR", "SIPAS"], dropped


def test_the_compare_slide_spans_the_ten_years_up_to_the_pack_year(built_db):
    """A pack of 2020: PCI's lines run 2011–2020 (the database holds PCI from 2005), PAPI's
    from its first survey of 2011, none past the pack's year."""
    slides = {
        s.title.split(":")[0]: s for s in pack(context(built_db, "vi", year=2020), ["compare"])
    }
    assert YEARS == 10
    years = {
        code: sorted({int(x) for trace in slide.figures[0].data for x in trace.x})
        for code, slide in slides.items()
    }
    assert years == {"PAPI": list(range(2011, 2021)), "PCI": list(range(2011, 2021))}
    assert slides["PCI"].title.endswith(", 2011–2020")


@pytest.mark.parametrize(
    ("year", "note"),
    [
        # PAR INDEX began in 2012: nothing before it (the note said "chỉ 0 tỉnh, thành phố có số
        # liệu so được từ năm 2012").
        (2012, "PAR INDEX qua các năm: mới có số liệu năm 2012, chưa có năm trước để so sánh."),
        # PCI changed its method in 2013: no earlier year compares (it said "chỉ 0 … từ năm 2005").
        (
            2013,
            "PCI qua các năm: phương pháp tính thay đổi năm 2013, chưa có năm trước so sánh được.",
        ),
    ],
)
def test_an_index_left_out_says_why_in_the_notes(built_db, year, note):
    slides = pack(context(built_db, "vi", year=year), ["compare"])
    notes = [n for n in slides[0].notes if n.startswith("Không có trang so sánh")]
    assert "Không có trang so sánh " + note in notes
    assert not [n for n in notes if "chỉ 0 " in n]

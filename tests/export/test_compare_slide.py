"""The briefing pack's compare kind: Hà Nội and the centrally-run cities over ten years."""

from scores import db
from scores.catalog import Provinces
from scores.export.slide_kinds import pack
from scores.export.slides import Context


def test_compare_slides_per_index_with_the_cities_and_who_gained(built_db):
    con = db.connect(built_db, read_only=True)
    provinces = Provinces(con)
    context = Context(
        lambda n, **p: db.query(con, n, **p), provinces, provinces.by_key("01"), 2024, "vi"
    )
    slides = pack(context, ["compare"])
    titles = [slide.title for slide in slides]
    assert "PAPI: Hà Nội và các thành phố trực thuộc trung ương, 2015–2024" in titles
    papi = slides[titles.index("PAPI: Hà Nội và các thành phố trực thuộc trung ương, 2015–2024")]
    names = [trace.name for trace in papi.figures[0].data if trace.showlegend is not False]
    # Huế (from 2025) has no line: the catalogue's lineage does not follow Thừa Thiên Huế's rename.
    assert names == ["Hà Nội", "Hải Phòng", "Đà Nẵng", "TP. Hồ Chí Minh", "Cần Thơ"]
    assert papi.sentences[0].startswith("Từ năm 2018, ")
    assert "UNDP" in papi.source
    con.close()


def test_a_compare_slide_needs_three_peers_comparable_and_the_notes_say_which_are_left_out(
    built_db,
):
    """SIPAS said 'Hà Nội … tăng nhiều nhất trong 1 tỉnh, thành phố so được': no message."""
    con = db.connect(built_db, read_only=True)
    provinces = Provinces(con)
    context = Context(
        lambda n, **p: db.query(con, n, **p), provinces, provinces.by_key("01"), 2024, "vi"
    )
    slides = pack(context, ["compare"])
    con.close()
    assert [slide.title.split(":")[0] for slide in slides] == ["PAPI", "PCI"]
    assert all(" trong 1 " not in s and " trong 2 " not in s for x in slides for s in x.sentences)
    dropped = [note for note in slides[0].notes if note.startswith("Không có trang so sánh")]
    assert [note.split()[5] for note in dropped] == ["PAR", "SIPAS"], dropped

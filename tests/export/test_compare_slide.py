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

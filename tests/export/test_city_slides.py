"""The briefing slide of the city's units ("Các đơn vị của Thành phố"): made from the seed's
partial years with their coverage said, risers only within one set of units, none across the
2025 change, the overdue units once actions name them, no slide without data."""

import duckdb
import pytest

from scores import db
from scores.export.slide_kinds import KINDS, pack
from scores.roles import Actor
from scores.store import releases as store
from scores.store.actions import Action, add
from scores.store.imports import import_file
from tests.export.test_briefing import context


@pytest.fixture(scope="module")
def city(built_db) -> dict:
    return {lang: pack(context(built_db, lang), ["city"]) for lang in ("vi", "en")}


def test_the_city_slide_is_a_kind_of_the_default_pack():
    assert "city" in KINDS


def test_each_city_index_has_its_slide_for_the_latest_year_with_two_units(city):
    assert [slide.title for slide in city["vi"]] == [
        "Các đơn vị của Thành phố: Chỉ số CCHC sở, ban, ngành 2023",
        "Các đơn vị của Thành phố: Chỉ số CCHC quận, huyện, thị xã 2023",
    ]
    assert [slide.title for slide in city["en"]][0] == (
        "The city's units: Hà Nội PAR (departments) 2023"
    )
    assert all(slide.key == "city" and len(slide.figures) == 1 for slide in city["vi"])


def test_the_departments_slide_says_who_is_highest_lowest_and_rose(city):
    departments = city["vi"][0]
    assert departments.sentences == [
        "Trong 4 sở, ban, ngành hệ thống có số liệu năm 2023, cao nhất là Sở Nội vụ "
        "(94,00 điểm), thấp nhất là Thanh tra Thành phố (63,90 điểm).",
        # Printed ranks: Nội vụ 2nd in 2022, 1st in 2023; Tài chính 3rd, then 2nd.
        "Tăng bậc nhiều nhất so với năm 2022: Sở Nội vụ (▲ 1), Sở Tài chính (▲ 1).",
        # The seed holds no action: none is late (the owners' overdue_by_unit).
        "Không sở, ban, ngành nào có việc khắc phục quá hạn.",
    ]
    bars = departments.figures[0].data[0]
    assert list(bars.y)[0].endswith("Sở Nội vụ") and len(bars.y) == 4


def test_a_partial_year_says_what_the_database_holds_not_the_publisher(city):
    for slide, held in zip(
        city["vi"], ("4/22 sở, ban, ngành", "5/30 quận, huyện, thị xã"), strict=True
    ):
        assert slide.partial
        assert slide.coverage.startswith(f"Hệ thống mới có số liệu của {held} năm 2023;")
        assert "Sở Nội vụ đã công bố bảng đầy đủ" in slide.coverage
        assert slide.coverage in slide.notes
    assert city["vi"][0].source == "Sở Nội vụ / UBND thành phố Hà Nội – theo VietnamPlus"


def test_no_slide_before_the_city_index_has_figures(built_db):
    assert pack(context(built_db, "vi", year=2019), ["city"]) == []


@pytest.fixture
def with_2025_wards(db_file, tmp_path):
    """Two wards of the local set from 2025 and their table (the test's own: data/ lists no
    ward yet, nor the 2025 method); one holds the code of 2024's first district, Long Biên."""
    with duckdb.connect(str(db_file)) as con:
        con.execute("UPDATE indicators SET last_year = NULL WHERE index_code = 'HNPAR_LOCAL'")
        for code, name in (("TEST-W1", "Phường Thử Một"), ("HN-L-LONGBIEN", "Phường Thử Hai")):
            con.execute(
                "INSERT INTO city_units VALUES ('hn_local', ?, 2025, NULL, ?, ?, NULL)",
                [code, name, name],
            )
    table = tmp_path / "wards_2025.csv"
    table.write_text(
        "Tên đơn vị,Chỉ số CCHC,Xếp hạng\nPhường Thử Một,96.10,1\nPhường Thử Hai,90.00,2\n",
        encoding="utf-8",
    )
    with db.connect(db_file) as con:
        source = store.Source("Test publisher", "wards", imported_by="tester")
        import_file(con, table, "HNPAR_LOCAL", 2025, source)
    return db_file


def test_no_change_in_places_across_the_2025_change_of_the_local_units(with_2025_wards):
    slides = pack(context(with_2025_wards, "vi", year=2025), ["city"])
    local = next(slide for slide in slides if "quận, huyện" in slide.title)
    assert local.title.endswith(" 2025")
    said = " ".join(local.sentences)
    assert "Không tính tăng, giảm bậc so với năm 2024: năm 2024 có 30 quận, huyện, thị xã" in said
    assert "▲" not in said and "▼" not in said


def test_the_units_with_overdue_actions_are_listed_most_first(db_file):
    """Each unit of the set with actions late and not done, most first; an action done or not
    yet due, and one whose agency is no unit, count for none."""
    editor = Actor("hoa", "editor")
    late = [("HN-D-TC", "in_progress"), ("HN-D-NV", "planned"), ("HN-D-NV", "paused")]
    late += [("HN-L-CAUGIAY", "in_progress"), ("HN-D-TP", "done")]
    with db.connect(db_file) as con:
        for code, status in late:
            add(
                con,
                Action(
                    "01",
                    "PCI",
                    "informal_charges",
                    "",
                    "Việc",
                    "2024-01-01",
                    status,
                    owner_code=code,
                ),
                editor,
            )
        add(
            con,
            Action("01", "PCI", "informal_charges", "", "Việc", "2099-12-31", owner_code="HN-D-TP"),
            editor,
        )
        add(
            con,
            Action("01", "PCI", "informal_charges", "Tổ công tác", "Việc", "2024-01-01"),
            editor,
        )
    departments, local = pack(context(db_file, "vi"), ["city"])
    assert departments.sentences[-1] == (
        "Đơn vị có việc khắc phục quá hạn: Sở Nội vụ (2 việc), Sở Tài chính (1 việc)."
    )
    assert local.sentences[-1] == "Đơn vị có việc khắc phục quá hạn: Quận Cầu Giấy (1 việc)."

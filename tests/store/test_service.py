"""A city result table imported like a national release: names in their spellings, the diff,
version 2, restore to version 1; through the service and through the command line."""

import csv
from pathlib import Path

import pytest

from scores import db
from scores.__main__ import main
from scores.analysis import diff
from scores.errors import ImportRefused
from scores.i18n import describe
from scores.ingest.importer import prepare
from scores.roles import Actor
from scores.store import releases as store
from scores.store.service import store_upload

ROOT = Path(__file__).resolve().parents[2]
EDITOR, ADMIN = Actor("Lê Thị C", "editor"), Actor("Nguyễn Văn A", "admin")
SOURCE = store.Source("Sở Nội vụ Hà Nội", "Quyết định công bố Chỉ số CCHC 2022", "2023-03-23")
# The spellings a city document uses for some of the units (the others as the seed prints them).
SPELLED = {
    "Sở Lao động - Thương binh và Xã hội": "Sở LĐ-TB&XH",
    "Văn phòng UBND Thành phố": "VP UBND TP",
    "Sở Giáo dục và Đào tạo": "Sở GD&ĐT",
    "Thanh tra Thành phố": "Thanh tra TP",
    "Sở Ngoại vụ": "sở ngoại vụ",
}


def city_table(path: Path, changed: dict[str, str] | None = None, extra: str = "") -> bytes:
    """The 21 departments of 2022 with their printed scores, some names spelled otherwise,
    `changed` scores replaced (name -> score), `extra` an added unit's name."""
    rows = [
        row
        for row in csv.DictReader((ROOT / "data/seed/additions_turn3.csv").open(encoding="utf-8"))
        if row["year"] == "2022" and row["indicator"].endswith("_department") and row["score"]
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["STT", "Tên đơn vị", "Chỉ số CCHC"])
        for number, row in enumerate(rows, start=1):
            name = row["province"]
            out.writerow([number, SPELLED.get(name, name), (changed or {}).get(name, row["score"])])
        if extra:
            out.writerow([len(rows) + 1, extra, "80.00"])
    return path.read_bytes()


def current(con, year: int = 2022) -> tuple[int, int]:
    found = con.execute(
        "SELECT release_id, version FROM releases WHERE index_code = 'HNPAR_DEPT'"
        " AND year = $y AND status = 'current'",
        {"y": year},
    ).fetchall()
    assert len(found) == 1
    return found[0]


def health(con) -> float:
    """Sở Y tế's 2022 score as the export gives it (the current release)."""
    frame = db.query(con, "export_by_release", index_code="HNPAR_DEPT", year=2022)
    return frame.set_index("province_code").loc["HN-D-YT", "value"]


def test_the_service_shows_one_change_stores_version_2_and_restores_version_1(db_file, tmp_path):
    data = city_table(tmp_path / "so_2022.csv", {"Sở Y tế": "81.50"})
    with db.connect(db_file) as con:
        seed_id, seed_version = current(con)
        prepared = prepare(con, data, "so_2022.csv", "HNPAR_DEPT", 2022)
        assert prepared.problems == [] and len(prepared.parsed.values) == 21
        old = db.query(con, "values_by_release", release_id=seed_id)
        changes = diff.compare(old, prepared.parsed.values)
        assert diff.summary(changes)["changed"] == 1
        changed = changes[changes["status"] == "changed"]
        assert changed[["province_code", "value_old", "value_new"]].values.tolist() == [
            ["HN-D-YT", 81.01, 81.5]
        ]
        store_upload(con, prepared, data, SOURCE, EDITOR)
        assert current(con)[1] == seed_version + 1 == 2
        assert health(con) == 81.5
        store.restore(con, seed_id, ADMIN)
        assert current(con) == (seed_id, 1)
        assert health(con) == 81.01


def test_every_spelling_of_the_table_lands_on_its_unit(db_file, tmp_path):
    data = city_table(tmp_path / "so_2022.csv")
    with db.connect(db_file, read_only=True) as con:
        prepared = prepare(con, data, "so_2022.csv", "HNPAR_DEPT", 2022)
    matched = {name: unit.province_code for name, unit in prepared.parsed.matches.items()}
    assert {k: matched[k] for k in SPELLED.values()} == {
        "Sở LĐ-TB&XH": "HN-D-LDTBXH",
        "VP UBND TP": "HN-D-VP",
        "Sở GD&ĐT": "HN-D-GDDT",
        "Thanh tra TP": "HN-D-TTTP",
        "sở ngoại vụ": "HN-D-NGV",
    }
    assert prepared.coverage == "partial"  # 21 of the 22 departments


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        (
            "vi",
            "Dòng 23, cột “Tên đơn vị”, giá trị “Sở Tài chánh”: Không có sở, ban, ngành nào của"
            " Thành phố mang tên này. Tên gần nhất: Sở Tài chính",
        ),
        (
            "en",
            "Row 23, column “Tên đơn vị”, value “Sở Tài chánh”: No department of the city has"
            " this name. Nearest names: Sở Tài chính",
        ),
    ],
)
def test_an_unknown_unit_is_refused_with_a_sentence_and_suggestions(
    db_file, tmp_path, lang, sentence
):
    data = city_table(tmp_path / "so_2022.csv", extra="Sở Tài chánh")
    with db.connect(db_file) as con:
        prepared = prepare(con, data, "so_2022.csv", "HNPAR_DEPT", 2022)
        problems = [p for p in prepared.problems if p.rule == "unknown_hn_department"]
        assert len(problems) == 1 and describe(problems[0], lang).startswith(sentence)
        with pytest.raises(ImportRefused):
            store_upload(con, prepared, data, SOURCE, EDITOR)
        assert current(con)[1] == 1  # nothing stored


def test_the_command_line_imports_exports_and_restores_a_city_table(db_file, tmp_path, capsys):
    path = tmp_path / "so_2022.csv"
    city_table(path, {"Sở Y tế": "81.50"})
    with db.connect(db_file, read_only=True) as con:
        seed_id = current(con)[0]
    args = ["--lang", "en", "import", str(path), "--index", "HNPAR_DEPT", "--year", "2022"]
    assert main([*args, "--by", "Lê Thị C", "--db", str(db_file)]) == 0
    assert "21 values, 21 units, partial coverage" in capsys.readouterr().out
    assert main(["export", "--index", "HNPAR_DEPT", "--year", "2022", "--db", str(db_file)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "index,year,province_code,province,indicator,value,rank"
    assert "HNPAR_DEPT,2022,HN-D-YT,Sở Y tế,hn_par_index_total_department,81.5," in lines
    assert (
        "HNPAR_DEPT,2022,HN-D-VP,Văn phòng UBND Thành phố,hn_par_index_total_department,88.86,"
        in lines
    )
    with db.connect(db_file, read_only=True) as con:
        assert current(con)[1] == 2
    assert main(["restore", str(seed_id), "--db", str(db_file)]) == 0
    with db.connect(db_file, read_only=True) as con:
        assert current(con) == (seed_id, 1) and health(con) == 81.01

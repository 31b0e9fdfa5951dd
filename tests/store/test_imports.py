"""The import pipeline: one case per rule, each refused with its message and nothing written."""

import pandas as pd
import pytest
from conftest import assert_unchanged, publisher_table, snapshot

from scores import db
from scores.errors import ImportRefused
from scores.i18n import describe
from scores.store import releases as store
from scores.store.imports import import_file

SOURCE = store.Source("VCCI", "test table", "2025-05-06", imported_by="tester")


def refuse(
    con, tmp_path, content: bytes | str, index="PCI", year=2016, name="upload.csv", **options
):
    """Import a file that must be refused; return its problems after checking nothing changed."""
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    before = snapshot(con)
    with pytest.raises(ImportRefused) as refused:
        import_file(con, path, index, year, SOURCE, **{"partial": True, **options})
    assert_unchanged(before, con)
    return refused.value.problems


def accept(
    con, tmp_path, content: bytes | str, index="PCI", year=2016, name="upload.csv", **options
):
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    options.setdefault("partial", True)  # these tests are about other rules than coverage
    release_id, _prepared = import_file(con, path, index, year, SOURCE, **options)
    return release_id


def stored(con, release_id: int) -> pd.DataFrame:
    return con.execute(
        "SELECT province_code, indicator, value, rank, rank_kind FROM scores"
        " WHERE release_id = $r ORDER BY province_code, indicator",
        {"r": release_id},
    ).df()


@pytest.mark.parametrize(
    ("content", "rule", "words"),
    [
        ("", "empty_file", "empty"),
        (b"\x00\x01\x02\x03binary\xff\xfe\x00\x00\x07\x08", "not_text", "neither a readable"),
        ("Chỉ số,Điểm\nPCI,60\n", "no_province_column", "No province column"),
        ("Tỉnh,Gia nhập thị trường,Cột lạ\nHà Nội,7.5,1\n", "unknown_column", "Cột lạ"),
        ("Tỉnh,Gia nhập thị trường\nHà Nộii Xyz,7.5\n", "unknown_province", "Did you mean"),
        ("Tỉnh,Gia nhập thị trường\nHà Nội,7.5\nHN,7.6\n", "duplicate_province", "row 2"),
        ("Tỉnh,Gia nhập thị trường\nHà Nội,bảy\n", "not_a_number", "Not a number"),
        ("Tỉnh,Gia nhập thị trường\nHà Nội,12.5\n", "out_of_range", "0 to 10"),
        ("Tỉnh,PCI 2016,Xếp hạng\nHà Nội,60.7,64\n", "rank_out_of_range", "(63)"),
        ("Tỉnh,PCI 2016,Xếp hạng\nHà Nội,60.7,hai\n", "bad_rank", "whole number"),
        ("Tỉnh,Ưu đãi DNNN\nHà Nội,5\n", "indicator_not_in_year", "2005 to 2008"),
        ("Tỉnh,Tiếp cận đất đai,Tiếp cận đất đai\nHà Nội,5,5\n", "duplicate_column", "repeats"),
        ("Tỉnh,Năm,PCI\nHà Nội,2015,60\n", "year_mismatch", "2016"),
        ("Tỉnh,Index,PCI\nHà Nội,PAPI,60\n", "index_mismatch", "PCI"),
        ("Tỉnh,PCI\nHà Nội,N/A\n", "no_values", "No values"),
    ],
)
def test_each_rule_refuses_with_a_plain_message(con, tmp_path, content, rule, words):
    problems = refuse(con, tmp_path, content)
    assert rule in [problem.rule for problem in problems]
    message = describe(next(p for p in problems if p.rule == rule), "en")
    assert words in message


def test_unknown_province_names_row_column_value_and_suggests(con, tmp_path):
    problems = refuse(con, tmp_path, "Tỉnh,PCI\nHà Nội,60\nHa Noii,61\n")
    assert describe(problems[0], "en").startswith("Row 3, column “Tỉnh”, value “Ha Noii”: ")
    assert "Hà Nội" in describe(problems[0], "en")
    assert "Hà Nội" in describe(problems[0], "vi") and describe(problems[0], "vi").startswith(
        "Dòng 3"
    )


def test_all_problems_are_listed_at_once(con, tmp_path):
    problems = refuse(con, tmp_path, "Tỉnh,PCI\nXyz,60\nHà Nội,abc\nĐà Nẵng,160\n")
    assert [p.rule for p in problems] == ["unknown_province", "not_a_number", "out_of_range"]
    assert [p.row for p in problems] == [2, 3, 4]


@pytest.mark.parametrize(
    ("name", "year", "rule"),
    [
        ("Hà Tây", 2009, "province_not_in_year"),
        ("Hải Dương", 2025, "province_not_in_year"),
        ("Bắc Giang", 2025, "province_not_in_year"),
    ],
)
def test_a_province_that_did_not_exist_that_year_is_refused(con, tmp_path, name, year, rule):
    problems = refuse(con, tmp_path, f"Tỉnh,PCI\n{name},60\n", year=year)
    assert [p.rule for p in problems] == [rule]
    assert str(year) in describe(problems[0], "en")


def test_ha_tay_is_accepted_in_2008(con, tmp_path):
    release_id = accept(con, tmp_path, "Tỉnh,PCI\nHà Tây,55.5\n", year=2008)
    assert stored(con, release_id)["province_code"].tolist() == ["28"]


def test_merged_units_resolve_by_year(con, tmp_path):
    release_id = accept(con, tmp_path, "Tỉnh,PCI\nBắc Ninh,70\nLào Cai,65\n", year=2025)
    assert stored(con, release_id)["province_code"].tolist() == ["15", "24"]


@pytest.mark.parametrize(
    ("index", "year", "rule"),
    [
        ("XYZ", 2016, "unknown_index"),
        ("PCI", 2004, "year_out_of_range"),
        ("PCI", 2099, "year_out_of_range"),
    ],
)
def test_unknown_index_or_year_out_of_range(con, tmp_path, index, year, rule):
    problems = refuse(con, tmp_path, "Tỉnh,PCI\nHà Nội,60\n", index=index, year=year)
    assert [p.rule for p in problems] == [rule]


def test_a_file_over_20_mb_is_refused_before_parsing(con, tmp_path):
    path = tmp_path / "big.csv"
    with open(path, "wb") as handle:
        handle.truncate(20 * 1024 * 1024 + 1)
    before = snapshot(con)
    with pytest.raises(ImportRefused) as refused:
        import_file(con, path, "PCI", 2016, SOURCE)
    assert refused.value.problems[0].rule == "too_large"
    assert "20 MB" in describe(refused.value.problems[0], "en")
    assert_unchanged(before, con)


def test_refusals_are_logged_with_the_reason(con, tmp_path):
    # Two problems: the log keeps each one's whole sentence (rule and cell), not only the value.
    problems = refuse(con, tmp_path, "Tỉnh,PCI\nXyz,60\nHà Nội,bảy\n")
    outcome, reason = con.execute(
        "SELECT outcome, reason FROM import_log ORDER BY attempted_at DESC LIMIT 1"
    ).fetchone()
    assert [p.rule for p in problems] == ["unknown_province", "not_a_number"]
    assert outcome == "refused"
    assert reason == " | ".join(describe(p, "en") for p in problems)
    assert reason.startswith("Row 2, column “Tỉnh”, value “Xyz”: Unknown province name.")


def test_missing_marks_are_missing_not_zero(con, tmp_path):
    release_id = accept(
        con, tmp_path, "Tỉnh,PCI,Tính minh bạch\nHà Nội,60,-\nĐà Nẵng,N/A,7\nHuế,,6\n"
    )
    values = stored(con, release_id).set_index(["province_code", "indicator"])["value"]
    assert values[("01", "pci_total_weighted")] == 60
    assert pd.isna(values.get(("01", "transparency")))
    assert ("48", "pci_total_weighted") not in values.index
    assert values[("46", "transparency")] == 6


def test_a_publisher_table_imports_as_a_new_version(con, tmp_path):
    table = publisher_table(con, "PCI", 2016).rename(columns={"PCI (có trọng số)": "PCI 2016"})
    text = "CHỈ SỐ NĂNG LỰC CẠNH TRANH CẤP TỈNH 2016\nBảng tóm tắt\n\n" + table.to_csv(index=False)
    before = con.execute(
        "SELECT release_id FROM releases WHERE index_code='PCI' AND year=2016"
    ).fetchone()[0]
    release_id = accept(con, tmp_path, text)
    releases = con.execute(
        "SELECT release_id, version, status FROM releases WHERE index_code='PCI'"
        " AND year=2016 ORDER BY version"
    ).fetchall()
    assert releases == [(before, 1, "superseded"), (release_id, 2, "current")]
    old, new = stored(con, before), stored(con, release_id)
    pd.testing.assert_series_equal(old["value"], new["value"], rtol=1e-12)
    assert (
        new.query("province_code == '01' and indicator == 'pci_total_weighted'")["rank"].item()
        == 14
    )


def test_long_layout_with_english_headers(con, tmp_path):
    text = "province;indicator;value;rank\nHanoi;Weighted PCI;60,74;14\nTP.HCM;Transparency;6,5;\n"
    release_id = accept(con, tmp_path, text)
    rows = stored(con, release_id)
    assert rows[["province_code", "indicator", "value"]].values.tolist() == [
        ["01", "pci_total_weighted", 60.74],
        ["79", "transparency", 6.5],
    ]
    assert rows["rank_kind"].fillna("none").tolist() == ["published", "none"]


def test_unrecognised_column_resolved_with_map_and_skip(con, tmp_path):
    text = "Tỉnh,Điểm tổng hợp,Ghi chú nội bộ\nHà Nội,60.74,x\n"
    problems = refuse(con, tmp_path, text)
    assert {p.column for p in problems} == {"Điểm tổng hợp", "Ghi chú nội bộ"}
    release_id = accept(
        con,
        tmp_path,
        text,
        mapping={"Điểm tổng hợp": "pci_total_weighted"},
        skip={"Ghi chú nội bộ"},
    )
    assert stored(con, release_id)["value"].tolist() == [60.74]


def test_row_numbers_and_tiers_are_skipped(con, tmp_path):
    release_id = accept(con, tmp_path, "STT,Tỉnh,PCI 2016,Nhóm xếp hạng\n1,Hà Nội,60.74,Khá\n")
    assert stored(con, release_id)["indicator"].tolist() == ["pci_total_weighted"]


def test_a_tier_column_named_after_its_index_is_skipped(con, tmp_path):
    # "PCI tier" as VCCI prints it: the index's name (from the catalogue) before a skipped header.
    release_id = accept(con, tmp_path, "Tỉnh,PCI 2016,PCI tier\nHà Nội,60.74,Khá\n")
    assert stored(con, release_id)["indicator"].tolist() == ["pci_total_weighted"]


def test_national_average_rows_go_to_averages(con, tmp_path):
    release_id = accept(
        con, tmp_path, "Tỉnh,SIPAS\nHà Nội,86.5\nToàn quốc,83.94\n", index="SIPAS", year=2024
    )
    assert con.execute(
        "SELECT scope, indicator, value FROM averages WHERE release_id=$r", {"r": release_id}
    ).fetchall() == [("national", "sipas_total", 83.94)]
    assert stored(con, release_id)["province_code"].tolist() == ["01"]


def test_ranks_are_computed_only_for_a_complete_release(con, tmp_path):
    full = publisher_table(con, "PCI", 2016).drop(columns=["Xếp hạng"])
    release_id = accept(con, tmp_path, full.to_csv(index=False))
    hanoi = stored(con, release_id).query(
        "province_code == '01' and indicator == 'pci_total_weighted'"
    )
    assert hanoi[["rank", "rank_kind"]].values.tolist() == [[14, "computed"]]
    partial = accept(con, tmp_path, "Tỉnh,PCI\nHà Nội,60.74\n")
    assert stored(con, partial)["rank"].isna().all()
    coverage = dict(
        con.execute(
            "SELECT release_id, coverage FROM releases WHERE release_id IN ($a, $b)",
            {"a": release_id, "b": partial},
        ).fetchall()
    )
    assert coverage == {release_id: "complete", partial: "partial"}


def test_a_crash_half_way_leaves_the_database_as_it_was(con, tmp_path, monkeypatch):
    # The release row and its log line are written, then the scores fail: only the transaction
    # takes the first writes back.
    insert = store._insert_frame

    def crash(con, table, *args, **kwargs):
        if table == "scores":
            raise RuntimeError("power cut")
        insert(con, table, *args, **kwargs)

    monkeypatch.setattr(store, "_insert_frame", crash)
    before = snapshot(con)
    log_before = con.execute("SELECT count(*) FROM import_log").fetchone()
    path = tmp_path / "ok.csv"
    path.write_text("Tỉnh,PCI\nHà Nội,60\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        import_file(con, path, "PCI", 2016, SOURCE, partial=True)
    assert_unchanged(before, con)
    assert db.query(con, "releases_by_version").query("index_code == 'PCI' and year == 2016")[
        "status"
    ].tolist() == ["current"]
    # The "accepted" line written inside the transaction is gone with it.
    assert con.execute("SELECT count(*) FROM import_log").fetchone() == log_before


def test_a_row_with_only_bad_values_still_has_its_province_checked(con, tmp_path):
    problems = refuse(con, tmp_path, "Tỉnh,PCI\nXyz,abc\n")
    assert [p.rule for p in problems] == ["not_a_number", "unknown_province"]


def test_a_name_picked_by_the_user_resolves(con, tmp_path):
    from scores.ingest.importer import prepare

    prepared = prepare(
        con, "Tỉnh,PCI\nThủ đô,60\n".encode(), "x.csv", "PCI", 2016, names={"Thủ đô": "01"}
    )
    assert prepared.problems == []
    assert prepared.parsed.values["province_code"].tolist() == ["01"]


def test_an_unknown_column_and_bad_rows_are_reported_together(con, tmp_path):
    problems = refuse(con, tmp_path, "Tỉnh,PCI,Cột lạ\nHà Nộii,60,x\nĐà Nẵng,abc,y\n")
    assert [(p.rule, p.row) for p in problems] == [
        ("unknown_column", 1),
        ("unknown_province", 2),
        ("not_a_number", 3),
    ]


def test_a_province_printed_twice_in_a_publisher_table_is_one_message(con, tmp_path):
    table = publisher_table(con, "PCI", 2016)
    hanoi = table[table["Tỉnh/thành phố"] == "Hà Nội"].assign(**{"Tỉnh/thành phố": "TP. Hà Nội"})
    text = pd.concat([table, hanoi]).to_csv(index=False)
    problems = refuse(con, tmp_path, text)
    earlier = int(table.index[table["Tỉnh/thành phố"] == "Hà Nội"][0]) + 2  # header is row 1
    assert [(p.rule, p.row, p.value) for p in problems] == [
        ("duplicate_province", 65, "TP. Hà Nội")
    ]
    assert describe(problems[0], "vi") == (
        f"Dòng 65, cột “Tỉnh/thành phố”, giá trị “TP. Hà Nội”: Tỉnh, thành phố này đã có số"
        f" liệu cho cùng chỉ số ở dòng {earlier}; mỗi tỉnh chỉ được ghi một lần."
    )


def test_a_file_with_fewer_units_than_the_current_release_needs_partial(con, tmp_path):
    # One value for Hà Nội must not silently replace the complete PCI 2016 release (63 units).
    problems = refuse(con, tmp_path, "Tỉnh,PCI\nHà Nội,60\n", partial=False)
    assert [p.rule for p in problems] == ["fewer_units"]
    message = describe(problems[0], "en")
    assert "fewer units (1) than the current release (version 1, 63 units)" in message
    assert "Hà Giang, " in message and "(+52)" in message  # ten named (by code), the rest counted
    assert "--partial" in message
    release_id = accept(con, tmp_path, "Tỉnh,PCI\nHà Nội,60\n", partial=True)
    assert release_id > 0


def test_a_file_identical_to_a_stored_version_is_refused_with_its_version(con, tmp_path):
    table = publisher_table(con, "PCI", 2016)
    first = accept(con, tmp_path, table.to_csv(index=False), name="pci.csv")
    assert first > 0
    problems = refuse(con, tmp_path, table.to_csv(index=False), name="again.csv")
    assert [p.rule for p in problems] == ["already_stored"]
    assert describe(problems[0], "en").startswith(
        "Value “again.csv”: This file is already stored as version 2"
    )

"""The .sql files run on a handful of hand-written rows in an in-memory DuckDB."""

from datetime import datetime

import duckdb
import pandas as pd
import pytest

from scores import db
from scores.config import QUERY_DIR

ROWS = """
INSERT INTO indices VALUES ('PCI', 'Chỉ số năng lực cạnh tranh cấp tỉnh',
  'Provincial Competitiveness Index',
  'PCI', 'PCI', 'VCCI', 'VCCI', 2005, '0–100', '0–100', 'https://pcivietnam.vn',
  'province');
INSERT INTO provinces VALUES
  ('01', 2004, 2024, 'Hà Nội', 'Hanoi', 'Thành phố Hà Nội', 'red_river_delta', 1976, '01'),
  ('24', 2004, 2024, 'Bắc Giang', 'Bac Giang', 'Tỉnh Bắc Giang',
   'northern_midlands_mountains', NULL, '24'),
  ('28', 2004, 2008, 'Hà Tây', 'Ha Tay', 'Tỉnh Hà Tây', 'red_river_delta', NULL, '01'),
  ('01', 2025, NULL, 'Hà Nội', 'Hanoi', 'Thành phố Hà Nội', 'red_river_delta', 1976, NULL),
  ('24', 2025, NULL, 'Bắc Ninh', 'Bac Ninh', 'Tỉnh Bắc Ninh', 'red_river_delta', NULL, NULL);
INSERT INTO province_aliases VALUES ('HN', 'hn', 'Hà Nội', 'abbreviation');
INSERT INTO indicators VALUES
  ('PCI', 'pci_total_weighted', NULL, 'total', 'PCI', 'Weighted PCI', 0, 100, NULL, true,
   2005, NULL, true),
  ('PCI', 'transparency', 'pci_total_weighted', 'component', 'Tính minh bạch', 'Transparency',
   0, 10, NULL, true, 2005, NULL, false);
INSERT INTO indicator_aliases VALUES ('PCI', 'transparency', 'Minh bạch', 'minhbach');
INSERT INTO releases VALUES
  (1, 'PCI', 2016, 1, 'superseded', 'complete', 'VCCI', 'a', '', 'a.csv', 'x',
   '2025-01-01 00:00:00', 'seed', 2),
  (2, 'PCI', 2016, 2, 'current', 'complete', 'VCCI', 'b', '', 'b.csv', 'y',
   '2025-02-01 00:00:00', 'hoa', 2),
  (3, 'PCI', 2025, 1, 'current', 'partial', 'VCCI', 'c', '', 'c.csv', 'z',
   '2026-03-01 00:00:00', 'hoa', 1);
INSERT INTO scores VALUES
  (1, '01', 'pci_total_weighted', 60.0, 2, 'published', 'a', 'a'),
  (1, '24', 'pci_total_weighted', 61.0, 1, 'published', 'a', 'a'),
  (2, '01', 'pci_total_weighted', 60.74, 14, 'published', 'b', 'b'),
  (2, '24', 'pci_total_weighted', 62.5, NULL, NULL, 'b', NULL),
  (3, '24', 'pci_total_weighted', 70.0, NULL, NULL, 'c', NULL);
"""


@pytest.fixture
def mem() -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect(":memory:")
    db.create_schema(connection)
    connection.execute(ROWS)
    return connection


def test_export_returns_current_releases_with_the_unit_of_their_year(mem):
    frame = db.query(mem, "export_by_release", index_code=None, year=None)
    assert frame.astype(object).where(frame.notna(), None).values.tolist() == [
        ["PCI", 2016, "01", "Hà Nội", "pci_total_weighted", 60.74, 14],
        ["PCI", 2016, "24", "Bắc Giang", "pci_total_weighted", 62.5, None],
        ["PCI", 2025, "24", "Bắc Ninh", "pci_total_weighted", 70.0, None],
    ]
    assert db.query(mem, "export_by_release", index_code="PCI", year=2025)["province"].tolist() == [
        "Bắc Ninh"
    ]


def test_releases_by_version(mem):
    frame = db.query(mem, "releases_by_version")
    assert list(frame.columns) == [
        "release_id",
        "index_code",
        "year",
        "version",
        "status",
        "coverage",
        "source",
        "file_name",
        "sha256",
        "imported_at",
        "imported_by",
        "rows",
    ]
    assert frame[["release_id", "version", "status"]].values.tolist() == [
        [1, 1, "superseded"],
        [2, 2, "current"],
        [3, 1, "current"],
    ]


def test_headline_by_year_counts_the_units_of_each_year(mem):
    frame = db.query(mem, "headline_by_year", province_code="24", valid_from=2004, valid_to=2024)
    assert frame[["year", "value", "units"]].values.tolist() == [[2016, 62.5, 2]]
    frame = db.query(mem, "headline_by_year", province_code="24", valid_from=2025, valid_to=9999)
    assert frame[["year", "value", "units"]].values.tolist() == [[2025, 70.0, 2]]


def test_release_numbers(mem):
    assert mem.execute(db.sql("last_release_id")).fetchone() == (3,)
    assert sorted(mem.execute(db.sql("versions_by_index_year")).fetchall()) == [
        ("PCI", 2016, 2),
        ("PCI", 2025, 1),
    ]


def test_seed_state_names_the_latest_seed_version_and_a_staff_current(mem):
    frame = db.query(mem, "seed_state_by_year", index_code="PCI")
    assert frame.astype(object).where(frame.notna(), None).values.tolist() == [
        [2016, 1, "a", True],  # the seed's version 1 is behind hoa's current version 2
        [2025, None, None, True],
    ]


def test_seed_content_drops_computed_ranks(mem):
    mem.execute("UPDATE scores SET rank = 3, rank_kind = 'computed' WHERE release_id = 2")
    frame = db.query(mem, "seed_content_by_release", release_id=2)
    assert frame.astype(object).where(frame.notna(), None).values.tolist() == [
        ["01", "pci_total_weighted", 60.74, None, "b", "b"],
        ["24", "pci_total_weighted", 62.5, None, "b", None],
    ]


def test_a_superseded_version_from_a_frame_leaves_the_current_one(mem):
    frame = pd.DataFrame({"index_code": ["PCI"], "year": [2016], "status": ["superseded"]})
    mem.register("new_releases", frame)
    mem.execute(db.sql("supersede_current_from_frame"))
    assert mem.execute("SELECT release_id FROM releases WHERE status = 'current'").fetchall() == [
        (2,),
        (3,),
    ]


SEED_CSV = """year,province,province_code,indicator,score,rank,source_url_or_repo_path
2016,Hà Nội,01,pci_total_weighted,60.7409,,github:vcci/file.xlsx [Summary]
2016,Hà Nội,01,pci_total_weighted,60.74,14,https://press.example/a
2016,Bắc Giang,24,pci_total_weighted,,1,https://press.example/b
2016,Bắc Giang,24,transparency,11,,github:vcci/file.xlsx [Summary]
2016,TOÀN QUỐC (63-province average),,pci_total_weighted_average,59.9,,https://press.example/c
2008,Hà Tây,,transparency,5.5,,github:vcci/old.xls [Tong hop]
"""


@pytest.fixture
def seeded(mem, tmp_path):
    path = tmp_path / "pci.csv"
    path.write_text(SEED_CSV, encoding="utf-8")
    mem.execute(db.sql("load_seed_file"), {"paths": [str(path)]})
    return mem


def test_seed_values_prefer_the_file_and_keep_the_press_in_the_provenance(seeded):
    frame = db.query(seeded, "seed_values_by_province", index_code="PCI")
    rows = frame.astype(object).where(frame.notna(), None).values.tolist()
    assert rows == [
        [
            2008,
            "Hà Tây",
            "28",
            "transparency",
            5.5,
            None,
            "github:vcci/old.xls [Tong hop]",
            None,
            False,
        ],
        [
            2016,
            "Hà Nội",
            "01",
            "pci_total_weighted",
            60.7409,
            14,
            "github:vcci/file.xlsx [Summary] | also reported as 60.74: https://press.example/a",
            "https://press.example/a",
            False,
        ],
        [
            2016,
            "Bắc Giang",
            "24",
            "pci_total_weighted",
            None,
            1,
            "https://press.example/b",
            "https://press.example/b",
            False,
        ],
        [
            2016,
            "Bắc Giang",
            "24",
            "transparency",
            None,
            None,
            "github:vcci/file.xlsx [Summary]",
            None,
            True,
        ],
    ]


def test_seed_averages_and_sources(seeded):
    assert db.query(seeded, "seed_averages_by_year").values.tolist() == [
        [
            2016,
            "national",
            "pci_total_weighted",
            59.9,
            "https://press.example/c",
            "TOÀN QUỐC (63-province average)",
        ]
    ]
    assert db.query(seeded, "seed_sources_by_year").values.tolist() == [
        [2008, "github:vcci/old.xls"],
        [
            2016,
            "github:vcci/file.xlsx ; https://press.example/a ; https://press.example/b ; "
            "https://press.example/c",
        ],
    ]


ADDITIONS_CSV = """year,province,province_code,indicator,score,rank,source_url,notes,check
2016,Hà Nội,01,pci_total_weighted,60.75,,https://press.example/d,"Printed: '60,75'",conflict
2016,Đồng bằng sông Hồng,,pci_total_weighted_region_average,61.5,1,https://press.example/e,,verified
2016,Đồng bằng sông Hồng,,pci_total_weighted_region_average,61.4,,https://x.example/f,r,not re-found
2016,Vùng lạ,,pci_total_weighted_region_average,50,,https://press.example/g,,verified
2020,Sở Tài chính,,hn_par_index_total_department,92.76,1,https://press.example/h,,verified
"""


def test_additions_join_their_index_with_the_check_and_regions_by_name(seeded, tmp_path):
    seeded.execute(
        "INSERT INTO regions VALUES ('red_river_delta', 'Đồng bằng sông Hồng', 'Red River Delta')"
    )
    additions = tmp_path / "additions.csv"
    additions.write_text(ADDITIONS_CSV, encoding="utf-8")
    added = seeded.execute(
        db.sql("load_additions_file"), {"paths": [str(additions)], "index_code": "PCI"}
    ).fetchall()
    assert added == [(4,)]  # the city's own index is not PCI's
    averages = db.query(seeded, "seed_averages_by_year")
    rows = averages.astype(object).where(averages.notna(), None).values.tolist()
    unknown = "https://press.example/g [check: verified]"
    assert rows == [
        [2016, "national", "pci_total_weighted", 59.9, "https://press.example/c", rows[0][5]],
        [
            2016,
            "red_river_delta",
            "pci_total_weighted",
            61.5,
            "https://press.example/e [check: verified] | also reported as 61.4: "
            "https://x.example/f [check: not re-found]",
            "Đồng bằng sông Hồng",
        ],
        [2016, None, "pci_total_weighted", 50.0, unknown, "Vùng lạ"],
    ]
    values = db.query(seeded, "seed_values_by_province", index_code="PCI")
    hanoi = values[
        (values["province_code"] == "01") & (values["indicator"] == "pci_total_weighted")
    ]
    assert hanoi["source"].tolist() == [
        "github:vcci/file.xlsx [Summary] | also reported as 60.74: https://press.example/a"
        " | also reported as 60.75: https://press.example/d [check: conflict]"
    ]


MORE_CSV = """year,province,province_code,indicator,score,rank,source_url_or_repo_path
2016,Hà Nội,01,transparency,6.5,,github:other/more.csv
2016,Hà Nội,01,labor_training,,,github:other/more.csv
2016,Bắc Giang,24,pci_total_weighted,,,github:other/more.csv
"""


def test_seed_files_of_one_index_are_read_together_and_blank_cells_dropped(mem, tmp_path):
    first, second = tmp_path / "pci.csv", tmp_path / "pci_more.csv"
    first.write_text(SEED_CSV, encoding="utf-8")
    second.write_text(MORE_CSV, encoding="utf-8")
    mem.execute(db.sql("load_seed_file"), {"paths": [str(first), str(second)]})
    frame = db.query(mem, "seed_values_by_province", index_code="PCI")
    rows = frame.astype(object).where(frame.notna(), None)
    cells = rows[["year", "province_code", "indicator", "value", "rank", "source"]].values.tolist()
    # The second file's value joins the same year; its blank cells add nothing, not even a
    # source in front of Bắc Giang's press rank.
    assert [2016, "01", "transparency", 6.5, None, "github:other/more.csv"] in cells
    assert [2016, "24", "pci_total_weighted", None, 1, "https://press.example/b"] in cells
    assert not [c for c in cells if c[2] == "labor_training"]
    assert len(cells) == 5


def test_methodology_breaks_name_the_indicator_they_concern(mem):
    mem.execute(
        "INSERT INTO methodology_breaks VALUES"
        " ('PCI', 2013, 'transparency', 'Minh bạch đổi.', 'Transparency changed.'),"
        " ('PCI', 2013, NULL, 'Trọng số mới.', 'New weights.'),"
        " ('PCI', 2009, NULL, 'Bỏ DNNN.', 'SOE bias dropped.'),"
        " ('SIPAS', 2025, NULL, '34 tỉnh.', '34 provinces.')"
    )
    frame = db.query(mem, "methodology_breaks_by_year", index_code="PCI")
    assert frame.astype(object).where(frame.notna(), None).values.tolist() == [
        [2009, None, "Bỏ DNNN.", "SOE bias dropped."],
        [2013, None, "Trọng số mới.", "New weights."],
        [2013, "transparency", "Minh bạch đổi.", "Transparency changed."],
    ]


def test_computed_ranks_fill_only_complete_indicators_and_ties_share(mem):
    mem.execute("UPDATE scores SET rank = NULL, rank_kind = NULL WHERE release_id = 2")
    mem.execute(
        "INSERT INTO scores VALUES (3, '01', 'pci_total_weighted', 70.0, NULL, NULL, 'c', NULL)"
    )
    mem.execute("INSERT INTO scores VALUES (2, '01', 'transparency', 6.0, NULL, NULL, 'b', NULL)")
    mem.execute(db.sql("fill_computed_ranks"), {"first_release": 2})
    ranks = mem.execute(
        "SELECT release_id, province_code, indicator, rank, rank_kind FROM scores"
        " WHERE release_id >= 2 ORDER BY ALL"
    ).fetchall()
    assert ranks == [
        (2, "01", "pci_total_weighted", 2, "computed"),
        (2, "01", "transparency", None, None),
        (2, "24", "pci_total_weighted", 1, "computed"),
        (3, "01", "pci_total_weighted", 1, "computed"),
        (3, "24", "pci_total_weighted", 1, "computed"),
    ]


def test_supersede_then_make_current(mem):
    mem.execute(db.sql("supersede_current"), {"index_code": "PCI", "year": 2016})
    mem.execute(db.sql("make_current"), {"release_id": 1})
    assert mem.execute(
        "SELECT release_id, status FROM releases WHERE year = 2016 ORDER BY 1"
    ).fetchall() == [(1, "current"), (2, "superseded")]


PARAMS = {
    "export_by_release": {"index_code": None, "year": None},
    "headline_by_year": {"province_code": "01", "valid_from": 2004, "valid_to": 2024},
    "indicator_by_year": {
        "province_code": "01",
        "valid_from": 2004,
        "valid_to": 2024,
        "index_code": "PCI",
        "indicator": "headline",
    },
    "indicators_by_index": {"index_code": "PCI"},
    "indicator_aliases_by_index": {"index_code": "PCI"},
    "supersede_current": {"index_code": "PCI", "year": 2016},
    "make_current": {"release_id": 1},
    "release_by_id": {"release_id": 1},
    "publisher_by_index": {"index_code": "PCI"},
    "fill_computed_ranks": {"first_release": 1},
    "seed_values_by_province": {"index_code": "PCI"},
    "scores_by_province": {"index_code": "PCI", "year": 2016, "indicator": "pci_total_weighted"},
    "indicators_by_year": {"index_code": "PCI"},
    "percentiles_by_year": {
        "index_code": "PCI",
        "province_code": "01",
        "valid_from": 2004,
        "valid_to": 2024,
    },
    "values_by_province_indicator": {"index_code": "PCI", "year": 2016},
    "averages_by_year": {"index_code": "PCI"},
    "methodology_breaks_by_year": {"index_code": "PCI"},
    "weights_by_indicator": {"index_code": "PCI", "year": 2016},
    "targets_by_index": {"province_code": "01"},
    "values_by_release": {"release_id": 2},
    "averages_by_release": {"release_id": 2},
    "seed_content_by_release": {"release_id": 2},
    "seed_state_by_year": {"index_code": "PCI"},
    "releases_by_sha256": {"index_code": "PCI", "year": 2016, "sha256": "x"},
    "units_by_release": {"release_id": 2},
    "weights_by_period": {"index_code": "PCI"},
    "current_release_by_index_year": {"index_code": "PCI", "year": 2016},
    "target_by_id": {"target_id": 1},
    "insert_audit_log": {
        "changed_at": datetime(2025, 1, 1),
        "who": "a@example.org",
        "role": "admin",
        "action": "restored",
        "index_code": "PCI",
        "year": 2016,
        "before": None,
        "after": None,
    },
    "save_target": {
        "target_id": 7,
        "province_code": "01",
        "index_code": "PCI",
        "indicator": "pci_total_weighted",
        "kind": "rank_at_most",
        "threshold": 10.0,
        "first_year": 2025,
        "last_year": None,
        "basis": "plan",
        "updated_by": "t",
        "updated_at": datetime(2025, 1, 1),
    },
    "insert_import_log": {
        "attempted_at": datetime(2025, 1, 1),
        "index_code": "PCI",
        "year": 2016,
        "file_name": None,
        "sha256": None,
        "outcome": "refused",
        "release_id": None,
        "reason": "x",
        "imported_by": "t",
    },
}
# Remediation plan (#13): actions.
ACTION = {
    "action_id": 1,
    "version": 1,
    "province_code": "01",
    "index_code": "PCI",
    "indicator": "transparency",
    "owner": "Sở Nội vụ",
    "action": "Công khai",
    "due": datetime(2026, 12, 31).date(),
    "status": "planned",
    "note": None,
    "updated_at": datetime(2026, 1, 1),
    "updated_by": "t",
    "owner_code": "HN-D-NV",
}
PARAMS |= {
    "coverage_by_index_year": {"last_year": 2025},
    "actions_by_province": {"province_code": None, "index_code": None},
    "action_versions_by_version": {"action_id": 1},
    "insert_action": ACTION,
    "known_codes_by_action": {"index_code": "PCI", "indicator": "x", "province_code": "01"},
}
# Owners (issue #21): the actions of one unit, free-text owners matched, components' departments.
PARAMS |= {
    "actions_by_owner": {"owner_code": "HN-D-NV"},
    "indices_by_unit_set": {"unit_set": "hn_department"},
    "set_owner_code_by_owner": {"owner": "Sở Nội vụ", "year": 2026, "owner_code": "HN-D-NV"},
    "component_owners_by_change": {"index_code": None},
    "insert_component_owner": {
        "change_id": 1,
        "index_code": "PAR",
        "indicator": "par_administrative_procedures",
        "owner_code": "HN-D-NV",
        "removed": False,
        "changed_at": datetime(2026, 1, 1),
        "changed_by": "t",
    },
}
# The unit sets (issue #21): the provinces' set; empty_seed_file takes no parameter.
PARAMS |= {
    "units_by_set": {"unit_set": "province"},
    "unit_aliases_by_key": {"unit_set": "province"},
    "unit_set_by_index": {"index_code": "PCI"},
}
PARAMS |= {"indices_in_scope": {"city": True}}  # the city scope's indices (#21)
FRAMES = {
    "insert_scores_from_frame": (
        "new_scores",
        pd.DataFrame(
            {
                "release_id": [2],
                "province_code": ["28"],
                "indicator": ["transparency"],
                "value": [5.0],
                "rank": [None],
                "source": ["t"],
                "rank_source": [None],
            }
        ),
    ),
    "supersede_current_from_frame": (
        "new_releases",
        pd.DataFrame({"index_code": ["PCI"], "year": [2016], "status": ["current"]}),
    ),
    "insert_releases_from_frame": (
        "new_releases",
        pd.DataFrame(
            {
                "release_id": [9],
                "index_code": ["PCI"],
                "year": [2017],
                "version": [1],
                "status": ["current"],
                "coverage": ["partial"],
                "publisher": [""],
                "source": [""],
                "source_date": [""],
                "file_name": [""],
                "sha256": [""],
                "imported_at": [datetime(2025, 1, 1)],
                "imported_by": ["t"],
                "rows": [0],
            }
        ),
    ),
    "insert_import_log_from_frame": (
        "new_import_log",
        pd.DataFrame(
            {
                "attempted_at": [datetime(2025, 1, 1)],
                "index_code": ["PCI"],
                "year": [2017],
                "file_name": [""],
                "sha256": [""],
                "outcome": ["accepted"],
                "release_id": [9],
                "imported_by": ["t"],
            }
        ),
    ),
    "insert_audit_log_from_frame": (
        "carried_audit_log",
        pd.DataFrame(
            {
                "changed_at": [datetime(2025, 1, 1)],
                "who": ["a@example.org"],
                "role": ["editor"],
                "action": ["release_imported"],
                "index_code": ["PCI"],
                "year": [2016],
                "before": [None],
                "after": ['{"version": 2}'],
            }
        ),
    ),
    "insert_averages_from_frame": (
        "new_averages",
        pd.DataFrame(
            {
                "release_id": [2],
                "scope": ["national"],
                "indicator": ["transparency"],
                "value": [5.0],
                "source": ["t"],
            }
        ),
    ),
}


@pytest.mark.parametrize("path", sorted(QUERY_DIR.glob("*.sql")), ids=lambda p: p.stem)
def test_every_query_file_runs_and_says_its_grain(seeded, tmp_path, path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("-- "), "first line must be a comment on what the query returns"
    if path.stem in FRAMES:
        name, frame = FRAMES[path.stem]
        seeded.register(name, frame)
    params = {"paths": [str(tmp_path / "pci.csv")]} if path.stem == "load_seed_file" else {}
    if path.stem == "load_additions_file":
        additions = tmp_path / "additions.csv"
        additions.write_text(ADDITIONS_CSV, encoding="utf-8")
        params = {"paths": [str(additions)], "index_code": "PCI"}
    seeded.execute(text, PARAMS.get(path.stem, params))


def test_scores_by_province_for_one_indicator(mem):
    frame = db.query(
        mem, "scores_by_province", index_code="PCI", year=2016, indicator="pci_total_weighted"
    )
    rows = frame[["province_code", "name_vi", "value", "rank", "coverage"]].astype(object)
    assert rows.where(rows.notna(), None).values.tolist() == [
        ["01", "Hà Nội", 60.74, 14, "complete"],
        ["24", "Bắc Giang", 62.5, None, "complete"],
    ]


def test_percentiles_by_year_for_one_unit(mem):
    frame = db.query(
        mem,
        "percentiles_by_year",
        index_code="PCI",
        province_code="01",
        valid_from=2004,
        valid_to=2024,
    )
    assert frame[
        ["year", "indicator", "value", "percentile", "valued", "units"]
    ].values.tolist() == [[2016, "pci_total_weighted", 60.74, 0.5, 2, 2]]


def test_indicators_by_year_counts_values(mem):
    frame = db.query(mem, "indicators_by_year", index_code="PCI")
    assert frame[["year", "indicator", "valued", "ranked"]].values.tolist() == [
        [2016, "pci_total_weighted", 2, 1],
        [2025, "pci_total_weighted", 1, 0],
    ]


def test_actions_by_province_gives_each_action_s_latest_version_and_when_it_began(mem):
    for version, status, day in [(1, "planned", 1), (2, "done", 5)]:
        changed = {"version": version, "status": status, "updated_at": datetime(2026, 1, day)}
        mem.execute(db.sql("insert_action"), ACTION | changed)
    mem.execute(db.sql("insert_action"), ACTION | {"action_id": 2, "province_code": "24"})
    frame = db.query(mem, "actions_by_province", province_code="01", index_code="PCI")
    assert frame[["action_id", "version", "status"]].values.tolist() == [[1, 2, "done"]]
    assert frame["began_at"].tolist() == [datetime(2026, 1, 1)]
    assert len(db.query(mem, "actions_by_province", province_code=None, index_code=None)) == 2


@pytest.mark.parametrize(
    ("index_code", "indicator", "province_code", "known"),
    [
        ("PCI", "transparency", "01", [True, True, True]),
        ("PCI", "nope", "24", [True, False, True]),
        ("XYZ", "transparency", "28", [False, False, False]),  # Hà Tây: not a unit of today
    ],
)
def test_known_codes_by_action(mem, index_code, indicator, province_code, known):
    frame = db.query(
        mem,
        "known_codes_by_action",
        index_code=index_code,
        indicator=indicator,
        province_code=province_code,
    )
    assert frame.iloc[0].tolist() == known

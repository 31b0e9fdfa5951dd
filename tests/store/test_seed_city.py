"""Hà Nội's own PAR index seeded from the additions: releases by year, as printed, partial."""

import duckdb
import pytest

from scores import db

# The 21 departments of the 2022 list in the order printed, with the ranks the press printed
# (1-3 only: "đứng đầu", "đứng thứ hai", "đứng thứ ba"); the two out-of-order pairs stay.
DEPARTMENTS_2022 = [
    ("HN-D-LDTBXH", 91.68, 1),
    ("HN-D-NV", 91.59, 2),
    ("HN-D-TC", 90.57, 3),
    ("HN-D-TP", 90.42, None),
    ("HN-D-CT", 89.66, None),
    ("HN-D-XD", 89.03, None),
    ("HN-D-VP", 88.86, None),
    ("HN-D-DL", 88.83, None),
    ("HN-D-GTVT", 81.41, None),
    ("HN-D-GDDT", 88.33, None),
    ("HN-D-KHCN", 87.04, None),
    ("HN-D-TTTP", 84.81, None),
    ("HN-D-BDT", 83.15, None),
    ("HN-D-NNPTNT", 82.76, None),
    ("HN-D-KHDT", 82.01, None),
    ("HN-D-VHTT", 81.97, None),
    ("HN-D-QHKT", 81.62, None),
    ("HN-D-NGV", 81.21, None),
    ("HN-D-BQLKCN", 81.24, None),
    ("HN-D-YT", 81.01, None),
    ("HN-D-TTTT", 80.90, None),
]


@pytest.fixture(scope="module")
def ro(built_db):
    connection = duckdb.connect(str(built_db), read_only=True)
    yield connection
    connection.close()


def _city(ro, index_code: str, year: int) -> list[tuple]:
    return ro.execute(
        "SELECT s.province_code, s.value, s.rank, s.rank_kind, s.source, r.coverage"
        " FROM scores s JOIN releases r USING (release_id)"
        " WHERE r.status = 'current' AND r.index_code = $i AND r.year = $y",
        {"i": index_code, "y": year},
    ).fetchall()


def test_the_2022_departments_are_ranked_as_printed_and_marked_partial(ro):
    rows = {
        code: (value, rank, kind, cover)
        for code, value, rank, kind, _, cover in _city(ro, "HNPAR_DEPT", 2022)
    }
    expected = {
        code: (value, rank, "published" if rank else None, "partial")
        for code, value, rank in DEPARTMENTS_2022
    }
    assert rows == expected  # 21 of the 22 departments: no rank computed for the others


def test_the_finance_department_takes_its_rank_from_a_second_article(ro):
    found = ro.execute(
        "SELECT s.source, s.rank_source FROM scores s JOIN releases r USING (release_id)"
        " WHERE r.index_code = 'HNPAR_DEPT' AND r.year = 2022 AND s.province_code = 'HN-D-TC'"
    ).fetchone()
    assert (
        found[0].startswith("https://tinbong247news.net/") and "[check: not re-found]" in found[0]
    )
    assert found[1].startswith("https://baodauthau.vn/") and found[1].endswith("[check: verified]")


def test_a_rank_printed_as_a_word_is_left_empty(ro):
    lowest = {code: (value, rank) for code, value, rank, *_ in _city(ro, "HNPAR_DEPT", 2020)}
    assert lowest == {"HN-D-TC": (92.76, 1), "HN-D-TNMT": (76.27, None)}  # "đạt thấp nhất"
    districts = {code: (value, rank) for code, value, rank, *_ in _city(ro, "HNPAR_LOCAL", 2023)}
    assert districts["HN-L-PHUXUYEN"] == (91.61, None)  # "had the lowest index"
    assert districts["HN-L-LONGBIEN"] == (None, 12)  # a rank printed without its score


@pytest.mark.parametrize(
    ("index_code", "years"),
    [("HNPAR_DEPT", [2020, 2022, 2023, 2024]), ("HNPAR_LOCAL", [2020, 2022, 2023, 2024])],
)
def test_each_year_of_the_city_is_one_partial_release_naming_the_additions(ro, index_code, years):
    found = ro.execute(
        "SELECT year, coverage, file_name, version FROM releases WHERE index_code = $i ORDER BY 1",
        {"i": index_code},
    ).fetchall()
    assert found == [(year, "partial", "seed/additions_turn3.csv", 1) for year in years]


def test_the_block_means_are_averages_of_the_whole_set(ro):
    found = ro.execute(
        "SELECT r.index_code, r.year, a.scope, a.value, s.name_vi FROM averages a"
        " JOIN releases r USING (release_id) JOIN average_scopes s USING (scope)"
        " WHERE r.index_code LIKE 'HNPAR%' ORDER BY 1, 2"
    ).fetchall()
    assert found == [
        ("HNPAR_DEPT", 2022, "all_departments", 85.73, "Bình quân các sở, ban, ngành"),
        ("HNPAR_DEPT", 2023, "all_departments", 88.4, "Bình quân các sở, ban, ngành"),
        ("HNPAR_LOCAL", 2022, "all_districts", 92.75, "Bình quân các quận, huyện, thị xã"),
        ("HNPAR_LOCAL", 2023, "all_districts", 94.0, "Bình quân các quận, huyện, thị xã"),
    ]


def test_every_city_value_keeps_its_source_and_check(ro):
    sources = ro.execute(
        "SELECT s.source FROM scores s JOIN releases r USING (release_id)"
        " WHERE r.index_code LIKE 'HNPAR%' AND s.value IS NOT NULL"
    ).fetchall()
    assert len(sources) == 36  # the 40 rows with a score, less the 4 block means
    assert all(s.startswith("http") and s.endswith("]") and "[check: " in s for (s,) in sources)


def test_the_export_names_each_city_unit_by_its_official_name(ro):
    frame = db.query(ro, "export_by_release", index_code="HNPAR_LOCAL", year=2020)
    assert frame[["province_code", "province", "value"]].values.tolist() == [
        ["HN-L-CAUGIAY", "Quận Cầu Giấy", 94.22],
        ["HN-L-QUOCOAI", "Huyện Quốc Oai", 83.86],
    ]

"""The database built from data/: published figures, ranks as published, provenance."""

import hashlib
from pathlib import Path

import pytest
from conftest import ROOT

from scores import db
from scores.store import seed
from scores.text import unit_name_key


def figure(ro, index_code, year, indicator, code="01"):
    return ro.execute(
        "SELECT s.value, s.rank, s.rank_kind, s.source, s.rank_source, r.coverage FROM scores s"
        " JOIN releases r USING (release_id) WHERE r.status = 'current' AND r.index_code = $i"
        " AND r.year = $y AND s.indicator = $ind AND s.province_code = $c",
        {"i": index_code, "y": year, "ind": indicator, "c": code},
    ).fetchone()


@pytest.mark.parametrize(
    ("index_code", "year", "indicator", "value", "rank"),
    [
        ("PCI", 2016, "pci_total_weighted", 60.74, 14),
        ("PAPI", 2024, "papi_total_8dim", 43.77, 29),
        ("PAR", 2024, "par_index_total", 92.57, 3),
        ("SIPAS", 2024, "sipas_total", 86.5, 11),
        ("PAR", 2023, "par_index_total", 91.43, 3),
        ("PAR", 2022, "par_index_total", 89.58, 3),
        ("PAR", 2019, "par_index_total", 84.64, 2),
        ("SIPAS", 2019, "sipas_total", 80.09, 52),
        ("PAPI", 2022, "papi_total_8dim", 43.90, 12),
        ("PAPI", 2023, "papi_total_8dim", 43.96, 15),
    ],
)
def test_hanoi_published_figures(ro, index_code, year, indicator, value, rank):
    found = figure(ro, index_code, year, indicator)
    assert round(found[0], 2) == value
    assert found[1] == rank and found[2] == "published"


def test_the_publishers_value_wins_and_the_press_completes_it(ro):
    value, rank, kind, source, rank_source, coverage = figure(ro, "PAPI", 2024, "papi_total_8dim")
    assert value == pytest.approx(43.774715)
    assert source.startswith("github:tunah72/papi-dashboard")
    assert "also reported as 43.7" in source
    assert rank_source.startswith("https://hanoitimes.vn")
    assert coverage == "partial"


def test_a_rank_given_without_a_value_is_kept(ro):
    # Bắc Giang PAR 2022: 4th in an ordered list, no score printed.
    assert figure(ro, "PAR", 2022, "par_index_total", "24")[:3] == (None, 4, "published")


def test_ranks_are_computed_only_where_every_unit_has_a_value(ro):
    # PCI 2017 has all 63 provinces but no published ranks: computed, and marked so.
    assert figure(ro, "PCI", 2017, "pci_total_weighted")[2] == "computed"
    kinds = ro.execute(
        "SELECT DISTINCT s.rank_kind FROM scores s JOIN releases r USING (release_id)"
        " WHERE r.coverage = 'partial' AND s.rank IS NOT NULL"
    ).fetchall()
    assert kinds == [("published",)]
    # PAPI 2021 misses three provinces: no rank may be computed for its total (Hà Nội's 9th
    # is the press rank).
    computed = ro.execute(
        "SELECT count(*) FROM scores s JOIN releases r USING (release_id)"
        " WHERE r.index_code = 'PAPI' AND r.year = 2021 AND s.indicator = 'papi_total_8dim'"
        " AND s.rank_kind = 'computed'"
    ).fetchone()
    assert computed == (0,)
    assert figure(ro, "PAPI", 2021, "papi_total_8dim")[1:3] == (9, "published")


@pytest.mark.parametrize(
    ("index_code", "year", "indicator", "code", "value", "shown", "also"),
    [
        # Two press figures for one cell: the first printed is shown, the other stays in the
        # value's provenance (shared SOURCES.md, additions of 2026-11-26).
        ("SIPAS", 2024, "sipas_total", "31", 90.59, "vccinews.com", "also reported as 91.10"),
        ("PAR", 2023, "par_index_total", "31", 91.87, "baochinhphu.vn", "also reported as 91.81"),
        # The publisher's figure first, the press figure beside it.
        (
            "PAPI",
            2020,
            "papi_total_8dim",
            "22",
            48.811382,
            "papi-dashboard",
            "also reported as 48.811",
        ),
    ],
)
def test_conflicting_figures_are_kept_in_the_provenance(
    ro, index_code, year, indicator, code, value, shown, also
):
    found, _, _, source, _, _ = figure(ro, index_code, year, indicator, code)
    assert found == pytest.approx(value)
    assert shown in source.split(" | ")[0]
    assert also in source


def test_the_quang_ninh_papi_2020_typo_is_gone(ro):
    # 48.881 (VietnamPlus) was a typo for 48.811; the correction removed it.
    source = figure(ro, "PAPI", 2020, "papi_total_8dim", "22")[3]
    assert "48.881" not in source and "vietnamplus" not in source


@pytest.mark.parametrize(
    ("index_code", "year", "indicator", "code", "value", "rank"),
    [
        ("SIPAS", 2019, "sipas_total", "22", 95.26, 1),
        ("PAR", 2023, "par_index_total", "31", 91.87, 2),
        ("PAR", 2023, "par_index_total", "24", 91.16, 4),
        ("PAR", 2023, "par_index_total", "77", 91.03, 5),
        ("PAPI", 2020, "papi_total_8dim", "22", 48.811382, 1),
    ],
)
def test_ranks_filled_by_the_corrections(ro, index_code, year, indicator, code, value, rank):
    found = figure(ro, index_code, year, indicator, code)
    assert found[0] == pytest.approx(value)
    assert found[1:3] == (rank, "published")


def test_a_copied_value_was_blanked_and_its_rank_kept(ro):
    # PCI 2023 Quảng Ninh informal charges: soha.vn gives only the rank (the 7.72 was another
    # sub-index's score).
    value, rank, _, source, rank_source, _ = figure(ro, "PCI", 2023, "informal_charges", "22")
    assert (value, rank) == (None, 3)
    assert source.startswith("https://soha.vn/") and rank_source.startswith("https://soha.vn/")


@pytest.mark.parametrize("code", ["24", "87"])
def test_papi_2014_totals_that_were_zero_are_absent_not_zero(ro, code):
    # The source's 0 totals (Bắc Giang, Đồng Tháp) were removed by the 2026-11-26 corrections.
    assert figure(ro, "PAPI", 2014, "papi_total_6dim_unweighted", code) is None
    coverage = ro.execute(
        "SELECT coverage FROM releases WHERE index_code = 'PAPI' AND year = 2014"
    ).fetchone()
    assert coverage == ("partial",)


def test_no_stored_value_is_zero_where_the_scale_has_no_zero(ro):
    zeros = ro.execute(
        "SELECT count(*) FROM scores s JOIN releases r USING (release_id)"
        " JOIN indicators i ON i.index_code = r.index_code AND i.indicator = s.indicator"
        " WHERE s.value = 0 AND i.valid_min > 0"
    ).fetchone()
    assert zeros == (0,)


def test_ha_tay_is_a_unit_until_2008(ro):
    assert figure(ro, "PCI", 2008, "pci_total_weighted", "28")[0] is not None
    units = db.query(ro, "headline_by_year", province_code="28", valid_from=2004, valid_to=2008)
    assert units[["year", "units"]].values.tolist() == [
        [2005, 64],
        [2006, 64],
        [2007, 64],
        [2008, 64],
    ]


def test_national_averages_are_kept_apart(ro):
    rows = ro.execute(
        "SELECT r.index_code, r.year, a.indicator, a.value FROM averages a"
        " JOIN releases r USING (release_id) ORDER BY ALL"
    ).fetchall()
    assert ("PAR", 2024, "par_index_total", 88.37) in rows
    assert ("SIPAS", 2023, "sipas_feedback_complaint_handling", 82.27) in rows
    assert ("PAR", 2019, "par_index_total", 81.15) in rows
    assert ("SIPAS", 2019, "sipas_total", 84.45) in rows
    assert ("SIPAS", 2020, "sipas_total", 85.48) in rows  # additions of 2026-12-02
    assert ("PAR", 2023, "par_index_total", 86.98) in rows
    national = ro.execute("SELECT count(*) FROM averages WHERE scope = 'national'").fetchone()
    assert national == (15,)


def test_regional_means_of_the_additions_keep_both_versions_of_2023(ro):
    rows = ro.execute(
        "SELECT r.year, a.scope, a.value, a.source FROM averages a JOIN releases r"
        " USING (release_id) WHERE r.index_code = 'PAR' AND a.scope <> 'national' ORDER BY ALL"
    ).fetchall()
    assert len(rows) == 16  # 2022: 4 regions, 2023 and 2024: all 6
    red_river = [row for row in rows if row[:2] == (2023, "red_river_delta")][0]
    assert red_river[2] == 88.33  # the 2023 infographic, first printed
    assert "also reported as 88.32: https://www.vietnamplus.vn/" in red_river[3]
    assert red_river[3].count("[check: verified]") == 2


def test_the_additions_check_travels_with_each_value(ro):
    def cell(index_code: str, year: int, code: str, indicator: str) -> tuple:
        return ro.execute(
            "SELECT s.value, s.rank, s.rank_kind, s.source FROM scores s JOIN releases r"
            " USING (release_id) WHERE r.index_code = $i AND r.year = $y"
            " AND s.province_code = $c AND s.indicator = $n",
            {"i": index_code, "y": year, "c": code, "n": indicator},
        ).fetchone()

    quang_ninh = cell("PAR", 2018, "22", "par_index_total")  # the conflict: both kept
    assert quang_ninh[0] == 89.6 and "also reported as 89.06: " in quang_ninh[3]
    assert quang_ninh[3].endswith("[check: conflict]")
    assert cell("SIPAS", 2023, "01", "sipas_total")[1:3] == (21, "published")
    assert cell("PAPI", 2018, "01", "papi_total_8dim")[1:3] == (54, "published")
    assert cell("PAR", 2013, "31", "par_index_total")[0] == 86.93
    # The city's own index (hn_par_*) lands in the city's releases only, never a national one.
    city = ro.execute(
        "SELECT DISTINCT r.index_code FROM scores s JOIN releases r USING (release_id)"
        " WHERE s.indicator LIKE 'hn_%' ORDER BY 1"
    ).fetchall()
    assert city == [("HNPAR_DEPT",), ("HNPAR_LOCAL",)]


def test_every_release_carries_its_source_and_checksum(ro):
    frame = db.query(ro, "releases_by_version")
    # PAR 2013 and 2017 come with the additions of 2026-12-02, and Hà Nội's own index with them:
    # 2020, 2022, 2023 and 2024 for the departments and for the districts.
    assert len(frame) == 60
    assert frame["source"].str.len().min() > 10
    assert frame["sha256"].str.fullmatch(r"[0-9a-f]{64}").all()
    assert set(frame["status"]) == {"current"}


def test_pci_weights_reproduce_the_weighted_total(ro):
    # The weights file claims sum(weight/10 x sub-index) = weighted PCI; check it for 2016.
    gap = ro.execute("""
        SELECT max(abs(t.value - w.total)) FROM (
            SELECT s.province_code, sum(s.value * iw.weight / 10) AS total
            FROM scores s JOIN releases r USING (release_id)
            JOIN indicator_weights iw ON iw.indicator = s.indicator
             AND r.year BETWEEN iw.first_year AND iw.last_year
            WHERE r.index_code = 'PCI' AND r.year = 2016 AND r.status = 'current'
            GROUP BY 1) w
        JOIN scores t ON t.province_code = w.province_code AND t.indicator = 'pci_total_weighted'
        JOIN releases r2 ON r2.release_id = t.release_id
         AND r2.index_code = 'PCI' AND r2.year = 2016
    """).fetchone()[0]
    assert gap < 1e-5


def test_every_papi_sub_dimension_row_lands_on_a_catalogue_code_of_its_year(ro):
    rows = ro.execute(
        "SELECT DISTINCT CAST(year AS INTEGER) AS year, indicator FROM read_csv($path,"
        " all_varchar = true)",
        {"path": str(ROOT / "data" / "seed" / "papi_subdimensions_2017_2024.csv")},
    ).fetchall()
    catalogue = {
        indicator: (first, last, level)
        for indicator, first, last, level in ro.execute(
            "SELECT indicator, first_year, coalesce(last_year, 9999), level FROM indicators"
            " WHERE index_code = 'PAPI'"
        ).fetchall()
    }
    assert len(rows) == 22 + 28 + 29 + 29 + 4 * 28
    misplaced = [
        (year, code)
        for year, code in rows
        if code not in catalogue
        or not catalogue[code][0] <= year <= catalogue[code][1]
        or catalogue[code][2] != "sub_component"
    ]
    assert misplaced == []


def test_each_papi_dimension_has_the_sub_dimensions_of_its_year(ro):
    # The catalogue's sets by year, as the shared SOURCES.md lists them (22, 28, 29, 29, 28...).
    counts = ro.execute(
        "SELECT y.year, count(i.indicator) FROM range(2017, 2025) y(year)"
        " JOIN indicators i ON i.index_code = 'PAPI' AND i.level = 'sub_component'"
        " AND y.year BETWEEN i.first_year AND coalesce(i.last_year, 9999)"
        " GROUP BY ALL ORDER BY ALL"
    ).fetchall()
    assert counts == [
        (2017, 22),
        (2018, 28),
        (2019, 29),
        (2020, 29),
        (2021, 28),
        (2022, 28),
        (2023, 28),
        (2024, 28),
    ]


SUB_DIMENSIONS = str(ROOT / "data" / "seed" / "papi_subdimensions_2017_2024.csv")


def papi_values(ro, year, code, level):
    """Indicator -> (value, parent, source) of one province's PAPI release at one level."""
    rows = ro.execute(
        "SELECT s.indicator, s.value, i.parent, s.source FROM scores s"
        " JOIN releases r USING (release_id)"
        " JOIN indicators i ON i.index_code = r.index_code AND i.indicator = s.indicator"
        " WHERE r.status = 'current' AND r.index_code = 'PAPI' AND r.year = $y"
        " AND s.province_code = $c AND i.level = $l",
        {"y": year, "c": code, "l": level},
    ).fetchall()
    return {indicator: (value, parent, source) for indicator, value, parent, source in rows}


def test_hanoi_papi_2024_sub_dimensions_are_present_and_sum_to_their_dimensions(ro):
    subs = papi_values(ro, 2024, "01", "sub_component")
    dimensions = papi_values(ro, 2024, "01", "component")
    assert len(subs) == 28 and len(dimensions) == 8
    for dimension, (value, _, _) in dimensions.items():
        parts = [v for v, parent, _ in subs.values() if parent == dimension]
        assert len(parts) >= 3
        assert sum(parts) == pytest.approx(value, abs=0.001), dimension
    # Each value keeps its own source: the sub-dimension panel, the dimension repository.
    assert subs["D7.2_air_quality"][2] == "github:hnks-gh/ml-mcdm@d165721 data/csv/2024.csv"
    assert dimensions["D7_environmental_governance"][2].startswith("github:tunah72/papi-dashboard")


def test_papi_sub_dimensions_sum_to_their_dimensions_in_every_year(ro):
    # Off by more than 1e-6 only where the panel rounds: Hà Nội 2022 D1 (SC13, SC14 to 2
    # decimals), 0.000695 apart, as the shared SOURCES.md documents.
    gaps = ro.execute("""
        SELECT r.year, d.province_code, d.indicator, round(abs(sum(s.value) - d.value), 6)
        FROM scores s JOIN releases r USING (release_id)
        JOIN indicators i ON i.index_code = 'PAPI' AND i.indicator = s.indicator
        JOIN scores d ON d.release_id = s.release_id AND d.province_code = s.province_code
         AND d.indicator = i.parent
        WHERE r.status = 'current' AND r.index_code = 'PAPI' AND r.year >= 2017
          AND i.level = 'sub_component'
        GROUP BY r.year, d.province_code, d.indicator, d.value
        HAVING abs(sum(s.value) - d.value) > 1e-6
    """).fetchall()
    assert gaps == [(2022, "01", "D1_participation", 0.000695)]


def test_every_sub_dimension_figure_of_the_file_is_stored_as_printed(ro):
    stored = ro.execute(
        """
        SELECT count(*), count(*) FILTER (WHERE s.value = CAST(f.score AS DOUBLE)
                                          AND s.source = f.source_url_or_repo_path)
        FROM read_csv($path, all_varchar = true) f
        JOIN releases r ON r.index_code = 'PAPI' AND r.year = CAST(f.year AS INTEGER)
         AND r.status = 'current'
        LEFT JOIN scores s ON s.release_id = r.release_id
         AND s.province_code = f.province_code AND s.indicator = f.indicator
        WHERE f.score IS NOT NULL
        """,
        {"path": SUB_DIMENSIONS},
    ).fetchone()
    assert stored == (13619, 13619)


def test_blank_sub_dimension_cells_are_not_stored(ro):
    # Quảng Ninh 2021: listed in the panel with every cell blank; missing, never 0 or empty rows.
    assert papi_values(ro, 2021, "22", "sub_component") == {}
    empty = ro.execute(
        "SELECT count(*) FROM scores WHERE value IS NULL AND rank IS NULL"
    ).fetchone()
    assert empty == (0,)
    partial = ro.execute(
        "SELECT year FROM releases WHERE index_code = 'PAPI' AND coverage = 'partial' ORDER BY 1"
    ).fetchall()
    assert partial == [(2014,), (2021,), (2023,), (2024,)]


def test_papi_releases_name_both_seed_files_and_their_checksum(ro):
    row = ro.execute(
        "SELECT DISTINCT file_name, sha256 FROM releases WHERE index_code = 'PAPI'"
    ).fetchall()
    additions = ROOT / "data" / "seed" / "additions_turn3.csv"
    digest = hashlib.sha256(
        (ROOT / "data" / "seed" / "papi.csv").read_bytes()
        + Path(SUB_DIMENSIONS).read_bytes()
        + additions.read_bytes()
    ).hexdigest()
    files = "seed/papi.csv + seed/papi_subdimensions_2017_2024.csv + seed/additions_turn3.csv"
    assert row == [(files, digest)]
    pci = ro.execute("SELECT DISTINCT file_name FROM releases WHERE index_code = 'PCI'").fetchall()
    assert pci == [("seed/pci.csv",)]  # no PCI row in the additions: not named


def test_a_seed_file_whose_columns_are_not_the_long_format_is_refused(tmp_path):
    # load_seed_file names the columns instead of sniffing them: a reordered file must not load.
    bad = tmp_path / "par_index.csv"
    bad.write_text(
        "year,province,province_code,indicator,rank,score,source_url_or_repo_path\n"
        "2024,Hà Nội,01,par_index_total,3,92.57,https://press.example/a\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="par_index.csv"):
        seed.build(tmp_path / "x.duckdb", data_dir=_data_with(tmp_path, bad))


def _data_with(tmp_path: Path, seed_file: Path) -> Path:
    """A data/ folder whose reference tables are the real ones and whose seed has one file."""
    folder = tmp_path / "data"
    (folder / "seed").mkdir(parents=True)
    for table in (ROOT / "data").glob("*.csv"):
        (folder / table.name).symlink_to(table)
    for name in (
        "sipas.csv",
        "papi.csv",
        "papi_subdimensions_2017_2024.csv",
        "pci.csv",
        "additions_turn3.csv",
    ):
        (folder / "seed" / name).symlink_to(ROOT / "data" / "seed" / name)
    seed_file.rename(folder / "seed" / seed_file.name)
    return folder


@pytest.mark.parametrize(
    ("year", "indicator"),
    [
        (2018, None),
        (2018, "D2_transparency"),
        (2018, "D3_vertical_accountability"),
        (2020, "D8.3_e_responsiveness_of_provincial_authorities"),
        (2021, "D5_public_admin_procedures"),
    ],
)
def test_papi_breaks_of_the_sub_dimensions(ro, year, indicator):
    breaks = db.query(ro, "methodology_breaks_by_year", index_code="PAPI")
    found = breaks[(breaks["year"] == year) & (breaks["indicator"].fillna("") == (indicator or ""))]
    assert len(found) == 1
    assert found["note_vi"].iloc[0] and found["note_en"].iloc[0]


def test_a_break_names_an_indicator_of_its_index_used_that_year(ro):
    wrong = ro.execute(
        "SELECT b.index_code, b.year, b.indicator FROM methodology_breaks b"
        " LEFT JOIN indicators i ON i.index_code = b.index_code AND i.indicator = b.indicator"
        " AND b.year BETWEEN i.first_year AND coalesce(i.last_year, 9999)"
        " WHERE b.indicator IS NOT NULL AND i.indicator IS NULL"
    ).fetchall()
    assert wrong == []


def test_the_city_units_are_reference_tables_of_their_index_unit_sets(ro):
    sets = ro.execute(
        "SELECT i.index_code, count(DISTINCT u.code) FROM indices i"
        " JOIN city_units u USING (unit_set) GROUP BY ALL ORDER BY 1"
    ).fetchall()
    assert sets == [("HNPAR_DEPT", 22), ("HNPAR_LOCAL", 30)]
    in_2025 = ro.execute(
        "SELECT count(*) FROM city_units WHERE unit_set = 'hn_local'"
        " AND valid_from <= 2025 AND coalesce(valid_to, 9999) >= 2025"
    ).fetchone()[0]
    assert in_2025 == 0
    codes = ro.execute(
        "SELECT DISTINCT code FROM city_unit_aliases WHERE alias_key = $k",
        {"k": unit_name_key("Sở TN&MT")},
    ).fetchall()
    assert codes == [("HN-D-TNMT",)]

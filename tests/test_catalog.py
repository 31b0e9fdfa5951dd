"""The catalogue of units: province names resolved by year, lineage, per-cent indicators."""

import duckdb
import pytest

from scores.catalog import ProvinceNotFound, Provinces, is_percent, unit_key


@pytest.fixture(scope="module")
def con(built_db):
    connection = duckdb.connect(str(built_db), read_only=True)
    yield connection
    connection.close()


@pytest.mark.parametrize(
    ("name", "year", "code"),
    [
        ("Hà Nội", 2016, "01"),
        ("TP. Hà Nội", 2016, "01"),
        ("HN", 2016, "01"),
        ("TP.HCM", 2016, "79"),
        ("HCMC", 2025, "79"),
        ("TT-Hue", 2016, "46"),
        ("BRVT", 2016, "77"),
        ("Hà Tây", 2008, "28"),
        ("Bắc Ninh", 2016, "27"),
        ("Bắc Ninh", 2025, "24"),
    ],
)
def test_names_resolve_to_the_unit_of_the_year(con, name, year, code):
    assert Provinces(con).resolve(name, year).province_code == code


def test_a_unit_outside_its_years_is_not_found_but_named(con):
    with pytest.raises(ProvinceNotFound) as missing:
        Provinces(con).resolve("Hà Tây", 2009)
    assert [u.name_vi for u in missing.value.existed] == ["Hà Tây"]


def test_an_unknown_name_gets_suggestions_never_a_guess(con):
    with pytest.raises(ProvinceNotFound) as missing:
        Provinces(con).resolve("Ha Noii", 2016)
    assert missing.value.existed == [] and missing.value.suggestions[0] == "Hà Nội"


def test_units_per_year(con):
    provinces = Provinces(con)
    assert (
        len(provinces.in_year(2008)),
        len(provinces.in_year(2016)),
        len(provinces.in_year(2025)),
    ) == (64, 63, 34)


def test_a_picked_spelling_means_the_chosen_unit(con):
    provinces = Provinces(con)
    provinces.choose("Thủ đô", "01")
    assert provinces.resolve("Thủ đô", 2016).province_code == "01"


def test_percent_indicators():
    assert is_percent("SIPAS", "sipas_total") and is_percent("PAR", "par_index_total")
    assert not is_percent("PCI", "pci_total_weighted")


@pytest.mark.parametrize(
    ("key", "line", "others"),
    [
        ("01", [("01", 2025), ("01", 2004)], ["Hà Tây"]),
        ("24", [("24", 2025), ("27", 2004)], ["Bắc Giang"]),
        ("52", [("52", 2025), ("64", 2004)], ["Bình Định"]),
        ("04", [("04", 2025), ("04", 2004)], []),
        ("06-2004", [("06", 2004)], []),
    ],
)
def test_lineage_follows_the_unit_whose_name_was_kept(con, key, line, others):
    provinces = Provinces(con)
    unit = provinces.by_key(key)
    assert [(u.province_code, u.valid_from) for u in provinces.main_line(unit)] == line
    assert [u.name_vi for u in provinces.others(unit)] == others


def test_a_reused_code_means_another_unit_before_2025(con):
    provinces = Provinces(con)
    bac_ninh = provinces.by_key("24")
    assert provinces.along(bac_ninh, 2016).name_vi == "Bắc Ninh"
    assert provinces.along(bac_ninh, 2016).province_code == "27"
    assert provinces.by_code("24", 2016).name_vi == "Bắc Giang"
    assert provinces.merged(bac_ninh) and not provinces.merged(provinces.by_key("01"))


def test_today_and_ended_units_and_their_keys(con):
    provinces = Provinces(con)
    assert len(provinces.today()) == 34
    assert {unit_key(u) for u in provinces.ended()} >= {"06-2004", "28-2004", "01-2004"}
    assert provinces.by_key("28-2004").name_vi == "Hà Tây"
    assert provinces.by_key("28") is None  # Hà Tây does not exist today


def test_indicator_names_are_unique_within_an_index_and_year(con):
    found = con.execute(
        """
        SELECT y.year, i.index_code, i.name_vi, i.name_en
        FROM indicators i, range(2005, 2027) y(year)
        WHERE y.year BETWEEN coalesce(i.first_year, 0) AND coalesce(i.last_year, 9999)
        """
    ).df()
    for column in ("name_vi", "name_en"):
        repeated = found[found.duplicated(["year", "index_code", column], keep=False)]
        assert repeated.empty, repeated

"""The city's unit sets resolved like the provinces: every spelling, by year, refusals with
suggestions, and the units valid in a year."""

import pytest

from scores.catalog import ProvinceNotFound, Provinces, unit_set_of, units_in_year
from scores.text import unit_name_key


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Sở TN&MT", "HN-D-TNMT"),
        ("Sở Tài nguyên và Môi trường", "HN-D-TNMT"),
        ("sở tài nguyên và môi trường", "HN-D-TNMT"),
        ("So Tai nguyen va Moi truong", "HN-D-TNMT"),
        ("Tài nguyên và Môi trường", "HN-D-TNMT"),  # "Sở" left out
        ("Sở LĐ-TB&XH", "HN-D-LDTBXH"),
        ("Sở Lao động, Thương binh và Xã hội", "HN-D-LDTBXH"),
        ("VP UBND TP", "HN-D-VP"),
        ("Văn phòng Ủy ban nhân dân Thành phố", "HN-D-VP"),
        ("Văn phòng UBND thành phố", "HN-D-VP"),
        ("Thanh tra TP", "HN-D-TTTP"),
        ("Ban QL các KCN&CX", "HN-D-BQLKCN"),
        ("Sở GD&ĐT", "HN-D-GDDT"),
        ("SỞ NỘI VỤ", "HN-D-NV"),
        ("Department of Finance", "HN-D-TC"),
        ("Sở Văn hoá và Thể thao", "HN-D-VHTT"),
    ],
)
def test_department_names_resolve_in_every_spelling(ro, name, code):
    assert Provinces(ro, "hn_department").resolve(name, 2022).province_code == code


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("UBND quận Cầu Giấy", "HN-L-CAUGIAY"),
        ("Q. Cầu Giấy", "HN-L-CAUGIAY"),
        ("Quận Cầu Giấy", "HN-L-CAUGIAY"),
        ("quận cầu giấy", "HN-L-CAUGIAY"),
        ("Cau Giay", "HN-L-CAUGIAY"),
        ("Ủy ban nhân dân quận Hoàn Kiếm", "HN-L-HOANKIEM"),
        ("UBND thị xã Sơn Tây", "HN-L-SONTAY"),
        ("TX. Sơn Tây", "HN-L-SONTAY"),
        ("huyện Ba Vì", "HN-L-BAVI"),
        ("H. Ứng Hòa", "HN-L-UNGHOA"),
        ("Nam Từ Liêm", "HN-L-NAMTULIEM"),
    ],
)
def test_district_names_resolve_in_every_spelling(ro, name, code):
    assert Provinces(ro, "hn_local").resolve(name, 2023).province_code == code


def test_every_alias_of_the_data_resolves_to_its_own_unit(ro):
    rows = ro.execute("SELECT unit_set, alias, code FROM city_unit_aliases").fetchall()
    sets = {name: Provinces(ro, name) for name in {row[0] for row in rows}}
    wrong = [(a, c) for s, a, c in rows if sets[s].resolve(a, 2022).province_code != c]
    assert len(rows) == 193 and wrong == []


def test_an_unknown_department_is_refused_with_the_nearest_names(ro):
    with pytest.raises(ProvinceNotFound) as missing:
        Provinces(ro, "hn_department").resolve("Sở Tài chánh", 2022)
    assert missing.value.existed == []
    assert missing.value.suggestions[0] == "Sở Tài chính"


def test_a_department_name_is_not_a_district(ro):
    with pytest.raises(ProvinceNotFound) as missing:
        Provinces(ro, "hn_local").resolve("Sở Nội vụ", 2022)
    assert "Sở Nội vụ" not in missing.value.suggestions


def test_a_district_after_2024_is_refused_as_a_unit_that_ended(ro):
    with pytest.raises(ProvinceNotFound) as missing:
        Provinces(ro, "hn_local").resolve("UBND quận Cầu Giấy", 2025)
    assert [(u.name_vi, u.valid_to) for u in missing.value.existed] == [("Quận Cầu Giấy", 2024)]


def test_the_provinces_stay_the_default_set(ro):
    provinces = Provinces(ro)
    assert provinces.unit_set == "province" and len(provinces.in_year(2016)) == 63
    with pytest.raises(ProvinceNotFound):
        provinces.resolve("Sở Nội vụ", 2016)


@pytest.mark.parametrize(
    ("index_code", "unit_set"),
    [("PAR", "province"), ("HNPAR_DEPT", "hn_department"), ("HNPAR_LOCAL", "hn_local")],
)
def test_each_index_names_its_unit_set(ro, index_code, unit_set):
    assert unit_set_of(ro, index_code) == unit_set
    assert Provinces.of_index(ro, index_code).unit_set == unit_set


@pytest.mark.parametrize(
    ("unit_set", "year", "count"),
    [
        ("hn_department", 2022, 22),
        ("hn_local", 2024, 30),
        ("hn_local", 2025, 0),  # the districts ended on 30 June 2025; communes not listed yet
        ("province", 2024, 63),
        ("province", 2025, 34),
    ],
)
def test_units_valid_in_a_year(ro, unit_set, year, count):
    assert len(units_in_year(ro, unit_set, year)) == count


def test_no_district_of_2024_is_valid_in_2025(ro):
    in_2024 = {u.province_code for u in units_in_year(ro, "hn_local", 2024)}
    in_2025 = {u.province_code for u in units_in_year(ro, "hn_local", 2025)}
    assert len(in_2024) == 30 and in_2024 & in_2025 == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UBND quận Cầu Giấy", "caugiay"),
        ("Q. Cầu Giấy", "caugiay"),
        ("Ủy ban nhân dân thị xã Sơn Tây", "sontay"),
        ("Sở TN&MT", "tnmt"),
        ("Thanh tra Thành phố", "thanhtra"),
    ],
)
def test_the_unit_key_drops_the_city_prefixes(text, expected):
    assert unit_name_key(text) == expected

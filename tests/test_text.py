"""Matching keys: case, diacritics, punctuation, prefixes and spacing are ignored."""

import pytest

from scores.text import also_reported, key, province_key, without_years


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("Hà Nội", "Hà Nội"),
        ("Ha Noi", "Hà Nội"),
        ("TP. Hà Nội", "Hà Nội"),
        ("Hanoi", "Hà Nội"),
        ("Thành phố Hà Nội", "Hà Nội"),
        ("  HÀ   NỘI ", "Hà Nội"),
        ("Tỉnh Đắk Lắk", "Đắk Lắk"),
        ("Đăk Lăk", "Đắk Lắk"),
        ("Hoà Bình", "Hòa Bình"),
        ("Thanh Hoá", "Thanh Hóa"),
        ("Bà Rịa – Vũng Tàu", "Bà Rịa - Vũng Tàu"),
        ("Ho Chi Minh City", "Hồ Chí Minh"),
        ("Tp.Hồ Chí Minh", "Hồ Chí Minh"),
    ],
)
def test_province_spellings_share_a_key(spelling, canonical):
    assert province_key(spelling) == province_key(canonical)


@pytest.mark.parametrize(("one", "other"), [("Hà Nội", "Hải Phòng"), ("Quảng Nam", "Quảng Ninh")])
def test_different_provinces_keep_different_keys(one, other):
    assert province_key(one) != province_key(other)


def test_header_keys_ignore_line_breaks_and_spacing():
    assert key("Dịch vụ hỗ trợ\nDN") == key("dich vu ho tro dn") == "dichvuhotrodn"


def test_years_are_removed_from_headers():
    assert key(without_years("PCI 2016")) == "pci"
    assert key(without_years("Xếp hạng 2023")) == "xephang"
    assert without_years("120161") == "120161"


def test_also_reported_figures_are_listed_with_their_source():
    source = (
        "https://vccinews.com/news/60276 | also reported as 91.10: "
        "https://tygiamoi.com/hai-phong-210784.html"
    )
    assert also_reported(source) == [("91.10", "Tỷ giá mới")]
    assert also_reported("https://vccinews.com/news/60276") == []
    assert also_reported(None) == []

"""Matching keys: case, diacritics, punctuation, prefixes and spacing are ignored."""

import pytest

from scores.errors import Refused
from scores.i18n import describe
from scores.text import (
    TextRefused,
    key,
    literal,
    province_key,
    require_plain,
    text_problem,
    without_years,
)


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


# The text rule (issue #23): one check for every typed field, one way to show it.
@pytest.mark.parametrize(
    ("value", "field", "rule"),
    [
        ("x" * 201, "owner", "too_long"),
        ("x" * 2001, "action", "too_long"),
        ("x" * 1_000_000, "note", "too_long"),
        ("Sở\x07 Tài chính", "owner", "control"),
        ("line one\nline two", "owner", "control"),  # one line only
        ("hạn 2026-12-31\u202e", "note", "bidi"),  # RIGHT-TO-LEFT OVERRIDE
        ("\u200fSở Nội vụ", "owner", "bidi"),  # RIGHT-TO-LEFT MARK
        ("nguồn\u2067", "source", "bidi"),
    ],
)
def test_typed_text_breaking_the_rule_is_named(value, field, rule):
    problem = text_problem(value, field)
    assert problem is not None and problem[0] == rule
    with pytest.raises(TextRefused) as refused:
        require_plain(value, field)
    assert (refused.value.field, refused.value.rule) == (field, rule)


@pytest.mark.parametrize(
    ("value", "field"),
    [
        ("x" * 200, "owner"),
        ("x" * 2000, "action"),
        ("Dòng một\nDòng hai\tcột", "note"),
        ("מחלקת האוצר · وزارة المالية", "owner"),  # right-to-left letters are text like any
        ("![b](http://127.0.0.1:9/x.png)", "basis"),  # shown as written, not refused
    ],
)
def test_ordinary_text_passes(value, field):
    assert text_problem(value, field) is None


def test_a_refusal_says_field_rule_and_where_in_both_languages():
    # The text rule refuses like every write: one Refused, its problem worded by describe.
    with pytest.raises(Refused) as refused:
        require_plain("Sở\u202eTài chính", "owner")
    (problem,) = refused.value.problems
    assert (problem.section, problem.rule) == ("trust", "text_bidi")
    assert describe(problem, "en").startswith("Agency in charge: character 3 is an")
    assert "U+202E" in describe(problem, "en")
    assert describe(problem, "vi").startswith("Cơ quan chủ trì: ký tự thứ 3")


def test_literal_markdown_shows_as_written():
    shown = literal("![b](http://127.0.0.1:9/x.png) **đậm** a@b.vn :red[x]")
    assert "![" not in shown and "](" not in shown and "**" not in shown
    assert "http:\u2060" in shown and "@\u2060" in shown  # no bare address to link


def test_typed_asterisks_survive_when_a_sentence_loses_its_emphasis():
    from scores.export.images import plain
    from scores.text import typed_in_sentence

    sentence = f"**1,50 điểm**: {typed_in_sentence('**Sở Nội vụ** *gấp*')}"
    assert plain(sentence).replace("\u2060", "") == "1,50 điểm: **Sở Nội vụ** *gấp*"

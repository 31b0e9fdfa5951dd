"""scores/sources.py: a figure's sources as written in the seed (SIPAS 2024 from the press, PAPI
from the publisher's own tables): the whole trail once each, the short line a leader reads in
either language, and the other figure the press printed."""

import pytest

from scores.sources import also_reported, readable_source, trail

HANOI_TIMES = (
    "https://hanoitimes.vn/hanoi-urges-improvements-to-retain-top-spot-in-governance-index"
    ".730143.html"
)
TYGIAMOI = "https://tygiamoi.com/hai-phong-vua-vuot-hai-duong-o-mot-chi-so-quan-trong-210784.html"
VCCI = (
    "https://vccinews.com/news/60276/administrative-reform-success-from-high-determination"
    "-great-effort-and-firm-action.html"
)
# SIPAS 2024 as stored: the release's documents joined by " ; ", a value's sources by " | ".
RELEASE = f"{HANOI_TIMES} ; {TYGIAMOI} ; {VCCI}"
HAI_PHONG = f"{VCCI} | also reported as 91.10: {TYGIAMOI}"
PAPI = "github:mdtrinh/vietnamdata@be581b8 data-raw/PAPI/PAPI_2011-2016.xlsx [sheet 2011_PAPI]"


def test_the_trail_keeps_every_source_whole_once_each_and_skips_none():
    assert trail([RELEASE, HAI_PHONG, None, HANOI_TIMES]) == [
        HANOI_TIMES, TYGIAMOI, VCCI, f"also reported as 91.10: {TYGIAMOI}"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("vi", "Bộ Nội vụ – theo Hanoi Times; theo Tỷ giá mới; theo VCCI"),
        ("en", "Bộ Nội vụ – as reported by Hanoi Times; as reported by Tỷ giá mới; as reported by"
               " VCCI"),
    ],
)  # fmt: skip
def test_a_leader_reads_the_publisher_and_the_outlets_never_an_address(lang, line):
    shown = readable_source("Bộ Nội vụ", "SIPAS", 2024, [RELEASE, HAI_PHONG], lang)
    assert shown == line and "http" not in shown and "91.10" not in shown


def test_the_publishers_own_table_is_named_as_its_data_not_its_repository():
    assert readable_source("UNDP", "PAPI", 2011, [PAPI, PAPI], "vi") == "UNDP – số liệu PAPI 2011"
    assert readable_source("UNDP", "PAPI", 2011, [None], "en") == "UNDP"


def test_also_reported_figures_are_listed_with_their_source():
    assert also_reported(HAI_PHONG) == [("91.10", "Tỷ giá mới")]
    assert also_reported(VCCI) == []
    assert also_reported(None) == []

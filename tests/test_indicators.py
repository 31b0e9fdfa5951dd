"""The catalogue of indicators: headers matched to an index's indicators by year."""

import pytest

from scores.indicators import Indicators


@pytest.mark.parametrize(
    ("header", "year", "indicator"),
    [
        ("PCI", 2016, "pci_total_weighted"),
        ("PCI 2016", 2016, "pci_total_weighted"),
        ("gia nhap  thi truong", 2016, "entry_costs"),
        ("Chi phí\nkhông chính thức", 2016, "informal_charges"),
    ],
)
def test_headers_match_ignoring_case_diacritics_spacing_and_years(ro, header, year, indicator):
    assert Indicators(ro, "PCI").match(header, year)[0].indicator == indicator


def test_an_unknown_header_matches_nothing(ro):
    assert Indicators(ro, "PCI").match("Cột lạ", 2016) == []


def test_the_headline_of_an_index_follows_its_methodology(ro):
    papi = Indicators(ro, "PAPI")
    assert papi.headline(2017).indicator != papi.headline(2018).indicator

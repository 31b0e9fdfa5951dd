"""Preparing an upload without writing: the index and year checked first, the publication date,
coverage of the year's units, and a real release read, understood and checked."""

from datetime import date, timedelta

import pytest
from conftest import publisher_table

from scores.catalog import Provinces
from scores.errors import ImportRefused
from scores.ingest.importer import check_date, check_target, coverage, prepare


def test_an_unknown_index_and_an_impossible_year_are_both_named(ro):
    problems = check_target(ro, "XYZ", 1999)
    assert [(p.rule, p.value) for p in problems] == [
        ("unknown_index", "XYZ"),
        ("year_out_of_range", "1999"),
    ]
    assert "PCI" in problems[0].detail["known"] and check_target(ro, "PCI", 2016) == []


@pytest.mark.parametrize(
    ("text", "iso", "rule"),
    [
        ("2017-03-28", "2017-03-28", None),
        ("28/03/2017", "2017-03-28", None),
        ("", "", None),
        ("31/02/2017", "", "bad_date"),
        ((date.today() + timedelta(days=3)).isoformat(), "", "future_date"),
    ],
)
def test_a_publication_date_is_iso_day_first_or_blank_and_never_in_the_future(text, iso, rule):
    found, problems = check_date(text)
    assert (found, [p.rule for p in problems]) == (iso, [rule] if rule else [])


def test_coverage_is_complete_only_when_every_unit_of_the_year_is_there(ro):
    table = publisher_table(ro, "PCI", 2016)
    prepared = prepare(ro, table.to_csv(index=False).encode(), "pci_2016.csv", "PCI", 2016)
    provinces = Provinces(ro)
    assert coverage(prepared.parsed.values, provinces, 2016) == "complete"
    some = prepared.parsed.values[prepared.parsed.values["province_code"] != "01"]
    assert coverage(some, provinces, 2016) == "partial"


def test_a_real_release_is_prepared_with_no_problem_and_its_values_as_published(ro):
    table = publisher_table(ro, "PCI", 2016)
    prepared = prepare(ro, table.to_csv(index=False).encode(), "pci_2016.csv", "PCI", 2016)
    assert (prepared.parsed.problems, prepared.coverage, prepared.layout.layout) == (
        [],
        "complete",
        "wide",
    )
    values = prepared.parsed.values
    total = values[values["indicator"] == "pci_total_weighted"].set_index("province_code")
    assert len(total) == 63  # the 63 provinces of 2016, each with its published total
    assert (round(total.loc["01", "value"], 2), total.loc["01", "rank"]) == (60.74, 14)


def test_a_bad_index_is_refused_before_the_file_is_read(ro):
    with pytest.raises(ImportRefused) as refused:
        prepare(ro, b"\x00 not even text", "x.csv", "XYZ", 2016)
    assert [p.rule for p in refused.value.problems] == ["unknown_index"]

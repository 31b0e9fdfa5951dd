"""The command line's arguments: the contract's commands parsed, bad import arguments refused at
once, and who a change is by."""

import argparse

import pytest

from scores.cli.arguments import by, import_arguments, is_number, parser
from scores.errors import Refused
from scores.roles import command_line_name


def test_import_parses_repeated_maps_and_skips_and_keeps_the_year_as_typed():
    args = parser().parse_args(
        ["import", "pci.csv", "--index", "PCI", "--year", "2016", "--map", "A=x", "--map", "B=y"]
    )
    assert (args.command, args.file, args.index, args.year) == ("import", "pci.csv", "PCI", "2016")
    assert (args.map, args.skip, args.table, args.partial) == (["A=x", "B=y"], [], 1, False)


def test_an_unknown_command_or_a_missing_required_option_exits_with_usage():
    for argv in (["nonsense"], ["import", "pci.csv", "--year", "2016"], ["brief", "--year", "1"]):
        with pytest.raises(SystemExit):
            parser().parse_args(argv)


def import_args(**given: object) -> argparse.Namespace:
    return argparse.Namespace(**{"year": "2016", "map": [], "date": "", **given})


def test_good_import_arguments_give_the_year_and_the_column_map():
    args = import_args(map=["Điểm PCI=pci_total_weighted", "a=b=c"])
    assert import_arguments(args) == (2016, {"Điểm PCI": "pci_total_weighted", "a": "b=c"})


def test_every_bad_import_argument_is_refused_at_once():
    with pytest.raises(Refused) as refused:
        import_arguments(import_args(year="2O16", map=["no-equals"], date="31/02/2024"))
    assert [(p.rule, p.value) for p in refused.value.problems] == [
        ("bad_year", "2O16"),
        ("bad_map", "no-equals"),
        ("bad_date", "31/02/2024"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"), [("2016", True), ("２０１６", False), ("20.5", False)]
)
def test_a_year_is_ascii_digits_only(text, expected):
    assert is_number(text) is expected


def test_a_change_from_the_command_line_is_marked_as_such():
    actor = by(argparse.Namespace(by="hoa"))
    assert (command_line_name(actor.name), actor.role) == ("hoa", "admin")

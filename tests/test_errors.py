"""One refusal type: every problem carried at once, named by its rule."""

import pytest

from scores.errors import ImportRefused, Problem, Refused


def test_a_refusal_carries_every_problem_and_names_their_rules():
    problems = [Problem("bad_year", value="20x6"), Problem("bad_map", value="PCI")]
    with pytest.raises(Refused) as refused:
        raise Refused(problems)
    assert refused.value.problems == problems
    assert str(refused.value) == "2 problem(s): bad_year, bad_map"


def test_the_import_name_is_the_same_refusal_type():
    with pytest.raises(Refused):
        raise ImportRefused([Problem("empty_file")])


def test_problems_are_equal_by_row_column_value_rule_and_section_not_detail():
    one = Problem("unknown_column", 3, "Cột lạ", detail={"suggestions": "PCI"})
    assert one == Problem("unknown_column", 3, "Cột lạ", detail={})
    assert one != Problem("unknown_column", 4, "Cột lạ")
    assert Problem("bad_date") != Problem("bad_date", section="action_problem")

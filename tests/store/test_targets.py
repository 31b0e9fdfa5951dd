"""Target edits: each rule refuses a bad target, a sound one is saved with who and when."""

import pytest

from scores.errors import Refused
from scores.i18n import describe
from scores.roles import Actor
from scores.store.targets import Target, problems, save
from scores.text import TextRefused

SOUND = Target(
    None, "01", "PAR", "par_index_total", "rank_at_most", 5.0, 2025, None, "Kế hoạch 2025"
)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"kind": "rank_below"}, "kind"),
        ({"threshold": 0.0}, "rank"),
        ({"threshold": 64.0}, "rank"),
        ({"threshold": 2.5}, "rank"),
        ({"kind": "value_at_least", "threshold": 101.0}, "value"),
        ({"last_year": 2024}, "years"),
        ({"basis": "  "}, "basis"),
    ],
)
def test_each_rule(change, problem):
    found = problems(Target(**{**SOUND.__dict__, **change}), 63, 100)
    assert [(p.section, p.rule) for p in found] == [("target_problem", problem)]


def test_a_sound_target_is_saved_with_a_new_id(con):
    assert problems(SOUND, 63, 100) == []
    target_id = save(con, SOUND, Actor("admin", "admin"))
    row = con.execute(
        "SELECT province_code, threshold, updated_by FROM targets WHERE target_id = $t",
        {"t": target_id},
    ).fetchone()
    assert target_id == 3 and row == ("01", 5.0, "admin")


def test_save_refuses_a_broken_rule_and_stores_nothing(con):
    """The write checks the rules itself (units of the year and the indicator's maximum from the
    database), so a caller that skips the check still cannot store a bad target."""
    before = con.execute("SELECT * FROM targets ORDER BY target_id").fetchall()
    with pytest.raises(Refused) as refused:
        save(con, Target(**{**SOUND.__dict__, "threshold": 64.0}), Actor("admin", "admin"))
    assert [p.rule for p in refused.value.problems] == ["rank"]
    assert describe(refused.value.problems[0], "en").startswith("Value “64”: A rank threshold")
    assert con.execute("SELECT * FROM targets ORDER BY target_id").fetchall() == before


@pytest.mark.parametrize("basis", ["x" * 2001, "Kế hoạch\x00 2025", "Kế hoạch \u202e2025"])
def test_a_basis_breaking_the_text_rule_is_not_saved(con, basis):
    before = con.execute("SELECT count(*) FROM targets").fetchone()
    with pytest.raises(TextRefused):
        save(con, Target(**{**SOUND.__dict__, "basis": basis}), Actor("admin", "admin"))
    assert con.execute("SELECT count(*) FROM targets").fetchone() == before

"""Refused writes: each Problem names its row, column, value and the rule broken."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One broken rule; `section`.`rule` is its sentence in the message catalogue (problem.<rule>
    for files, action_problem.<rule> and target_problem.<rule> for the plan's forms)."""

    rule: str
    row: int | None = None
    column: str | None = None
    value: str | None = None
    detail: dict = field(default_factory=dict, compare=False)
    section: str = "problem"


class Refused(Exception):
    """Nothing was stored; `problems` lists every reason at once (i18n.describe words them)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s): " + ", ".join(p.rule for p in problems))
        self.problems = problems


# The import code's name for the same type (kept so the import path reads as before).
ImportRefused = Refused

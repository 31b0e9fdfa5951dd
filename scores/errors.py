"""Problems found in an upload: each names its row, column, value and the rule broken."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One broken rule; `rule` is a key of the message catalogue (problem.<rule>)."""

    rule: str
    row: int | None = None
    column: str | None = None
    value: str | None = None
    detail: dict = field(default_factory=dict, compare=False)


class ImportRefused(Exception):
    """The file was not stored; `problems` lists every reason at once."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems

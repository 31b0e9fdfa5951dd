"""Who may change what: the roles, the actor behind a change, and the check every write makes."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

# Lowest first: each role may do everything the ones before it may.
ROLES = ("viewer", "editor", "admin")


class NotAllowed(PermissionError):
    """A write asked for by someone whose role is below what it needs."""

    def __init__(self, actor: "Actor", needed: str) -> None:
        super().__init__(f"{actor.name} ({actor.role}) may not do this: it needs {needed}")
        self.actor, self.needed = actor, needed


@dataclass(frozen=True)
class Actor:
    """The person behind a change: a name (an e-mail, or the OS user on the command line) and a
    role from the configuration, never from what the browser sends."""

    name: str
    role: str = "viewer"

    def may(self, needed: str) -> bool:
        """Whether this actor's role is at least `needed`."""
        return self.role in ROLES and ROLES.index(self.role) >= ROLES.index(needed)


def require(actor: Actor, needed: str) -> None:
    """Refuse (NotAllowed) unless the actor's role is at least `needed`: the first line of
    every write path (release import, restore, target, remediation action)."""
    if not actor.may(needed):
        raise NotAllowed(actor, needed)


def _lower(values: object) -> set[str]:
    if isinstance(values, str):
        values = [values]
    return {str(v).strip().lower() for v in values or ()} if isinstance(values, Iterable) else set()


def role_of(email: str, claims: Mapping[str, object], config: Mapping[str, object]) -> str:
    """The role a signed-in identity has under the [roles] configuration: its e-mail on the
    `admin` or `editor` list, or (when `claim` names one) the provider's claim holding "admin" or
    "editor"; the highest wins; anyone else is a viewer."""
    email = email.strip().lower()
    found = _lower(claims.get(str(config["claim"]))) if config.get("claim") else set()
    for role in reversed(ROLES[1:]):
        if (email and email in _lower(config.get(role))) or role in found:
            return role
    return "viewer"


# Failed sign-ins: the n-th failure within the window makes the next attempt wait 2**n seconds,
# at most BACKOFF_CAP. Ten failures in a row take over thirteen minutes, not seconds.
BACKOFF_WINDOW = 3600.0
BACKOFF_CAP = 300.0


@dataclass
class Backoff:
    """The failed sign-ins of one session (or of the whole process) and the wait they impose."""

    failures: list[float] = field(default_factory=list)

    def _recent(self, now: float) -> list[float]:
        return [moment for moment in self.failures if now - moment < BACKOFF_WINDOW]

    def wait(self, now: float) -> float:
        """Seconds before the next attempt may be checked; 0 when it may be now."""
        recent = self._recent(now)
        if not recent:
            return 0.0
        return max(0.0, recent[-1] + min(2.0 ** len(recent), BACKOFF_CAP) - now)

    def fail(self, now: float) -> None:
        """Count one more failure at `now` (failures older than the window are forgotten)."""
        self.failures = [*self._recent(now), now]

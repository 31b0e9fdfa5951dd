"""Who may change what: the roles, the actor behind a change, and the check every write makes."""

from collections.abc import Mapping
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
    # Who vouched for the name: the identity provider's issuer and its subject (OIDC only), so
    # that two subjects with one e-mail stay two people in the audit log.
    issuer: str | None = None
    subject: str | None = None

    def may(self, needed: str) -> bool:
        """Whether this actor's role is at least `needed`."""
        return self.role in ROLES and ROLES.index(self.role) >= ROLES.index(needed)


def require(actor: Actor, needed: str) -> None:
    """Refuse (NotAllowed) unless the actor's role is at least `needed`: the first line of
    every write path (release import, restore, target, remediation action)."""
    if not actor.may(needed):
        raise NotAllowed(actor, needed)


def _lower(values: object) -> set[str]:
    """The names a claim holds: a string or a list of strings; anything else (a dict, a
    number, a nested object) holds none, so {"admin": false} grants nothing."""
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, list | tuple):
        return set()
    return {v.strip().lower() for v in values if isinstance(v, str)}


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


# The command line: its changes carry this prefix and whoever --by names, so the trail tells
# "lan, from a terminal on the server" apart from "lan, signed in to the app".
COMMAND_LINE = "cli:"


def command_line(name: str) -> Actor:
    """The actor behind a command-line change: a local administrator, named as given."""
    return Actor(COMMAND_LINE + name, "admin")


def command_line_name(who: str) -> str | None:
    """The name a command-line change was made under ("cli:lan" -> "lan"); None otherwise."""
    return who.removeprefix(COMMAND_LINE) if who.startswith(COMMAND_LINE) else None


# An account is locked after this many failures within the window from every client together
# (guessing spread over many addresses); a locked account makes a client that failed wait
# BACKOFF_CAP after its own last failure, and never blocks a client that has not failed.
ACCOUNT_LOCK = 20


@dataclass
class SignInGuard:
    """The password failures of one server process, per client (an address) and for the
    account: nobody's guesses can keep out a client that has not guessed wrong."""

    clients: dict[str, Backoff] = field(default_factory=dict)
    account: Backoff = field(default_factory=Backoff)

    def wait(self, client: str, now: float) -> float:
        """Seconds before this client's next attempt may be checked; 0 when it may be now."""
        mine = self.clients.get(client)
        recent = mine._recent(now) if mine else []
        if not recent:
            return 0.0
        wait = mine.wait(now)
        if len(self.account._recent(now)) >= ACCOUNT_LOCK:
            wait = max(wait, recent[-1] + BACKOFF_CAP - now)
        return max(0.0, wait)

    def fail(self, client: str, now: float) -> None:
        """Count a failure of this client (and of the account); forget clients long quiet."""
        self.clients = {c: b for c, b in self.clients.items() if b._recent(now)}
        self.clients.setdefault(client, Backoff()).fail(now)
        self.account.fail(now)

    def succeed(self, client: str) -> None:
        """The right password: this client starts afresh (the account's count stays)."""
        self.clients.pop(client, None)


def verified_email(claims: Mapping[str, object], now: float) -> tuple[str, str | None]:
    """The identity an ID token's claims vouch for: (e-mail, None), or ("", why not) with why
    one of "expired" (past `exp`), "unverified" (no e-mail, or email_verified not true).
    Never preferred_username or sub: a provider lets people choose those."""
    expires = claims.get("exp")
    if isinstance(expires, int | float) and not isinstance(expires, bool) and expires < now:
        return "", "expired"
    email = claims.get("email")
    verified = claims.get("email_verified")
    if isinstance(verified, str):  # some providers send the JSON boolean as text
        verified = verified.strip().lower() == "true"
    if not isinstance(email, str) or "@" not in email or verified is not True:
        return "", "unverified"
    return email.strip().lower(), None

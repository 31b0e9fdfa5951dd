"""The registry of slide kinds: each kind registers its builder under the key used in ?slides=."""

from collections.abc import Callable

from scores.export.slides import Context, Slide

Builder = Callable[[Context], list[Slide]]
BUILDERS: dict[str, Builder] = {}
# The default order of a pack: what leaders ask first, then why, then what is being done.
ORDER = ("scorecard", "targets", "rankings", "weakest", "changes", "plan", "compare", "city")


def kind(key: str) -> Callable[[Builder], Builder]:
    """Register a slide kind under a key (the key used in ?slides= and --slides)."""

    def register(builder: Builder) -> Builder:
        BUILDERS[key] = builder
        return builder

    return register

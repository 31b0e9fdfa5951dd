"""The Data page's release history and import log as a reader sees them, in the chosen language."""

from pathlib import PurePath

import pandas as pd

from scores.app.state import lang, tr
from scores.app.widgets import localized, readable
from scores.i18n import day, number, t
from scores.roles import command_line_name

# Who imported, as stored -> its words in the catalogue; anyone else (an e-mail) as stored.
IMPORTERS = {"admin (password)": "history.by_password", "admin": "history.by_admin"}
IMPORTERS["seed"] = "history.by_seed"


def importer(name: object) -> str:
    """Who imported a release, in the chosen language ("admin (password)" -> its words)."""
    if name is None or pd.isna(name):
        return "–"
    return who(str(name), lang())


def who(name: str, language: str) -> str:
    """A stored author in words: "admin (password)" and "seed" by the catalogue, a
    command-line change as "from the command line, by X", anyone else (an e-mail) as stored."""
    typed = command_line_name(name)
    if typed is not None:
        return t("trust.by_command_line", language, name=typed)
    return t(IMPORTERS[name], language) if name in IMPORTERS else name


def _whole(value: object) -> str:
    return "–" if value is None or pd.isna(value) else str(int(value))


def _text(frame: pd.DataFrame) -> pd.DataFrame:
    """Every cell as text, missing as '–' (never "None")."""
    return frame.astype(object).where(frame.notna(), "–").astype(str)


# When and by whom before the technical trail (file, checksum), which is wide.
RELEASE_COLUMNS = [
    "release_id",
    "index_code",
    "year",
    "version",
    "status",
    "coverage",
    "imported_at",
    "imported_by",
    "rows",
    "source",
    "file_name",
    "sha256",
]


def releases_table(releases: pd.DataFrame) -> pd.DataFrame:
    """Every release with its status, coverage, date, importer and size in the chosen language."""
    shown = releases[RELEASE_COLUMNS].assign(
        release_id=releases["release_id"].map(_whole),
        year=releases["year"].map(_whole),
        version=releases["version"].map(_whole),
        status=releases["status"].map(lambda s: tr(f"release_status.{s}")),
        coverage=releases["coverage"].map(lambda c: tr(f"coverage.{c}")),
        imported_at=releases["imported_at"].map(lambda d: day(d, lang(), time=True)),
        imported_by=releases["imported_by"].map(importer),
        rows=releases["rows"].map(lambda n: number(n, lang(), 0)),
        source=[readable(r.index_code, r.year, [r.source]) for r in releases.itertuples()],
        file_name=releases["file_name"].map(file_names),
    )
    return localized(_text(shown), "history")


def file_names(stored: object) -> str:
    """The files a release came from, by name only ("papi.csv + papi_subdimensions….csv"):
    never the project's folders."""
    if not isinstance(stored, str):
        return "–"
    return " + ".join(PurePath(part.strip()).name for part in stored.split(" + "))


def log_table(log: pd.DataFrame) -> pd.DataFrame:
    """Import attempts with their outcome, date and importer in the chosen language."""
    shown = log.assign(
        attempted_at=log["attempted_at"].map(lambda d: day(d, lang(), time=True)),
        outcome=log["outcome"].map(lambda o: tr(f"history.outcome_{o}")),
        year=log["year"].map(_whole),
        release_id=log["release_id"].map(_whole),
        imported_by=log["imported_by"].map(importer),
    )
    return localized(_text(shown), "history")

"""The release history as a reader sees it: who imported in words, files by name only."""

import pytest

from scores.app.history import file_names, who
from scores.i18n import t


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_stored_authors_are_said_in_words_and_anyone_else_as_stored(lang):
    assert who("admin (password)", lang) == t("history.by_password", lang)
    assert who("seed", lang) == t("history.by_seed", lang) != "seed"
    assert who("cli:lan", lang) == t("trust.by_command_line", lang, name="lan")
    assert "lan" in who("cli:lan", lang) and "cli:" not in who("cli:lan", lang)
    assert who("hoa@noivu.hanoi.gov.vn", lang) == "hoa@noivu.hanoi.gov.vn"


def test_a_releases_files_are_named_without_the_projects_folders():
    stored = "seed/papi.csv + /srv/scores/data/seed/papi_subdimensions_2017_2024.csv"
    assert file_names(stored) == "papi.csv + papi_subdimensions_2017_2024.csv"
    assert file_names(None) == "–" and file_names(float("nan")) == "–"

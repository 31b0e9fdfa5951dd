"""The malformed-file corpus (tests/data/bad): each file refused with its own message, the
database unchanged, and the refusal in the import log with its reason."""

import csv
import shutil

import pytest
from conftest import ROOT, assert_unchanged, snapshot

from scores import db
from scores.errors import ImportRefused
from scores.i18n import describe
from scores.store import releases as store
from scores.store.imports import import_file

CORPUS = ROOT / "tests" / "data" / "bad"
with (CORPUS / "EXPECTED.csv").open(encoding="utf-8") as handle:
    EXPECTED = list(csv.DictReader(handle))
SOURCE = store.Source("VCCI", "corpus", imported_by="tester")


@pytest.fixture(scope="module")
def corpus_con(built_db, tmp_path_factory):
    """One writable copy for the whole corpus: every case must leave it as it found it."""
    path = tmp_path_factory.mktemp("corpus") / "scores.duckdb"
    shutil.copy(built_db, path)
    connection = db.connect(path)
    yield connection
    connection.close()


def test_the_corpus_is_large_and_fully_described():
    files = {p.name for p in CORPUS.iterdir() if p.name not in ("EXPECTED.csv", "build.py")}
    assert files == {row["file"] for row in EXPECTED}
    assert len(files) >= 40


@pytest.mark.parametrize("case", EXPECTED, ids=[row["file"] for row in EXPECTED])
def test_each_bad_file_is_refused_with_its_message_and_logged(corpus_con, case):
    before = snapshot(corpus_con)
    with pytest.raises(ImportRefused) as refused:
        import_file(corpus_con, CORPUS / case["file"], "PCI", 2016, SOURCE)
    assert_unchanged(before, corpus_con)
    problems = refused.value.problems
    assert problems[0].rule == case["rule"]
    assert case["fragment"] in describe(problems[0], "en")
    assert describe(problems[0], "vi") != describe(problems[0], "en")
    file_name, outcome, reason = corpus_con.execute(
        "SELECT file_name, outcome, reason FROM import_log ORDER BY attempted_at DESC LIMIT 1"
    ).fetchone()
    assert (file_name, outcome) == (case["file"], "refused")
    assert case["fragment"] in reason

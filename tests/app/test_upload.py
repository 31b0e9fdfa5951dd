"""scores/app/upload.py: a file read with the answers given on the Data page (a column's
indicator, a skipped column, a name's unit), the problems, the kept originals and the form
pre-filled from the file (real releases)."""

import hashlib

import pytest
import streamlit as st

from tests.app.conftest import read

pytestmark = pytest.mark.usefixtures("fresh_session")


SIPAS = "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)"


def test_a_column_given_its_indicator_on_the_page_is_read_as_that_indicator(built, tables):
    text = tables["sipas"].replace(SIPAS, "Cột lạ")
    unread = read(text, "SIPAS", 2024)
    assert [box.key for box in unread.selectbox] == ["map::Cột lạ"]
    assert unread.session_state["read"] == {}
    answered = read(text, "SIPAS", 2024, {"map::Cột lạ": "sipas_total"})
    assert answered.session_state["read"] == tables["stored"]
    assert answered.success[0].value == "Không có lỗi."


def test_a_column_skipped_on_the_page_is_no_problem(built, tables):
    text = tables["sipas"].replace("Xếp hạng", "Cột lạ")
    assert "Cột lạ" in read(text, "SIPAS", 2024).error[0].value
    skipped = read(text, "SIPAS", 2024, {"map::Cột lạ": "__skip__"})
    assert not skipped.error and skipped.session_state["read"] == tables["stored"]


def test_a_name_matched_on_the_page_reads_as_that_unit(built, tables):
    text = tables["sipas"].replace("Hà Nội", "Hà Nộii")
    unmatched = read(text, "SIPAS", 2024)
    pick = unmatched.selectbox(key="prov::Hà Nộii")
    assert pick.options[1] == "Hà Nội"  # the nearest suggestion first
    assert "01" not in unmatched.session_state["read"]
    picked = read(text, "SIPAS", 2024, {"prov::Hà Nộii": "01"})
    assert picked.session_state["read"] == tables["stored"]


def test_a_file_titled_by_an_index_short_name_preselects_that_index(built):
    """'Bảng PARINDEX 2023' names PAR INDEX by the short name run together, not by its code: the
    guess is given the short names, so the form opens on PAR INDEX 2023 (it stayed on the first
    index when only the codes were passed)."""
    from scores.app import upload

    data = "Bảng PARINDEX 2023\nTỉnh/thành phố,Chỉ số\nTP. Hà Nội,90\n".encode()
    upload.prefill(data, "bang.csv")
    assert st.session_state["upload_index"] == "PAR"
    assert st.session_state["upload_year"] == 2023


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("en", "Kết quả Chỉ số CCHC sở, ban, ngành 2022"),  # the department's own title
        ("vi", "Hà Nội PAR (departments) 2022"),
    ],
)
def test_a_title_in_the_other_language_preselects_its_index(built, lang, title):
    """A department table titled in Vietnamese opens on the departments' index on the English
    page too (it stayed on PAR INDEX, the first, when only the page language's names were
    matched), and an English title on the Vietnamese page."""
    from scores.app import upload

    st.session_state["lang"] = lang
    data = f"{title}\nĐơn vị,Chỉ số\nSở Nội vụ,90\n".encode()
    upload.prefill(data, "bang.csv")
    assert st.session_state["upload_index"] == "HNPAR_DEPT"
    assert st.session_state["upload_year"] == 2022


def test_an_original_is_found_by_checksum_beside_the_database_and_a_seed_release_has_none(
    tmp_path, monkeypatch, tables
):
    from scores.app import upload

    monkeypatch.setenv("SCORES_DB", str(tmp_path / "scores.duckdb"))
    data = tables["sipas"].encode("utf-8")
    sha = hashlib.sha256(data).hexdigest()
    (tmp_path / "uploads").mkdir()
    (tmp_path / "uploads" / f"{sha}.csv").write_bytes(data)
    assert upload.original(sha, "SIPAS_2024.CSV").read_bytes() == data
    assert upload.original(sha, "sipas_2024.xlsx") is None  # kept under another suffix: no
    assert upload.original(float("nan"), float("nan")) is None  # as a seed release's row reads

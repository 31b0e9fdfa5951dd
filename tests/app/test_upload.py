"""scores/app/upload.py: a file read with the answers given on the Data page (a column's
indicator, a skipped column, a name's unit), what was understood in the unit set's own words,
the problems, the kept originals and the form pre-filled from the file (real releases)."""

import hashlib

import pytest
import streamlit as st
from conftest import publisher_table
from streamlit.testing.v1 import AppTest

from scores import db


@pytest.fixture(scope="module")
def tables(built_db) -> dict[str, str]:
    """Real releases as publishers print them (SIPAS 2024, the 2022 departments) and the
    values stored for them, read before any app run opens the file."""
    with db.connect(built_db, read_only=True) as con:
        sipas = publisher_table(con, "SIPAS", 2024)
        departments = publisher_table(con, "HNPAR_DEPT", 2022)
        stored = dict(
            con.execute(
                "SELECT s.province_code, s.value FROM scores s JOIN releases r USING (release_id)"
                " WHERE r.index_code = 'SIPAS' AND r.year = 2024 AND r.status = 'current'"
                " AND s.indicator = 'sipas_total'"
            ).fetchall()
        )
        count = con.execute("SELECT count(*) FROM scores").fetchone()[0]
    return {
        "sipas": sipas.to_csv(index=False),
        "departments": departments.to_csv(index=False),
        "stored": stored,
        "count": count,
    }


def read_script(text: str, index_code: str, year: int, given: dict, lang: str) -> None:
    import streamlit as st

    from scores.app import state, upload

    st.session_state["lang"] = lang
    for name, value in given.items():
        st.session_state.setdefault(name, value)
    prepared = upload.read(text.encode("utf-8"), "table.csv", index_code, year)
    labels = state.indicator_labels(index_code)
    upload.understood(prepared, labels)
    upload.mapping_controls(prepared, labels)
    upload.province_controls(prepared)
    upload.problems_box(prepared)
    values = prepared.parsed.values
    headline = values[values["value"].notna()].set_index("province_code")["value"]
    st.session_state["read"] = headline.to_dict()


def read(text: str, index_code: str, year: int, given: dict | None = None, lang="vi"):
    args = (text, index_code, year, given or {}, lang)
    app = AppTest.from_function(read_script, args=args, default_timeout=30).run()
    assert not app.exception
    return app


@pytest.fixture(scope="module")
def departments(built_db, tables) -> AppTest:
    """The 2022 departments' table read once, for the tests that only look at what was said."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SCORES_DB", str(built_db))
        st.cache_data.clear()
        st.cache_resource.clear()
        return read(tables["departments"], "HNPAR_DEPT", 2022)


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


def test_a_city_table_is_understood_in_the_words_of_its_units(departments, built, tables):
    counts = departments.markdown[1].value
    assert counts == "21 giá trị, 0 ô trống, 21 đơn vị; dữ liệu một phần."
    meanings = departments.dataframe[0].value
    assert meanings.iloc[1].tolist() == ["Tỉnh/thành phố", "Tên đơn vị"]
    national = read(tables["sipas"], "SIPAS", 2024).markdown[1].value
    assert national == "3 giá trị, 0 ô trống, 3 tỉnh, thành phố; dữ liệu một phần."


def test_a_city_tables_layout_is_said_in_units_not_provinces(departments, built, tables):
    assert "ngang (mỗi dòng một đơn vị)" in departments.markdown[0].value
    assert "tỉnh" not in departments.markdown[0].value
    national = read(tables["sipas"], "SIPAS", 2024).markdown[0].value
    assert "ngang (mỗi dòng một tỉnh)" in national


def test_a_file_titled_by_an_index_short_name_preselects_that_index(built):
    """'Bảng PARINDEX 2023' names PAR INDEX by the short name run together, not by its code: the
    page passes code -> short name, so the form opens on PAR INDEX 2023 (it stayed on the first
    index when only the codes were passed)."""
    from scores.app import state, upload

    st.session_state.clear()
    names = state.index_names("every_index_by_code")
    data = "Bảng PARINDEX 2023\nTỉnh/thành phố,Chỉ số\nTP. Hà Nội,90\n".encode()
    upload.prefill(data, "bang.csv", names)
    assert st.session_state["upload_index"] == "PAR"
    assert st.session_state["upload_year"] == 2023


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


@pytest.mark.parametrize(("lang", "shown"), [("vi", "."), ("en", ",")])
def test_a_count_is_written_with_the_languages_thousands_mark(tables, lang, shown):
    from scores.app import upload

    st.session_state["lang"] = lang
    count = tables["count"]
    assert upload.whole(count) == f"{count // 1000}{shown}{count % 1000:03d}"


@pytest.fixture(autouse=True)
def fresh_session():
    """The tests that call the module outside a script run share one session state: cleared."""
    yield
    st.session_state.clear()

"""The Data page: upload, understand, fix a column, diff, commit, history, restore; access rules."""

import hashlib

import duckdb
import pandas as pd
import pytest
import streamlit as st
from conftest import ROOT, snapshot
from streamlit.testing.v1 import AppTest

APP = str(ROOT / "dashboard.py")
TABLE = (
    "Bảng kết quả SIPAS 2024\nSTT,Tỉnh/thành phố,Chỉ số SIPAS,Điểm tổng hợp lạ\n"
    "1,TP. Hà Nội,87.1,x\n2,Hải Phòng,90.2,y\n"
)


@pytest.fixture
def app(db_file, monkeypatch):
    monkeypatch.setenv("SCORES_ADMIN_PASSWORD", "s3cret")
    st.cache_data.clear()
    st.cache_resource.clear()
    test = AppTest.from_file(APP, default_timeout=60)
    test.switch_page("views/data.py").run()
    yield test
    st.cache_resource.clear()


def sign_in(app):
    app.text_input(key="admin_login_password").input("s3cret")
    app.button[0].click().run()
    assert not app.exception


def everything(db_file) -> dict:
    """Every release, score and average of the database file (the import log aside)."""
    st.cache_resource.clear()
    with duckdb.connect(str(db_file), read_only=True) as con:
        return snapshot(con)


def releases(db_file):
    st.cache_resource.clear()
    with duckdb.connect(str(db_file), read_only=True) as con:
        return con.execute(
            "SELECT release_id, version, status FROM releases"
            " WHERE index_code = 'SIPAS' AND year = 2024 ORDER BY version"
        ).fetchall()


def test_nothing_can_be_uploaded_without_signing_in(app):
    assert not app.exception
    assert app.file_uploader[0].disabled
    assert app.text_input(key="admin_login_password")


def test_without_any_credentials_the_page_says_how_to_enable(db_file, monkeypatch):
    monkeypatch.delenv("SCORES_ADMIN_PASSWORD", raising=False)
    st.cache_resource.clear()
    app = AppTest.from_file(APP, default_timeout=60)
    app.switch_page("views/data.py").run()
    assert app.file_uploader[0].disabled
    assert not [box for box in app.text_input if box.key == "admin_login_password"]
    assert "SCORES_ADMIN_PASSWORD" in app.caption[0].value


def test_the_whole_flow_upload_map_diff_commit_restore(app, db_file):
    sign_in(app)
    app.text_input(key="upload_document").input("Báo cáo SIPAS 2024")
    app.file_uploader[0].upload("sipas_2024.csv", TABLE.encode("utf-8"), "text/csv").run()
    assert not app.exception
    # Pre-filled from the title row and the file name.
    assert app.selectbox(key="upload_index").value == "SIPAS"
    assert app.number_input(key="upload_year").value == 2024
    errors = " ".join(e.value for e in app.error)
    assert "Điểm tổng hợp lạ" in errors and "Dòng 2" in errors
    assert not [b for b in app.button if b.key == "commit"]
    app.selectbox(key="map::Điểm tổng hợp lạ").set_value("__skip__").run()
    assert not app.error
    # The seed's SIPAS 2024 has Hà Nội, Hải Phòng and Hải Dương (additions of 2026-11-26).
    assert "0 giá trị mới, 2 giá trị thay đổi, 1 giá trị không còn" in " ".join(
        m.value for m in app.markdown
    )
    app.button(key="commit").click().run()
    assert not app.exception
    assert "lần công bố số 51" in app.success[-1].value
    (old, _, _), (new, version, status) = releases(db_file)
    assert (new, version, status) == (51, 2, "current")
    kept = list((db_file.parent / "uploads").iterdir())
    assert [path.read_bytes() for path in kept] == [TABLE.encode("utf-8")]
    assert kept[0].name == hashlib.sha256(TABLE.encode("utf-8")).hexdigest() + ".csv"
    app.switch_page("views/data.py").run()
    assert app.selectbox(key="original_choice").options == ["SIPAS 2024 v2: sipas_2024.csv"]
    app.selectbox(key="restore_choice").set_value(old).run()
    app.button(key="restore").click().run()
    assert not app.exception
    assert releases(db_file) == [(old, 1, "current"), (51, 2, "superseded")]


def test_a_refused_file_writes_nothing(app, db_file):
    sign_in(app)
    before = everything(db_file)
    app.selectbox(key="upload_index").set_value("PCI")
    app.number_input(key="upload_year").set_value(2016)
    app.file_uploader[0].upload("bad.csv", b"Tinh,PCI\nXyz,abc\nHa Noi,60\n", "text/csv").run()
    assert not app.exception
    assert "Xyz" in app.error[0].value
    assert not [b for b in app.button if b.key == "commit"]
    after = everything(db_file)
    for name, frame in before.items():
        pd.testing.assert_frame_equal(frame, after[name], obj=name)


def test_with_an_identity_provider_configured_sign_in_is_offered(db_file, monkeypatch):
    monkeypatch.delenv("SCORES_ADMIN_PASSWORD", raising=False)
    st.cache_resource.clear()
    app = AppTest.from_file(APP, default_timeout=60)
    app.secrets["auth"] = {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "x",
        "client_id": "y",
        "client_secret": "z",
        "server_metadata_url": "https://idp.example/.well-known/openid-configuration",
    }
    app.secrets["admin_emails"] = ["giamdoc@hanoi.gov.vn"]
    app.switch_page("views/data.py").run()
    assert not app.exception
    assert app.file_uploader[0].disabled
    assert app.button(key="admin_login_oidc").label == "Đăng nhập bằng tài khoản cơ quan"
    assert not [box for box in app.text_input if box.key == "admin_login_password"]


def test_an_unknown_province_name_is_matched_by_picking_a_suggestion(app, db_file):
    sign_in(app)
    table = "Tỉnh/thành phố,Chỉ số SIPAS\nHà Nộii,87.1\n"
    app.selectbox(key="upload_index").set_value("SIPAS")
    app.number_input(key="upload_year").set_value(2024)
    app.file_uploader[0].upload("sipas.csv", table.encode("utf-8"), "text/csv").run()
    pick = app.selectbox(key="prov::Hà Nộii")
    assert pick.options[1] == "Hà Nội"  # the nearest suggestion first
    pick.set_value("01").run()
    assert not app.error
    app.button(key="commit").click().run()
    assert not app.exception
    st.cache_resource.clear()
    with duckdb.connect(str(db_file), read_only=True) as con:
        assert con.execute(
            "SELECT s.province_code, s.value FROM scores s JOIN releases r USING (release_id)"
            " WHERE r.index_code='SIPAS' AND r.year=2024 AND r.status='current'"
        ).fetchall() == [("01", 87.1)]

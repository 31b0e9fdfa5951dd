"""The Data page: upload, understand, fix a column, diff, commit, history, restore; access rules."""

import hashlib
import io
import re

import duckdb
import pandas as pd
import pytest
import streamlit as st
from conftest import ROOT, publisher_table, snapshot
from streamlit.testing.v1 import AppTest

from scores import db
from scores.app import state
from scores.errors import ImportRefused, Problem
from scores.i18n import describe
from scores.store import releases as store
from scores.store.imports import import_file

APP = str(ROOT / "dashboard.py")
TABLE = (
    "Bảng kết quả SIPAS 2024\nSTT,Tỉnh/thành phố,Chỉ số SIPAS,Điểm tổng hợp lạ\n"
    "1,TP. Hà Nội,87.1,x\n2,Hải Phòng,90.2,y\n"
)


@pytest.fixture
def app(db_file, monkeypatch):
    monkeypatch.setenv("SCORES_ADMIN_PASSWORD", "s3cret-passphrase")
    st.cache_data.clear()
    st.cache_resource.clear()
    test = AppTest.from_file(APP, default_timeout=60)
    test.switch_page("views/data.py").run()
    yield test
    st.cache_resource.clear()


def sign_in(app):
    app.text_input(key="admin_login_password").input("s3cret-passphrase")
    app.button[0].click().run()
    assert not app.exception


def confirm_partial(app) -> None:
    """Tick the box that confirms a file with fewer units than the current release."""
    app.checkbox(key="confirm_partial").check().run()
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
    assert (
        "0 giá trị mới, 2 giá trị thay đổi, 0 giá trị chỉ khác do làm tròn, 1 giá trị không còn"
        in " ".join(m.value for m in app.markdown)
    )
    # Two units against the current three: Hải Dương would leave the view, so it is said first.
    assert "Hải Dương" in app.warning[0].value
    assert not [b for b in app.button if b.key == "commit"]
    confirm_partial(app)
    app.button(key="commit").click().run()
    assert not app.exception
    assert "mã lần công bố 61" in app.success[-1].value
    (old, _, _), (new, version, status) = releases(db_file)
    assert (new, version, status) == (61, 2, "current")
    with duckdb.connect(str(db_file), read_only=True) as con:
        stored = con.execute(
            "SELECT r.publisher, r.source, i.publisher_en FROM releases r"
            " JOIN indices i USING (index_code) WHERE r.release_id = 61"
        ).fetchone()
    # The caption shows what staff typed, under the index's publisher (not "SIPAS; …").
    assert stored[0] == stored[2] and stored[1] == "Báo cáo SIPAS 2024"
    kept = list((db_file.parent / "uploads").iterdir())
    assert [path.read_bytes() for path in kept] == [TABLE.encode("utf-8")]
    assert kept[0].name == hashlib.sha256(TABLE.encode("utf-8")).hexdigest() + ".csv"
    app.switch_page("views/data.py").run()
    assert app.selectbox(key="original_choice").options == ["SIPAS 2024 v2: sipas_2024.csv"]
    app.selectbox(key="restore_choice").set_value(old).run()
    app.button(key="restore").click().run()
    assert not app.exception
    assert releases(db_file) == [(old, 1, "current"), (61, 2, "superseded")]


def test_a_document_name_breaking_the_text_rule_is_refused_in_a_sentence(app, db_file):
    sign_in(app)
    app.text_input(key="upload_document").input("Báo cáo\u202e SIPAS 2024")
    app.file_uploader[0].upload("sipas_2024.csv", TABLE.encode("utf-8"), "text/csv").run()
    app.selectbox(key="map::Điểm tổng hợp lạ").set_value("__skip__").run()
    confirm_partial(app)
    before = releases(db_file)
    app.button(key="commit").click().run()
    assert not app.exception
    assert not [m for m in app.success if "mã lần công bố" in m.value]  # nothing committed
    # Shown as written (Markdown escapes, a word joiner after ":"), read as one sentence.
    shown = [e.value.replace("\\", "").replace("\u2060", "") for e in app.error]
    assert shown == [
        "Nguồn: ký tự thứ 8 là một dấu đổi chiều viết vô hình (U+202E), có thể làm ngày tháng và "
        "con số bị đọc ngược. Hãy xoá ký tự đó; chưa lưu gì."
    ]
    assert releases(db_file) == before


def test_a_refused_file_writes_nothing(app, db_file):
    sign_in(app)
    before = everything(db_file)
    app.selectbox(key="upload_index").set_value("PCI")
    app.number_input(key="upload_year").set_value(2016)
    app.file_uploader[0].upload("bad.csv", b"Tinh,PCI\nXyz,abc\nHa Noi,60\n", "text/csv").run()
    assert not app.exception
    assert "Xyz" in app.error[0].value
    assert not [b for b in app.button if b.key == "commit"]
    assert everything(db_file) == before


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
    confirm_partial(app)
    app.button(key="commit").click().run()
    assert not app.exception
    st.cache_resource.clear()
    with duckdb.connect(str(db_file), read_only=True) as con:
        assert con.execute(
            "SELECT s.province_code, s.value FROM scores s JOIN releases r USING (release_id)"
            " WHERE r.index_code='SIPAS' AND r.year=2024 AND r.status='current'"
        ).fetchall() == [("01", 87.1)]


def rounded_pci_2016(db_file) -> bytes:
    """The real PCI 2016 release as VCCI prints it (every rank), rounded to 2 decimals."""
    st.cache_resource.clear()
    con = db.connect(db_file, read_only=True)
    try:
        table = publisher_table(con, "PCI", 2016, every_rank=True)
    finally:
        con.close()
    return table.to_csv(index=False, float_format="%.2f").encode("utf-8")


def upload_rounded(app, db_file) -> None:
    sign_in(app)
    app.selectbox(key="upload_index").set_value("PCI")
    app.number_input(key="upload_year").set_value(2016)
    app.file_uploader[0].upload("pci_2016.csv", rounded_pci_2016(db_file), "text/csv").run()
    assert not app.exception and not app.error


def diff_frame(app, column: str) -> pd.DataFrame:
    return next(d.value for d in app.dataframe if column in d.value.columns)


def test_a_rounded_copy_is_rounding_not_change_in_vietnamese_numbers(app, db_file):
    upload_rounded(app, db_file)
    texts = " ".join(m.value for m in app.markdown)
    assert "0 giá trị thay đổi, 693 giá trị chỉ khác do làm tròn" in texts
    shown = diff_frame(app, "Giá trị cũ")
    assert len(shown) == 693 and set(shown["Thay đổi"]) == {"làm tròn"}
    hanoi = shown[(shown["Tỉnh, thành phố"] == "Hà Nội") & shown.iloc[:, 1].str.startswith("PCI")]
    # 60.7409934998 stored, 60.74 printed: decimal commas, the file's 2 decimals, no "None".
    assert hanoi.iloc[0, 2:].tolist() == ["60,741", "60,74", "-0,001", "14", "14", "làm tròn"]


def test_a_rounded_copy_in_english(app, db_file, monkeypatch):
    # AppTest formats select-box options in the test's thread, which has no session: the
    # language is fixed there too, or the English options would not match.
    monkeypatch.setattr(state, "lang", lambda: "en")
    app = AppTest.from_file(APP, default_timeout=60)
    app.switch_page("views/data.py").run()
    upload_rounded(app, db_file)
    assert "0 changed, 693 differing only by rounding" in " ".join(m.value for m in app.markdown)
    shown = diff_frame(app, "Old value")
    assert set(shown["What happens"]) == {"rounded"}


def import_log_lines(db_file) -> int:
    st.cache_resource.clear()
    with duckdb.connect(str(db_file), read_only=True) as con:
        return con.execute("SELECT count(*) FROM import_log").fetchone()[0]


def test_a_restatement_with_fewer_decimals_offers_to_keep_the_precise_figures(app, db_file):
    before, log_before = everything(db_file), import_log_lines(db_file)
    upload_rounded(app, db_file)
    assert "693 giá trị khác nhau đều chỉ do làm tròn" in app.warning[0].value
    assert app.button(key="keep_precise").label == "Giữ số liệu chính xác hơn"
    assert app.button(key="commit").label == "Vẫn lưu số đã làm tròn thành bản mới"
    app.button(key="keep_precise").click().run()
    assert not app.exception
    assert "không có gì được ghi" in app.success[-1].value
    assert everything(db_file) == before
    assert import_log_lines(db_file) == log_before
    assert not (db_file.parent / "uploads").exists()


def test_the_rounded_figures_can_still_be_committed_on_purpose(app, db_file):
    upload_rounded(app, db_file)
    app.button(key="commit").click().run()
    assert not app.exception
    st.cache_resource.clear()
    with duckdb.connect(str(db_file), read_only=True) as con:
        assert con.execute(
            "SELECT r.version, s.value FROM scores s JOIN releases r USING (release_id)"
            " WHERE r.index_code = 'PCI' AND r.year = 2016 AND r.status = 'current'"
            " AND s.province_code = '01' AND s.indicator = 'pci_total_weighted'"
        ).fetchall() == [(2, 60.74)]


def test_a_real_change_among_rounded_values_is_an_ordinary_commit(app, db_file):
    sign_in(app)
    # Two real changes that keep the weighted total (the total check) and the sub-index ranks
    # (the rank check) as printed: Hà Nội's transparency up 0.01, its labour training down 0.01.
    table = pd.read_csv(io.BytesIO(rounded_pci_2016(db_file)), dtype=str)
    hanoi = table["Tỉnh/thành phố"] == "Hà Nội"
    for column, change in (("Tính minh bạch", 0.01), ("Đào tạo lao động", -0.01)):
        table.loc[hanoi, column] = f"{float(table.loc[hanoi, column].iloc[0]) + change:.2f}"
    text = table.to_csv(index=False)
    app.selectbox(key="upload_index").set_value("PCI")
    app.number_input(key="upload_year").set_value(2016)
    app.file_uploader[0].upload("pci_2016.csv", text.encode("utf-8"), "text/csv").run()
    assert "2 giá trị thay đổi, 691 giá trị chỉ khác do làm tròn" in " ".join(
        m.value for m in app.markdown
    )
    assert not app.warning and not [b for b in app.button if b.key == "keep_precise"]
    assert app.button(key="commit").label == "Lưu thành bản công bố mới"


def refuse_once_from_the_command_line(db_file) -> None:
    """One refused import in the log, as the command line writes it."""
    path = db_file.parent / "bad.csv"
    path.write_text("Tỉnh,PCI\nXyz,60\n", encoding="utf-8")
    st.cache_resource.clear()
    con = db.connect(db_file)
    try:
        with pytest.raises(ImportRefused):
            import_file(con, path, "PCI", 2016, store.Source(imported_by="admin (password)"))
    finally:
        con.close()


def history_tables(app) -> tuple[pd.DataFrame, pd.DataFrame]:
    releases = diff_frame(app, "Mã lần công bố")
    refused = next(d.value for d in app.dataframe if "Kết quả" in d.value.columns)
    return releases, refused


def test_the_history_reads_in_vietnamese(app, db_file):
    refuse_once_from_the_command_line(db_file)
    sign_in(app)
    app.file_uploader[0].upload("sipas_2024.csv", TABLE.encode("utf-8"), "text/csv").run()
    app.selectbox(key="map::Điểm tổng hợp lạ").set_value("__skip__").run()
    confirm_partial(app)
    app.button(key="commit").click().run()
    app.switch_page("views/data.py").run()
    assert not app.exception
    releases, refused = history_tables(app)
    assert "None" not in releases.to_string() and "None" not in refused.to_string()
    new = releases[releases["Mã lần công bố"] == "61"].iloc[0]
    assert new["Trạng thái"] == "hiện hành" and new["Phạm vi"] == "một phần"
    assert new["Người nhập"] == "quản trị viên (đăng nhập bằng mật khẩu)"
    assert re.fullmatch(r"\d\d/\d\d/20\d\d \d\d:\d\d", new["Thời điểm nhập"])
    sipas = releases[(releases["Bộ chỉ số"] == "SIPAS") & (releases["Năm"] == "2024")]
    old = sipas[sipas["Phiên bản"] == "1"]
    assert old.iloc[0][["Trạng thái", "Người nhập"]].tolist() == [
        "đã thay thế",
        "hệ thống (dữ liệu ban đầu)",
    ]
    assert refused.iloc[0][["Kết quả", "Mã lần công bố", "Người nhập"]].tolist() == [
        "bị từ chối",
        "–",
        "quản trị viên (đăng nhập bằng mật khẩu)",
    ]
    recent = " ".join(m.value for m in app.markdown)
    assert "quản trị viên \\(đăng nhập bằng mật khẩu\\)" in recent
    assert not re.search(r"20\d\d-\d\d-\d\d", recent)


def test_release_history_names_documents_not_repositories(app):
    tables = [frame.value for frame in app.dataframe if "Nguồn" in frame.value.columns]
    assert tables
    shown = " ".join(tables[0]["Nguồn"].astype(str)) + " ".join(tables[0]["Tệp"].astype(str))
    assert "số liệu PAPI 2024" in shown
    assert not re.search(r"github:|@[0-9a-f]{7}|seed/", shown)
    assert "papi.csv + papi_subdimensions_2017_2024.csv" in shown
    recent = " ".join(m.value for m in app.markdown)
    # The newest seed releases are the city's (seeded last), from the additions file.
    assert "tệp additions\\_turn3\\.csv" in recent and "seed/" not in recent  # Markdown-escaped
    assert "Chỉ số CCHC quận, huyện, thị xã 2020" in recent  # the index by its name


def upload_sipas(app, table: str) -> None:
    sign_in(app)
    app.selectbox(key="upload_index").set_value("SIPAS")
    app.number_input(key="upload_year").set_value(2024)
    app.file_uploader[0].upload("sipas.csv", table.encode("utf-8"), "text/csv").run()


def test_uploaded_names_and_headers_are_labels_as_written_not_markdown(app):
    link = "[**x**](http://example.com/a.png)"
    upload_sipas(app, f"Tỉnh/thành phố,Chỉ số SIPAS,{link}\n{link},87.1,1\n")
    assert not app.exception
    labels = [box.label for box in app.selectbox]
    # A word joiner after ":" keeps Streamlit from turning the address into a link.
    assert "\\[\\*\\*x\\*\\*\\]\\(http:\u2060//example\\.com/a\\.png\\)" in labels
    assert link not in labels


def test_two_unknown_columns_with_the_same_header_do_not_crash_the_page(app):
    upload_sipas(app, "Tỉnh/thành phố,Chỉ số SIPAS,Lạ,Lạ\nHà Nội,87.1,1,2\n")
    assert not app.exception
    assert len([box for box in app.selectbox if box.key == "map::Lạ"]) == 1


def test_many_unknown_names_get_a_bounded_number_of_pick_boxes(app):
    from scores.config import MAX_NAME_PICKS

    rows = "".join(f"Nơi {n},87\n" for n in range(MAX_NAME_PICKS + 40))
    upload_sipas(app, f"Tỉnh/thành phố,Chỉ số SIPAS\n{rows}")
    assert not app.exception
    assert len([b for b in app.selectbox if b.key.startswith("prov::")]) == MAX_NAME_PICKS


def test_originals_are_offered_only_to_a_signed_in_administrator(app, db_file):
    path = db_file.parent / "sipas_2024.csv"
    path.write_bytes(TABLE.encode("utf-8"))
    with duckdb.connect(str(db_file)) as con:
        import_file(
            con,
            path,
            "SIPAS",
            2024,
            store.Source(imported_by="t"),
            skip={"Điểm tổng hợp lạ"},
            partial=True,
        )
    # The command line keeps the original as the page does (one import service).
    kept = db_file.parent / "uploads" / (hashlib.sha256(TABLE.encode("utf-8")).hexdigest() + ".csv")
    assert kept.read_bytes() == path.read_bytes()
    st.cache_data.clear()
    st.cache_resource.clear()
    app.switch_page("views/data.py").run()
    assert not app.exception
    assert not [box for box in app.selectbox if box.key == "original_choice"]
    sign_in(app)
    app.switch_page("views/data.py").run()
    assert app.selectbox(key="original_choice").options == ["SIPAS 2024 v2: sipas_2024.csv"]


def test_a_file_the_page_cannot_read_is_one_row_of_the_import_log(app, db_file):
    sign_in(app)
    app.selectbox(key="upload_index").set_value("PCI")
    app.number_input(key="upload_year").set_value(2016)
    app.file_uploader[0].upload("noise.csv", bytes(range(256)), "text/csv").run()
    app.run()  # the page runs again on every click: still one attempt
    assert not app.exception
    st.cache_resource.clear()
    with duckdb.connect(str(db_file), read_only=True) as con:
        logged = con.execute(
            "SELECT file_name, outcome, reason FROM import_log WHERE outcome = 'refused'"
        ).fetchall()
    assert logged == [("noise.csv", "refused", describe(Problem("not_text"), "en"))]


def test_a_publication_date_that_is_no_date_holds_the_commit_back(app):
    upload_sipas(app, "Tỉnh/thành phố,Chỉ số SIPAS\nHà Nội,87.1\n")
    confirm_partial(app)
    assert [b for b in app.button if b.key == "commit"]
    app.text_input(key="upload_date").input("31/02/2024").run()
    assert not app.exception
    assert "ngày có thật" in app.error[0].value
    assert not [b for b in app.button if b.key == "commit"]


def test_the_methodology_reads_an_indicator_without_a_first_year(db_file):
    """The catalogue allows an indicator with no first year (valid from always); the
    methodology tab crashed on it (int of a missing value; found by make bench's catalogue)."""
    with duckdb.connect(str(db_file)) as con:
        con.execute("UPDATE indicators SET first_year = NULL WHERE indicator = 'entry_costs'")
    st.cache_data.clear()
    st.cache_resource.clear()
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params["lang"] = "en"
    app.switch_page("views/data.py").run()
    assert not app.exception
    tables = [t.value for t in app.dataframe if "Code" in t.value.columns]
    (row,) = [t[t["Code"] == "entry_costs"] for t in tables if (t["Code"] == "entry_costs").any()]
    assert row["Years"].iloc[0].startswith("…–")


def test_the_same_file_again_is_refused_with_the_version_it_is(app, db_file):
    sign_in(app)
    table = publisher_table_csv(db_file)
    for _ in range(2):
        app.selectbox(key="upload_index").set_value("PCI")
        app.number_input(key="upload_year").set_value(2016)
        app.file_uploader[0].upload("pci_2016.csv", table, "text/csv").run()
        if [b for b in app.button if b.key == "commit"]:
            app.button(key="commit").click().run()
            assert "mã lần công bố 61" in app.success[-1].value
    assert "đã được lưu, là phiên bản 2" in app.error[0].value
    assert not [b for b in app.button if b.key == "commit"]


def test_a_table_without_component_ranks_names_them_instead_of_changing_them(app, db_file):
    sign_in(app)
    app.selectbox(key="upload_index").set_value("PCI")
    app.number_input(key="upload_year").set_value(2016)
    app.file_uploader[0].upload("pci_2016.csv", publisher_table_csv(db_file), "text/csv").run()
    texts = " ".join(m.value for m in app.markdown)
    assert "0 giá trị thay đổi, 693 giá trị chỉ khác do làm tròn" in texts
    assert any("không có cột xếp hạng của 10 chỉ số" in c.value for c in app.caption)


def publisher_table_csv(db_file) -> bytes:
    """PCI 2016 as a two-decimal table with only the total's rank (no component ranks)."""
    st.cache_resource.clear()
    with db.connect(db_file, read_only=True) as con:
        table = publisher_table(con, "PCI", 2016)
    return table.to_csv(index=False, float_format="%.2f").encode("utf-8")

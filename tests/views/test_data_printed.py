"""The Data page with a printed table: a report PDF shows where it was read from (AppTest)."""

import pytest
import streamlit as st
from conftest import ROOT
from streamlit.testing.v1 import AppTest

PRINTED = ROOT / "tests" / "data" / "printed"


@pytest.fixture
def app(db_file, monkeypatch):
    monkeypatch.setenv("SCORES_ADMIN_PASSWORD", "s3cret-passphrase")
    st.cache_data.clear()
    st.cache_resource.clear()
    test = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=240)
    test.switch_page("views/data.py").run()
    test.text_input(key="admin_login_password").input("s3cret-passphrase")
    test.button[0].click().run()
    yield test
    st.cache_resource.clear()


def upload(app, name: str, data: bytes, kind: str) -> None:
    app.selectbox(key="upload_index").set_value("PCI")
    app.number_input(key="upload_year").set_value(2016)
    app.file_uploader[0].upload(name, data, kind).run()
    assert not app.exception


def test_a_report_pdf_says_it_was_read_from_its_pages(app):
    upload(app, "pci_2016.pdf", (PRINTED / "pci_2016.pdf").read_bytes(), "application/pdf")
    assert any("Đọc từ tệp PDF: trang 1, 2, 3; 0 %" in c.value for c in app.caption)
    assert app.button(key="commit")

"""The change history a leader reads on the Data page, in both languages (the sign-in's guards:
tests/app/test_access.py)."""

import pytest
import streamlit as st
from conftest import ROOT
from streamlit.testing.v1 import AppTest

from scores import db
from scores.roles import Actor
from scores.store import releases as store
from scores.store.imports import import_file

APP = str(ROOT / "dashboard.py")
PASSWORD = "s3cret-passphrase"


def data_page(monkeypatch, password: str, lang: str = "vi") -> AppTest:
    monkeypatch.setenv("SCORES_ADMIN_PASSWORD", password)
    st.cache_data.clear()
    st.cache_resource.clear()
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params["lang"] = lang
    app.switch_page("views/data.py").run()
    assert not app.exception
    return app


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("vi", "Nguyễn Văn A đã khôi phục SIPAS 2024 về bản 1 (thay bản 2) lúc "),
        ("en", "Nguyễn Văn A restored SIPAS 2024 to version 1 (replacing version 2) at "),
    ],
)
def test_the_change_history_reads_as_sentences(db_file, monkeypatch, lang, expected):
    with db.connect(db_file) as con:
        data = "STT,Tỉnh/thành phố,Chỉ số SIPAS\n1,TP. Hà Nội,87.1\n".encode()
        path = db_file.parent / "sipas_2024.csv"
        path.write_bytes(data)
        import_file(con, path, "SIPAS", 2024, store.Source(imported_by="Trần Thị B"), partial=True)
        first = con.execute(
            "SELECT release_id FROM releases WHERE index_code = 'SIPAS' AND version = 1"
            " AND year = 2024"
        ).fetchone()[0]
        store.restore(con, first, Actor("Nguyễn Văn A", "admin"))
    app = data_page(monkeypatch, PASSWORD, lang)
    lines = [m.value.replace("\\", "") for m in app.markdown if "Nguyễn Văn A" in m.value]
    assert lines and expected in lines[0]
    assert "Trần Thị B" in lines[0]  # the import before it, with its own author
    assert app.get("download_button")  # the CSV and Excel files of the whole log

"""scores/app/printed.py: the table chosen on a page printing several and the values typed for
the cells OCR was unsure of (read from the session state); then, on the report PDFs and a scan
made from real tables (tests/data/printed), where a table was read from, its pages beside the
rows as read, and each doubtful cell's cut-out with a box for its right value."""

import io
import sys

import pytest
import streamlit as st
from conftest import ROOT
from streamlit.testing.v1 import AppTest

from scores.app import printed

PRINTED = ROOT / "tests" / "data" / "printed"


@pytest.fixture(autouse=True)
def fresh_session():
    """These tests call the module outside a script run, on one shared session state."""
    st.session_state.clear()
    yield
    st.session_state.clear()


def test_the_first_table_is_read_until_another_is_chosen():
    assert printed.table() == 1
    st.session_state[printed.TABLE] = 2
    assert printed.table() == 2


def test_a_typed_value_is_a_correction_of_its_cell_and_an_empty_box_is_none():
    # Hà Nội's PCI 2016 total as VCCI prints it, typed for row 14, column 12.
    st.session_state["fix::14::12"] = "60,74"
    st.session_state["fix::15::12"] = ""  # a box drawn, nothing typed yet
    st.session_state["map::Điểm"] = "pci_total_weighted"  # another kind of answer
    assert printed.corrections() == {(14, 12): "60,74"}


def show_script(path, pages):
    """The Data page's read of a printed file (the session's table and corrections), shown."""
    from pathlib import Path

    from scores.app import printed, upload

    data = Path(path).read_bytes()
    prepared = upload.read(data, Path(path).name, "PCI", 2016, pages)
    printed.show(prepared, data, pages)


def shown(path, pages=None) -> AppTest:
    st.session_state.clear()
    app = AppTest.from_function(show_script, args=(str(path), pages), default_timeout=240)
    app.run()
    assert not app.exception
    return app


def images(app) -> list[str]:
    """The captions of the page images shown (a cut-out has none)."""
    return [caption for image in app.image for caption in image.captions if caption]


def test_a_report_pdf_is_shown_page_by_page_beside_the_rows_read(built):
    app = shown(PRINTED / "pci_2016.pdf")
    assert [c.value for c in app.caption] == [
        "Đọc từ tệp PDF: trang 1, 2, 3; 0 % số ô đọc bằng OCR."
    ]
    assert images(app) == [f"Trang {n}: bảng được đọc có khung đỏ" for n in (1, 2, 3)]
    assert [m.value for m in app.markdown] == ["Bảng như đã đọc"]  # no cell in doubt
    table = app.dataframe[0].value
    assert len(table) >= 63
    (hanoi,) = [row for row in table.itertuples(index=False) if "TP. Hà Nội" in row]
    assert "60,74" in hanoi  # PCI 2016 as VCCI prints it
    assert not app.radio  # one table a page: nothing to choose


def test_only_the_pages_asked_for_are_read_and_shown(built):
    app = shown(PRINTED / "pci_2016.pdf", "2")
    assert app.caption[0].value.startswith("Đọc từ tệp PDF: trang 2;")
    assert images(app) == ["Trang 2: bảng được đọc có khung đỏ"]


def test_a_page_printing_two_tables_offers_the_choice_and_shows_the_one_chosen(built):
    app = shown(PRINTED / "two_tables.pdf")
    choice = app.radio(key=printed.TABLE)
    assert choice.options == ["Bảng 1", "Bảng 2"] and choice.value == 1
    first = app.dataframe[0].value
    choice.set_value(2).run()
    assert not app.exception
    second = app.dataframe[0].value
    # PAPI 2021's eight provinces first, then PCI 2016's eight leaders.
    assert len(first) == len(second) == 8 and "TP. Đà Nẵng" in second.iloc[0].tolist()
    assert first.columns.tolist() != second.columns.tolist()


@pytest.fixture(scope="module")
def smudged(tmp_path_factory):
    """Page 1 of the PCI 2016 report scanned, the "7" of Hà Nội's 60,74 blotted out."""
    sys.path.insert(0, str(PRINTED))
    import scan  # imported here: its PDF renderer loads for the slow test only

    path = tmp_path_factory.mktemp("scan") / "pci_2016_page1.png"
    buffer = io.BytesIO()
    scan.smudged_total(PRINTED / "pci_2016.pdf").save(buffer, "PNG")
    path.write_bytes(buffer.getvalue())
    return path


@pytest.mark.slow  # a page OCR'd
def test_a_scan_s_doubtful_cells_each_get_a_cut_out_and_a_box_and_a_typed_one_is_kept(
    built, smudged
):
    app = shown(smudged)
    assert app.caption[0].value.startswith("Đọc từ ảnh: trang 1;")
    boxes = {box.key: box.label for box in app.text_input}
    # Hà Nội is the 14th row of the page: its blotted total read as "60,4", never guessed.
    blotted = boxes.pop("fix::14::12").replace("\\", "")  # the label is shown as written
    assert blotted == "Dòng 15, cột “PCI 2016” (đọc được “60,4”)"
    doubts = 1 + len(boxes)
    assert f"Các ô cần xem lại ({doubts})" in [m.value for m in app.markdown]
    cut_outs = [c for image in app.image for c in image.captions if not c]
    assert len(cut_outs) == doubts
    app.text_input(key="fix::14::12").input("60,74").run()
    assert not app.exception
    assert app.success[0].value == "Đã sửa 1 ô đọc từ ảnh."
    assert f"Các ô cần xem lại ({doubts - 1})" in [m.value for m in app.markdown]
    assert app.text_input(key="fix::14::12").value == "60,74"  # its box stays, as typed

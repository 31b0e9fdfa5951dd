"""The written report: a .docx in the format of Decree 30/2020/NĐ-CP, read back with python-docx,
and rendered by LibreOffice."""

import io
import re
import shutil
import subprocess
import unicodedata

import pytest
from docx import Document
from docx.shared import Pt
from pypdf import PdfReader

from scores import db
from scores.__main__ import main
from scores.analysis.standings import ranked_units
from scores.catalog import Provinces
from scores.export import report
from scores.export.slides import Context
from scores.i18n import number
from scores.roles import Actor
from scores.store.actions import Action, add, change

# slow: each report draws its charts through Chromium (kaleido), and one renders in LibreOffice.
pytestmark = [
    pytest.mark.skipif(not shutil.which("chromium"), reason="no Chromium"),
    pytest.mark.slow,
]
SECTIONS = [
    "I. VỊ TRÍ TRÊN TỪNG BỘ CHỈ SỐ",
    "II. MỤC TIÊU VÀ KHOẢNG CÁCH ĐẾN MỤC TIÊU",
    "III. CÁC CHỈ SỐ THÀNH PHẦN YẾU NHẤT",
    "IV. NHIỆM VỤ KHẮC PHỤC VÀ TIẾN ĐỘ THỰC HIỆN",
    "V. NGUỒN SỐ LIỆU",
]


@pytest.fixture(scope="module")
def written(built_db, tmp_path_factory) -> bytes:
    """Hà Nội 2024 in Vietnamese, by the command line."""
    out = tmp_path_factory.mktemp("report") / "bao_cao.docx"
    assert main(["report", "--province", "01", "--year", "2024", "--out", str(out),
                 "--db", str(built_db)]) == 0  # fmt: skip
    return out.read_bytes()


@pytest.fixture(scope="module")
def document(written):
    return Document(io.BytesIO(written))


def texts(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.text.strip()]


def test_the_motto_block_issuing_body_place_and_date(document):
    left, right = (cell for cell in document.tables[0].rows[0].cells)
    assert [p.text for p in left.paragraphs][:2] == ["UBND THÀNH PHỐ HÀ NỘI", "SỞ NỘI VỤ"]
    said = [p.text for p in right.paragraphs]
    assert said[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert re.fullmatch(r"Hà Nội, ngày \d\d tháng (0[12]|[3-9]|1[0-2]) năm 20\d\d", said[2])
    motto = right.paragraphs[1].runs[0]
    assert motto.bold and motto.underline


def test_the_title_and_every_section_in_order(document):
    found = texts(document)
    at = found.index("BÁO CÁO")
    assert (
        found[at + 1]
        == "Kết quả các chỉ số PAR INDEX, SIPAS, PAPI, PCI năm 2024 của Thành phố Hà Nội"
    )
    places = [found.index(title) for title in SECTIONS]
    assert places == sorted(places)


def test_times_new_roman_13_to_14_pt(document):
    assert document.styles["Normal"].font.name == "Times New Roman"
    paragraphs = document.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text == SECTIONS[0])
    body = paragraphs[start:]
    sizes = {run.font.size for p in body for run in p.runs if run.text.strip()}
    assert sizes <= {Pt(13), Pt(14)} and Pt(14) in sizes
    fonts = {run.font.name for p in document.paragraphs for run in p.runs if run.text.strip()}
    assert fonts == {"Times New Roman"}


def test_the_standing_table_holds_the_databases_numbers(document, built_db):
    con = db.connect(built_db, read_only=True)
    headline = db.query(con, "headline_by_year", province_code="01", valid_from=2004, valid_to=2024)
    # The rank's denominator by the one rule: the units ranked in that table (PAPI 2024: the
    # 61 provinces with a score, as the Overview and the slides say).
    latest = headline.groupby("index_code").tail(1).set_index("index_code")
    denominators = {
        code: ranked_units(
            int(db.query(con, "scores_by_province", index_code=code, year=int(row.year),
                         indicator=row.indicator)["value"].notna().sum()),
            int(row.units),
            row["rank"],
        )
        for code, row in latest.iterrows()
    }  # fmt: skip
    con.close()
    rows = [[c.text for c in row.cells] for row in document.tables[1].rows]
    assert rows[0][:4] == ["Bộ chỉ số", "Năm", "Điểm", "Xếp hạng"]
    for row, code in zip(rows[1:], ["PAR", "SIPAS", "PAPI", "PCI"], strict=True):
        latest = headline[headline["index_code"] == code].iloc[-1]
        suffix = "%" if code in ("PAR", "SIPAS") else ""
        assert row[1:4] == [
            str(latest["year"]),
            number(latest["value"], "vi") + suffix,
            f"{int(latest['rank'])}/{denominators[code]}",
        ]
    assert rows[1][1:4] == ["2024", "92,57%", "3/63"]  # as the Overview page shows it


def test_charts_and_component_tables_are_in(document):
    # Since peer slides need 3 peers with data (#22), Hà Nội 2024's pack has five charts.
    assert len(document.inline_shapes) >= 5
    headers = [[c.text for c in t.rows[0].cells] for t in document.tables]
    assert headers.count(["Chỉ số thành phần", "Điểm", "Trung vị cả nước", "Tỉnh tốt nhất",
                          "Xếp hạng"]) >= 2  # fmt: skip


def test_vietnamese_diacritics_intact(document):
    found = "\n".join(texts(document))
    assert unicodedata.is_normalized("NFC", found) and "\ufffd" not in found
    # The sources section names each publisher as it writes itself, every mark kept.
    assert (
        "- Bộ Nội vụ (PAR INDEX 2024); Bộ Nội vụ (SIPAS 2024); UNDP và CECODES (PAPI 2024); "
        "Liên đoàn Thương mại và Công nghiệp Việt Nam (VCCI) (PCI 2024)"
    ) in texts(document)
    assert "xếp thứ 3/63, giữ nguyên thứ hạng và tăng 1,14 điểm so với năm 2023" in found


def test_the_report_in_english(built_db):
    con = db.connect(built_db, read_only=True)
    provinces = Provinces(con)
    context = Context(
        lambda n, **p: db.query(con, n, **p), provinces, provinces.by_key("48"), 2021, "en"
    )
    written = Document(io.BytesIO(report.write(context)))
    con.close()
    left = [p.text for p in written.tables[0].rows[0].cells[0].paragraphs]
    assert left == [
        "PEOPLE'S COMMITTEE OF DA NANG",
        "DEPARTMENT OF HOME AFFAIRS",
        "No.:        /BC-SNV",
    ]
    found = texts(written)
    assert found[found.index("REPORT") + 1] == (
        "Results of the PAR INDEX, SIPAS, PAPI, PCI indices for 2021: Da Nang"
    )
    assert "V. DATA SOURCES" in found


def test_an_unknown_province_writes_nothing(built_db, tmp_path, capsys):
    out = tmp_path / "x.docx"
    code = main(["report", "--province", "99", "--year", "2024", "--out", str(out),
                 "--db", str(built_db)])  # fmt: skip
    assert code == 1 and not out.exists()
    assert "Không có tỉnh, thành phố mã 99" in capsys.readouterr().err


@pytest.mark.skipif(not shutil.which("soffice"), reason="no LibreOffice")
def test_libreoffice_renders_it(written, tmp_path):
    source = tmp_path / "bao_cao.docx"
    source.write_bytes(written)
    # A profile of its own: a second soffice on the default profile hands its file to the one
    # already running (the office's own, or another test's) and exits 0 having written nothing.
    profile = (tmp_path / "profile").as_uri()
    ran = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, text=True, timeout=240,
    )  # fmt: skip
    rendered = tmp_path / "bao_cao.pdf"
    assert rendered.exists(), f"LibreOffice wrote no PDF:\n{ran.stdout}\n{ran.stderr}"
    pages = PdfReader(rendered).pages
    assert len(pages) >= 3
    first = pages[0].extract_text()
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in unicodedata.normalize("NFC", first)
    assert "BÁO CÁO" in first


def test_the_remediation_actions_and_their_progress(db_file):
    with db.connect(db_file) as con:
        editor = Actor("Sở Nội vụ", "editor")
        add(con, Action("01", "PCI", "informal_charges", "Sở Tài chính", "Công khai phí",
                        "2030-06-30"), editor)  # fmt: skip
        late = add(con, Action("01", "PAPI", "D8_e_governance", "Sở KH&CN", "Cổng dịch vụ",
                               "2020-01-31"), editor)  # fmt: skip
        change(con, late, editor, status="in_progress")
    con = db.connect(db_file, read_only=True)
    provinces = Provinces(con)
    context = Context(
        lambda n, **p: db.query(con, n, **p), provinces, provinces.by_key("01"), 2024, "vi"
    )
    written = Document(io.BytesIO(report.write(context)))
    con.close()
    found = texts(written)
    at = found.index(SECTIONS[3])
    assert found[at + 1] == (
        "2 nhiệm vụ: 0 hoàn thành, 1 đang thực hiện, 1 chưa bắt đầu, 0 tạm dừng; 1 quá hạn."
    )
    actions = next(t for t in written.tables if t.rows[0].cells[1].text == "Cơ quan chủ trì")
    rows = [[c.text for c in row.cells] for row in actions.rows[1:]]
    assert rows == [
        ["PAPI", "Sở KH&CN", "Cổng dịch vụ", "31/01/2020", "đang thực hiện · quá hạn"],
        ["PCI", "Sở Tài chính", "Công khai phí", "30/06/2030", "chưa bắt đầu"],
    ]

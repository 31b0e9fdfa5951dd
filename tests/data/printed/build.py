"""Writes the printed-report fixtures beside this script from the real seed tables (run it to
regenerate; the small PDFs and images are kept in git).

Each table is laid out as a ministry report prints it (title lines, an annex label, a grouped
or unruled header, names wrapped in a narrow column, decimal commas, footnotes), printed to PDF
by headless Chromium, then rasterised with a slight skew and noise as a scan.
Run from the repository root: python tests/data/printed/build.py
"""

import html
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
sys.path.insert(0, str(HERE))
import scan  # noqa: E402  (the rasterising and smudging, shared with the tests)

PCI_COMPONENTS = {
    "entry_costs": "Gia nhập thị trường",
    "land_access": "Tiếp cận đất đai",
    "transparency": "Tính minh bạch",
    "time_costs": "Chi phí thời gian",
    "informal_charges": "Chi phí không chính thức",
    "equal_competition_policy_bias": "Cạnh tranh bình đẳng",
    "proactivity": "Tính năng động",
    "business_support_services": "Dịch vụ hỗ trợ doanh nghiệp",
    "labor_training": "Đào tạo lao động",
    "legal_institutions": "Thiết chế pháp lý",
}
PAPI_DIMENSIONS = {f"D{n}": f"Nội dung {n}" for n in range(1, 9)}
CSS = """
@page { size: A4 landscape; margin: 12mm 10mm; }
body { font-family: 'Noto Sans', sans-serif; font-size: 9pt; }
.annex { text-align: right; font-weight: bold; }
h1 { font-size: 12pt; text-align: center; margin: 2mm 0; }
.sub { text-align: center; font-style: italic; margin-bottom: 3mm; }
table { border-collapse: collapse; width: 100%; }
td, th { padding: 0.6mm 1mm; text-align: center; }
td.name { text-align: left; width: 20mm; }
.ruled td, .ruled th { border: 0.6pt solid #000; }
.unruled thead th { border-bottom: 0.8pt solid #000; }
tr { page-break-inside: avoid; }
.note { font-size: 8pt; margin-top: 3mm; }
"""


def seed(name: str, year: int) -> pd.DataFrame:
    """The seed rows of one index and year."""
    frame = pd.read_csv(ROOT / "data" / "seed" / name, dtype={"province_code": str})
    return frame[(frame["year"] == year) & frame["province_code"].notna()]


def printed_name(code: str, name: str, provinces: pd.DataFrame) -> str:
    """The name as reports print it: 'TP.' before the centrally-run cities."""
    city = provinces.loc[provinces["province_code"] == code, "central_city_since"].notna().any()
    return f"TP. {name}" if city and not name.startswith("TP.") else name


def cell_name(row: object, provinces: pd.DataFrame) -> str:
    return html.escape(printed_name(row.province_code, row.province, provinces))


def comma(value: float) -> str:
    """Two decimals with a decimal comma, as Vietnamese reports print them."""
    return f"{value:.2f}".replace(".", ",")


def wide(frame: pd.DataFrame) -> pd.DataFrame:
    table = frame.pivot_table(
        index=["province_code", "province"], columns="indicator", values="score", aggfunc="first"
    ).reset_index()
    return table


def pci_2016(rows: int | None = None) -> str:
    """PCI 2016's annex, every province (or the first `rows` by rank)."""
    return page(
        "PHỤ LỤC 2",
        "KẾT QUẢ CHỈ SỐ NĂNG LỰC CẠNH TRANH CẤP TỈNH (PCI) NĂM 2016",
        "(Kèm theo báo cáo PCI 2016 của VCCI)",
        pci_table(rows),
        "Ghi chú: điểm các chỉ số thành phần trên thang 10; PCI là tổng có trọng số.<br>"
        "Nguồn: VCCI, Báo cáo PCI 2016.",
    )


def pci_table(rows: int | None = None) -> str:
    frame = seed("pci.csv", 2016)
    table = wide(frame)
    ranks = frame[frame["indicator"] == "pci_total_weighted"].set_index("province_code")["rank"]
    table["rank"] = table["province_code"].map(ranks).astype(int)
    table = table.sort_values("rank").head(rows)
    provinces = pd.read_csv(ROOT / "data" / "provinces.csv", dtype={"province_code": str})
    head = (
        '<tr><th rowspan="2">STT</th><th rowspan="2">Tỉnh/thành phố</th>'
        f'<th colspan="{len(PCI_COMPONENTS)}">Chỉ số thành phần</th>'
        '<th rowspan="2">PCI 2016</th><th rowspan="2">Xếp hạng</th></tr><tr>'
        + "".join(f"<th>{html.escape(v)}</th>" for v in PCI_COMPONENTS.values())
        + "</tr>"
    )
    body = "".join(
        f"<tr><td>{n}</td><td class='name'>{cell_name(r, provinces)}</td>"
        + "".join(f"<td>{comma(getattr(r, c))}</td>" for c in PCI_COMPONENTS)
        + f"<td>{comma(r.pci_total_weighted)}</td><td>{r.rank}</td></tr>"
        for n, r in enumerate(table.itertuples(), start=1)
    )
    return f"<table class='ruled'><thead>{head}</thead><tbody>{body}</tbody></table>"


def papi_2021() -> str:
    return page(
        "PHỤ LỤC 1",
        "CHỈ SỐ HIỆU QUẢ QUẢN TRỊ VÀ HÀNH CHÍNH CÔNG CẤP TỈNH (PAPI) NĂM 2021",
        "(Điểm tám nội dung, thang 1–10; tổng điểm thang 10–80)",
        papi_table("unruled"),
        "Nguồn: UNDP, CECODES, RTA. Báo cáo PAPI 2021.",
    )


def papi_table(style: str, rows: int | None = None) -> str:
    """PAPI 2021's eight dimensions and total by province, ruled or unruled."""
    frame = seed("papi.csv", 2021)
    frame = frame[frame["indicator"].str.match(r"^D\d_|^papi_total_8dim$")].copy()
    frame["indicator"] = frame["indicator"].str.replace(r"^(D\d)_.*", r"\1", regex=True)
    table = wide(frame).sort_values("province_code").head(rows)
    provinces = pd.read_csv(ROOT / "data" / "provinces.csv", dtype={"province_code": str})
    head = (
        "<tr><th>STT</th><th>Tỉnh/thành phố</th>"
        + "".join(f"<th>{v}</th>" for v in PAPI_DIMENSIONS.values())
        + "<th>Tổng điểm PAPI</th></tr>"
    )
    body = "".join(
        f"<tr><td>{n}</td><td class='name'>{cell_name(r, provinces)}</td>"
        + "".join(f"<td>{comma(getattr(r, c))}</td>" for c in PAPI_DIMENSIONS)
        + f"<td>{comma(r.papi_total_8dim)}</td></tr>"
        for n, r in enumerate(table.itertuples(), start=1)
    )
    return f"<table class='{style}'><thead>{head}</thead><tbody>{body}</tbody></table>"


def two_tables() -> str:
    """One page printing two tables: PAPI 2021's first provinces, then PCI 2016's first ranks
    (a report's summary page; the import reads the table the person chooses)."""
    return page(
        "PHỤ LỤC 3",
        "TÓM TẮT KẾT QUẢ PAPI 2021 VÀ PCI 2016",
        "(Bảng 1: PAPI 2021, tám tỉnh đầu; Bảng 2: PCI 2016, tám tỉnh dẫn đầu)",
        papi_table("ruled", 8) + "<p>&nbsp;</p>" + pci_table(8),
        "Nguồn: UNDP, CECODES, RTA; VCCI.",
    )


def page(annex: str, title: str, sub: str, table: str, note: str) -> str:
    return (
        f"<!doctype html><html lang='vi'><meta charset='utf-8'><style>{CSS}</style><body>"
        f"<div class='annex'>{annex}</div><h1>{title}</h1><div class='sub'>{sub}</div>"
        f"{table}<div class='note'>{note}</div></body></html>"
    )


def no_table() -> str:
    return page("", "BÁO CÁO TÓM TẮT", "", "<p>Năm nay chưa công bố bảng điểm các tỉnh.</p>", "")


def print_pdf(markup: str, target: Path) -> None:
    """HTML printed to PDF by headless Chromium, without its header and footer lines."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "page.html"
        source.write_text(markup, encoding="utf-8")
        subprocess.run(
            [
                "/usr/bin/chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
                f"--print-to-pdf={target}",
                source.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def main() -> None:
    print_pdf(pci_2016(), HERE / "pci_2016.pdf")
    print_pdf(papi_2021(), HERE / "papi_2021.pdf")
    print_pdf(no_table(), HERE / "no_table.pdf")
    print_pdf(two_tables(), HERE / "two_tables.pdf")
    scan.write_scans(HERE)


if __name__ == "__main__":
    main()

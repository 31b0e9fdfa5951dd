"""Writes the malformed-file corpus beside this script (run it to regenerate; the files are kept).

Each file is named for what is wrong with it; EXPECTED.csv says how the importer must refuse it.
Run from the repository root: python tests/data/bad/build.py
"""

import io
import struct
import sys
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "ingest"))
import hostile  # noqa: E402  (the crafted .xlsx parts the bounds tests use)
import hostile_pdf  # noqa: E402  (the crafted PDFs)

HEADER = "Tỉnh,Gia nhập thị trường\n"


def workbook(*sheets: tuple[str, list[list]]) -> bytes:
    book = Workbook()
    for number, (title, rows) in enumerate(sheets):
        table = book.active if number == 0 else book.create_sheet()
        table.title = title
        for row in rows:
            table.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def compound_file(streams: dict[str, bytes]) -> bytes:
    """A minimal OLE compound file (MS-CFB v3) holding the given streams of 4096 bytes or more
    (so no mini stream is needed): what Excel writes for .xls and for encrypted .xlsx."""
    end, free, fat_sector = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    fat, body, entries, start = [fat_sector, end], b"", [], 2
    for name, content in streams.items():
        content = content.ljust(max(4096, -(-len(content) // 512) * 512), b"\0")
        count = len(content) // 512
        fat += list(range(start + 1, start + count)) + [end]
        entries.append((name, 2, start, len(streams[name])))
        body, start = body + content, start + count
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
    header += struct.pack(
        "<HHHHH6sIIIIIIIII", 0x3E, 3, 0xFFFE, 9, 6, b"", 0, 1, 1, 0, 4096, end, 0, end, 0
    )
    header += struct.pack("<109I", 0, *[free] * 108)

    def entry(name: str, kind: int, sector: int, size: int, right: int, child: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return struct.pack(
            "<64sHBBIII16sIQQIQ", encoded, len(encoded), kind, 1, free, right, child,
            b"", 0, 0, 0, sector, size,
        )  # fmt: skip

    directory = entry("Root Entry", 5, end, 0, free, 1)
    for number, (name, kind, sector, size) in enumerate(entries, start=1):
        right = number + 1 if number < len(entries) else free
        directory += entry(name, kind, sector, size, right, free)
    directory = directory.ljust(512, b"\0")
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat).ljust(512, b"\xff")
    return header + fat_bytes + directory + body


def files() -> dict[str, bytes | str]:
    """Every corpus file by name."""
    big = "9" * 140_000
    return {
        # Not a table at all
        "empty.csv": "",
        "only_blank_lines.csv": "\n\n  \n\t\n",
        "random_binary.csv": bytes(range(256)) * 8,
        "png_image_renamed.csv": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
        "nul_bytes_in_text.csv": b"T\x00nh,PCI\nH\x00\x00 N\x00i,60\n",
        "old_xls_workbook.xls": compound_file({"Workbook": b"\x09\x08" + bytes(5000)}),
        "password_protected.xlsx": compound_file(
            {"EncryptionInfo": b"\x04\x00\x04\x00" + bytes(600), "EncryptedPackage": bytes(5000)}
        ),
        "mixed_utf8_and_windows1258.csv": "Tỉnh,PCI\nHà Nội,60\n".encode()
        + hostile.cp1258("Hải Phòng,61\n"),
        "utf16_cut_mid_character.csv": "Tỉnh,PCI\nHà Nội,60\n".encode("utf-16")[:-1],
        # Text tables that break a rule
        "no_province_column.csv": "Chỉ số,Điểm\nPCI,60\n",
        "header_only.csv": HEADER,
        "all_values_missing.csv": HEADER + "Hà Nội,N/A\nHải Phòng,-\n",
        "unknown_column_header.csv": "Tỉnh,Gia nhập thị trường,Cột lạ\nHà Nội,7.5,1\n",
        "values_under_blank_header.csv": "Tỉnh,Gia nhập thị trường,\nHà Nội,7.5,6.1\n",
        "values_under_punctuation_header.csv": "Tỉnh,Gia nhập thị trường,***\nHà Nội,7.5,6.1\n",
        "unknown_province.csv": HEADER + "Hà Nộii Xyz,7.5\n",
        "province_name_wrapped_in_junk.csv": HEADER + "=Hà Nội!!,7.5\n",
        "province_name_wrapped_in_quotes.csv": HEADER
        + '"'
        + '""' * 100
        + "Hà Nội"
        + '""' * 100
        + '",7.5\n',
        "province_not_in_that_year.csv": HEADER + "Hà Tây,7.5\n",
        "values_without_province_name.csv": HEADER + "Hà Nội,7.5\n,6.1\n",
        "duplicate_province_spellings.csv": HEADER + "Hà Nội,7.5\nHN,7.6\n",
        "duplicate_column.csv": "Tỉnh,Tiếp cận đất đai,Tiếp cận đất đai\nHà Nội,5,5\n",
        "text_in_number_cell.csv": HEADER + "Hà Nội,bảy\n",
        "space_inside_number.csv": HEADER + "Hà Nội,6 0.5\n",
        "two_decimal_points.csv": HEADER + "Hà Nội,7.5.1\n",
        "thousands_number_out_of_range.csv": "Tỉnh;Gia nhập thị trường\nHà Nội;1.234,5\n",
        "negative_value.csv": HEADER + "Hà Nội,-2\n",
        "percent_over_100.csv": "Tỉnh,PCI\nHà Nội,140%\n",
        "rank_is_a_word.csv": "Tỉnh,PCI 2016,Xếp hạng\nHà Nội,60.7,hai\n",
        "rank_zero.csv": "Tỉnh,PCI 2016,Xếp hạng\nHà Nội,60.7,0\n",
        "rank_beyond_units.csv": "Tỉnh,PCI 2016,Xếp hạng\nHà Nội,60.7,64\n",
        "indicator_of_another_method.csv": "Tỉnh,Ưu đãi DNNN\nHà Nội,5\n",
        "row_of_another_year.csv": "Tỉnh,Năm,PCI\nHà Nội,2015,60\n",
        "row_of_another_index.csv": "Tỉnh,Index,PCI\nHà Nội,PAPI,60\n",
        # Past the bounds
        "too_many_columns.csv": ",".join(["Tỉnh", *[f"c{i}" for i in range(600)]]) + "\n",
        "cell_over_2000_chars.csv": HEADER + "Hà Nội," + "9" * 2500 + "\n",
        "field_over_csv_limit.csv": HEADER + 'Hà Nội,"' + big + '"\n',
        "too_many_rows.csv": HEADER + "x,1\n" * 20_001,
        # Excel workbooks
        "truncated_workbook.xlsx": hostile.workbook()[:1500],
        "zip_without_workbook.xlsx": zip_of({"readme.txt": b"not a workbook"}),
        "broken_sheet_xml.xlsx": hostile.broken_xml(),
        "entity_expansion_sheet.xlsx": hostile.entity_expansion(),
        "external_entity_sheet.xlsx": external_entity(),
        "number_cell_holding_text.xlsx": hostile.number_cell_with_text(),
        "cell_at_xfd1048576.xlsx": hostile.far_cell(),
        "declared_too_wide.xlsx": hostile.xlsx_with_sheet(
            '<row r="1"><c r="A1"><v>1</v></c></row>', "A1:ZZ1"
        ),
        "unpacks_past_limit.xlsx": hostile.zip_bomb(110),
        "formula_without_stored_value.xlsx": formula_workbook(),
        "empty_first_sheet.xlsx": workbook(
            ("Bìa", []), ("Số liệu", [["Tỉnh", "PCI"], ["Hà Nội", 60]])
        ),
        "title_sheet_first.xlsx": workbook(
            ("Bìa", [["Báo cáo PCI 2016"]]), ("Số liệu", [["Tỉnh", "PCI"], ["Hà Nội", 60]])
        ),
        "excel_cell_over_2000_chars.xlsx": workbook(
            ("Sheet", [["Tỉnh", "PCI"], ["Hà Nội", "9" * 2500]])
        ),
        **hostile_pdf.files(),
    }


def zip_of(parts: dict[str, bytes]) -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


def external_entity() -> bytes:
    doctype = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row>'
    return hostile.replace_parts(
        hostile.workbook(), {hostile.SHEET: doctype.encode() + hostile.sheet(rows)}
    )


def formula_workbook() -> bytes:
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Tỉnh</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>PCI</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>Hà Nội</t></is></c>'
        '<c r="B2"><f>50+10</f></c></row>'
    )
    return hostile.xlsx_with_sheet(rows)


if __name__ == "__main__":
    for name, content in files().items():
        (HERE / name).write_bytes(content.encode() if isinstance(content, str) else content)
    print(len(files()), "files")

"""Crafted PDFs for the refusal tests: no table, encrypted, bombs, damaged, not a PDF at all."""

import io
import zlib

from fpdf import FPDF


def pdf_of(objects: list[bytes]) -> bytes:
    """A PDF whose object n+1 is objects[n], with a correct cross-reference table."""
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.7\n")
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
    out.write(trailer % (len(objects) + 1, xref))
    return out.getvalue()


def text_page(lines: list[str], password: str | None = None) -> bytes:
    """A one-page PDF of text lines (no table), optionally locked with a user password."""
    document = FPDF()
    document.add_page()
    document.set_font("helvetica", size=12)
    for line in lines:
        document.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
    if password:
        document.set_encryption(owner_password="owner", user_password=password)
    return bytes(document.output())


def many_pages(count: int) -> bytes:
    """A small file declaring `count` distinct, empty pages."""
    kids = b" ".join(b"%d 0 R" % (n + 3) for n in range(count))
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"
    return pdf_of(
        [b"<< /Type /Catalog /Pages 2 0 R >>"]
        + [b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count)]
        + [page] * count
    )


def huge_page(points: int) -> bytes:
    """One page of `points` x `points` (a sheet many metres wide)."""
    return pdf_of(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] >>" % (points, points),
        ]
    )


def huge_image(side: int) -> bytes:
    """An A4 page without text showing one image that declares `side` x `side` pixels."""
    data = zlib.compress(bytes(side // 8 * 64), 9)  # a few rows; the rest never decoded
    content = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
    return pdf_of(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /XObject << /Im0 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray"
            b" /BitsPerComponent 1 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream"
            % (side, side, len(data), data),
        ]
    )


def files() -> dict[str, bytes]:
    """The PDF cases of the malformed-file corpus, by name."""
    return {
        "pdf_without_table.pdf": text_page(["Bao cao tom tat", "Chua cong bo bang diem."]),
        "pdf_with_password.pdf": text_page(["PCI 2016"], password="secret"),
        "pdf_of_600_pages.pdf": many_pages(600),
        "pdf_page_200_metres.pdf": huge_page(600_000),
        "pdf_scan_of_a_billion_pixels.pdf": huge_image(40_000),
        "pdf_damaged_after_header.pdf": b"%PDF-1.7\n" + bytes(range(256)) * 20,
        "html_named_pdf.pdf": "<html><body><table><tr><td>Hà Nội</td></tr></table>".encode(),
    }

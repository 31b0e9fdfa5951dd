"""A table printed without rules, rebuilt from a page's words: columns from the data lines, the
header above them; the title, a label spanning columns and the footnote left out. On words
placed here, so every box is known."""

from scores.ingest.unruled import is_number, table


def word(text: str, x0: float, x1: float, top: float) -> dict:
    return {"text": text, "x0": x0, "x1": x1, "top": top, "bottom": top + 10}


PAGE = [
    word("BẢNG", 10, 60, 10), word("1:", 64, 74, 10), word("PCI", 78, 100, 10),
    word("2016", 104, 300, 10),
    word("Chỉ", 200, 215, 35), word("số", 218, 290, 35),  # a grouped label over two columns
    word("STT", 10, 30, 50), word("Tỉnh", 60, 90, 50), word("PCI", 200, 225, 50),
    word("Hạng", 260, 290, 50),
    word("1", 12, 18, 70), word("Hà", 60, 72, 70), word("Nội", 75, 92, 70),
    word("60,74", 200, 225, 70), word("14", 262, 272, 70),
    word("2", 12, 18, 90), word("Đà", 60, 72, 90), word("Nẵng", 75, 95, 90),
    word("70,00", 200, 225, 90), word("1", 262, 268, 90),
    word("Nguồn:", 10, 50, 200), word("VCCI", 53, 80, 200),
]  # fmt: skip


def test_the_rows_are_rebuilt_under_their_header_without_title_or_footnote():
    rows, box = table(PAGE)
    assert rows == [
        ["STT", "Tỉnh", "PCI", "Hạng"],
        ["1", "Hà Nội", "60,74", "14"],
        ["2", "Đà Nẵng", "70,00", "1"],
    ]
    assert box == (10, 50, 290, 100)


def test_a_page_without_a_line_of_numbers_has_no_table():
    prose = [word("Báo", 10, 40, 10), word("cáo", 43, 70, 10), word("2016", 73, 100, 10)]
    assert table(prose) is None


def test_numbers_as_printed_are_numbers_and_words_and_missing_marks_are_not():
    assert is_number("60,74") and is_number("1.234,5") and is_number("86,5%")
    assert not any(is_number(text) for text in ("Hà Nội", "6 0.5", "-", "n/a"))

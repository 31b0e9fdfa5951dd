"""Guessing the index and year of a file from its title rows, header and name."""

from scores.ingest.guess import guess_index_year
from scores.ingest.readfile import read_bytes


def test_the_index_and_year_a_file_names_are_guessed():
    table = read_bytes("CHỈ SỐ PCI 2016\nTỉnh,PCI 2016\nHà Nội,60.74\n".encode())
    indices = ["PAR", "SIPAS", "PAPI", "PCI"]
    assert guess_index_year(table, "bang.csv", indices) == ("PCI", 2016, "CHỈ SỐ PCI 2016")
    plain = read_bytes("Tỉnh,Điểm\nHà Nội,60\n".encode())
    assert guess_index_year(plain, "par_index_2024.csv", indices) == (
        "PAR",
        2024,
        "par_index_2024.csv",
    )
    assert guess_index_year(plain, "x.csv", ["PAR", "PCI"]) == (None, None, None)
    # The short name the catalogue prints an index by, run together in a title (index_rules
    # names no code in the program: the name comes from indices.csv).
    titled = read_bytes("BẢNG PARINDEX 2024\nTỉnh,Điểm\nHà Nội,60\n".encode())
    names = {"PAR": "PAR INDEX", "PCI": "PCI"}
    assert guess_index_year(titled, "x.csv", names) == ("PAR", 2024, "BẢNG PARINDEX 2024")
    assert guess_index_year(titled, "x.csv", list(names))[0] is None


# The catalogue's short names in both languages (data/indices.csv).
BOTH = {
    "PAR": ["PAR INDEX", "PAR INDEX"],
    "PCI": ["PCI", "PCI"],
    "HNPAR_DEPT": ["Chỉ số CCHC sở, ban, ngành", "Hà Nội PAR (departments)"],
    "HNPAR_LOCAL": ["Chỉ số CCHC quận, huyện, thị xã", "Hà Nội PAR (districts)"],
}


def test_an_index_is_named_by_its_short_name_in_either_language():
    vietnamese = read_bytes("Kết quả Chỉ số CCHC sở, ban, ngành 2022\nĐơn vị,Điểm\n".encode())
    assert guess_index_year(vietnamese, "x.csv", BOTH)[0] == "HNPAR_DEPT"
    english = read_bytes("Hà Nội PAR (districts) 2022\nUnit,Score\n".encode())
    assert guess_index_year(english, "x.csv", BOTH)[0] == "HNPAR_LOCAL"


def test_a_code_inside_a_longer_name_names_the_longer_one_and_two_names_name_none():
    # "PAR" is a word of "Hà Nội PAR (departments)": the departments' index, not PAR INDEX.
    inside = read_bytes("Hà Nội PAR (departments) 2022\nUnit,Score\n".encode())
    assert guess_index_year(inside, "x.csv", BOTH)[0] == "HNPAR_DEPT"
    two = read_bytes("PCI và PAR INDEX 2022\nTỉnh,PCI,PAR INDEX\n".encode())
    assert guess_index_year(two, "x.csv", BOTH)[0] is None


def test_the_year_guess_takes_only_a_plausible_year_and_says_where():
    table = read_bytes("Tỉnh,Cột 2082,PCI 2019\nHà Nội,1,60\n".encode())
    assert guess_index_year(table, "bang.csv", ["PCI"]) == ("PCI", 2019, "PCI 2019")
    only_odd = read_bytes("Tỉnh,Cột 2082,Cột 2003\nHà Nội,1,60\n".encode())
    assert guess_index_year(only_odd, "bang.csv", ["PCI"])[1:] == (None, None)

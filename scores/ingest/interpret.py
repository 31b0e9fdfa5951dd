"""Understanding a table: where the header is, what each column means, long or wide."""

from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from scores.errors import Problem
from scores.indicators import Indicators
from scores.ingest.readfile import RawTable
from scores.text import fold, key, without_years

HEADER_SCAN_ROWS = 25
FIRST_YEAR = 2005  # the first year of any index (PCI)
PROVINCE_HEADERS = {
    key(h)
    for h in (
        "Tỉnh",
        "Tỉnh/thành phố",
        "Tỉnh, thành phố",
        "Tỉnh thành",
        "Tỉnh/TP",
        "Tên tỉnh",
        "Tên tỉnh/thành phố",
        "Địa phương",
        "Tên địa phương",
        "Đơn vị",
        "Tên đơn vị",
        "Province",
        "Provinces",
        "Province/City",
        "Province name",
        "Locality",
        "province",
    )
}
RANK_WORDS = ("xep hang", "thu hang", "hang", "rank", "ranking")
LONG_ROLES = {
    "indicator_label": (
        "indicator",
        "chỉ số",
        "chỉ tiêu",
        "tiêu chí",
        "chỉ số thành phần",
        "indicator code",
    ),
    "value_cell": ("value", "giá trị", "điểm", "điểm số", "score"),
    "index": ("index", "index code", "bộ chỉ số"),
    "year": ("year", "năm"),
}
SKIPPED_HEADERS = {
    key(h): reason
    for reason, headers in {
        "row_number": ("STT", "TT", "Số TT", "Thứ tự", "No", "No.", "#", "Số thứ tự"),
        "tier": ("Nhóm xếp hạng", "Nhóm", "Tier", "Xếp loại", "Nhóm điều hành"),
        "code": ("Mã tỉnh", "Mã", "province_code", "Code", "Province code", "Mã ĐVHC"),
        "region": ("Vùng", "Khu vực", "Region", "Vùng kinh tế"),
        "note": ("Ghi chú", "Note", "Notes"),
    }.items()
    for h in headers
}


@dataclass
class Column:
    """What one column of the table was understood to hold."""

    position: int
    header: str
    role: str
    indicator: str | None = None
    note: str | None = None


@dataclass
class Layout:
    """The header row, the columns and whether the table is long or wide."""

    header_row: int
    columns: list[Column]
    layout: str
    problems: list[Problem] = field(default_factory=list)

    def first(self, role: str) -> Column | None:
        """The first column with that role."""
        return next((c for c in self.columns if c.role == role), None)


def find_header(raw: RawTable) -> int | None:
    """Index of the first row (title rows above are skipped) naming a province column."""
    for number, row in enumerate(raw.rows[:HEADER_SCAN_ROWS]):
        if any(key(cell) in PROVINCE_HEADERS for cell in row):
            return number
    return None


def understand(
    raw: RawTable,
    catalogue: Indicators,
    year: int,
    mapping: dict[str, str] | None = None,
    skip: set[str] | None = None,
) -> Layout:
    """Assign every column a role; unknown columns become problems naming them."""
    header_at = find_header(raw)
    if header_at is None:
        # In a workbook, the sheet read is named: the table may sit on another one.
        problem = (
            Problem("no_province_column_in_sheet", detail={"sheet": raw.sheet})
            if raw.sheet
            else Problem("no_province_column")
        )
        return Layout(-1, [], "unknown", [problem])
    mapping = {key(h): code for h, code in (mapping or {}).items()}
    skip = {key(h) for h in (skip or set())}
    used = _used_positions(raw, header_at)
    columns = [
        _column(pos, raw.rows[header_at][pos], catalogue, year, mapping, skip)
        for pos in range(len(raw.rows[header_at]))
        if pos in used or raw.rows[header_at][pos]
    ]
    layout = "long" if any(c.role == "indicator_label" for c in columns) else "wide"
    problems = _column_problems(columns, catalogue, year, header_at + 1)
    return Layout(header_at, columns, layout, problems)


def _used_positions(raw: RawTable, header_at: int) -> set[int]:
    return {pos for row in raw.rows[header_at + 1 :] for pos, cell in enumerate(row) if cell}


def _column(
    pos: int,
    header: str,
    catalogue: Indicators,
    year: int,
    mapping: dict[str, str],
    skip: set[str],
) -> Column:
    name = header or f"#{pos + 1}"
    hkey = key(header) or key(name)  # a blank or "***" header is chosen by its "#N" name
    if hkey in skip:
        return Column(pos, name, "skipped", note="asked")
    if hkey in mapping:
        return Column(pos, name, "value", mapping[hkey])
    if not key(header) and header.strip() != "#":
        # Values under no readable header are shown as a problem, never taken for row numbers
        # and dropped unseen.
        return Column(pos, name, "unknown")
    if hkey in PROVINCE_HEADERS:
        return Column(pos, name, "province")
    for role, words in LONG_ROLES.items():
        if hkey in {key(w) for w in words}:
            return Column(pos, name, role)
    reason = _skipped(hkey, catalogue)
    if reason:
        return Column(pos, name, "skipped", note=reason)
    return _rank_or_value(pos, name, header, catalogue, year)


def _skipped(hkey: str, catalogue: Indicators) -> str | None:
    """Why a header is not read, with or without an index's name before it ("PCI tier")."""
    if hkey in SKIPPED_HEADERS:
        return SKIPPED_HEADERS[hkey]
    for name in sorted(catalogue.index_names):
        rest = hkey[len(name) :]
        if name and hkey.startswith(name) and rest and rest in SKIPPED_HEADERS:
            return SKIPPED_HEADERS[rest]
    return None


def _rank_or_value(pos: int, name: str, header: str, catalogue: Indicators, year: int) -> Column:
    folded = fold(without_years(header))
    for word in RANK_WORDS:
        if folded == word or folded.startswith(word + " "):
            rest = folded[len(word) :].strip()
            if not rest or key(rest) in catalogue.index_names:
                return Column(pos, name, "rank")
            found = catalogue.match(rest, year)
            return (
                Column(pos, name, "rank", found[0].indicator)
                if found
                else Column(pos, name, "unknown")
            )
    found = catalogue.match(header, year)
    return Column(pos, name, "value", found[0].indicator) if found else Column(pos, name, "unknown")


def _column_problems(
    columns: list[Column], catalogue: Indicators, year: int, row: int
) -> list[Problem]:
    problems = []
    for column in columns:
        if column.role == "unknown":
            detail = {"suggestions": ", ".join(suggest_indicators(column.header, catalogue)) or "–"}
            problems.append(Problem("unknown_column", row, column.header, detail=detail))
        elif column.role == "value" and column.indicator not in catalogue.items:
            problems.append(Problem("unknown_indicator", row, column.header, column.indicator))
        elif column.role == "value" and not catalogue.items[column.indicator].used_in(year):
            item = catalogue.items[column.indicator]
            detail = {"first": item.first_year or "…", "last": item.last_year or "…", "year": year}
            problems.append(Problem("indicator_not_in_year", row, column.header, detail=detail))
    seen: dict[tuple, str] = {}
    for column in columns:
        if column.role in ("value", "rank", "province"):
            slot = (column.role, column.indicator)
            if slot in seen:
                detail = {"other": seen[slot]}
                problems.append(Problem("duplicate_column", row, column.header, detail=detail))
            seen.setdefault(slot, column.header)
    return problems


def suggest_indicators(header: str, catalogue: Indicators, limit: int = 3) -> list[str]:
    """Catalogue names nearest to an unrecognised header."""
    # Compared without diacritics or case: headers often arrive typed without them.
    names = {fold(item.name_vi): (item.name_vi, code) for code, item in catalogue.items.items()}
    found = process.extract(fold(header), list(names), scorer=fuzz.WRatio, limit=limit)
    return [f"{names[match][0]} ({names[match][1]})" for match, score, _ in found if score >= 60]

"""The import pipeline up to the write: read, understand and check an upload (stored by
scores.store.imports, or refused whole)."""

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta

import duckdb
import pandas as pd

from scores.catalog import Provinces
from scores.errors import ImportRefused, Problem
from scores.indicators import Indicators
from scores.ingest import checks, printed
from scores.ingest.bounds import calendar_day
from scores.ingest.interpret import FIRST_YEAR, Layout, understand
from scores.ingest.readfile import RawTable, read_bytes
from scores.ingest.validate import Parsed, check, empty


@dataclass
class Prepared:
    """Everything understood about an upload, ready to be shown or stored."""

    index_code: str
    year: int
    raw: RawTable
    layout: Layout
    parsed: Parsed
    coverage: str
    file_name: str
    sha256: str

    @property
    def problems(self) -> list[Problem]:
        return self.layout.problems + self.parsed.problems


def index_codes(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The indices the catalogue knows."""
    return [row[0] for row in con.execute("SELECT index_code FROM indices ORDER BY 1").fetchall()]


def check_target(con: duckdb.DuckDBPyConnection, index_code: str, year: int) -> list[Problem]:
    """Problems with the index and year asked for, before the file is read."""
    problems = []
    if index_code not in index_codes(con):
        known = ", ".join(index_codes(con))
        problems.append(Problem("unknown_index", value=index_code, detail={"known": known}))
    last = date.today().year + 1
    if not FIRST_YEAR <= year <= last:
        problems.append(
            Problem(
                "year_out_of_range", value=str(year), detail={"first": FIRST_YEAR, "last": last}
            )
        )
    return problems


DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")  # ISO, and the day-first form written in Vietnam


def check_date(text: str) -> tuple[str, list[Problem]]:
    """A publication date as ISO text, if it is a real date from 2000 (bounds.calendar_day) and
    not later than tomorrow (a release published today somewhere east of here); blank is
    allowed (not known)."""
    if not text.strip():
        return "", []
    day = calendar_day(text, DATE_FORMATS)
    if day is None:
        return "", [Problem("bad_date", value=text)]
    if day > date.today() + timedelta(days=1):
        return "", [Problem("future_date", value=text, detail={"today": date.today()})]
    return day.isoformat(), []


def coverage(values: pd.DataFrame, provinces: Provinces, year: int) -> str:
    """'complete' when every unit of the year has a value or rank, else 'partial'."""
    expected = {unit.province_code for unit in provinces.in_year(year)}
    return "complete" if expected <= set(values["province_code"]) else "partial"


def prepare(
    con: duckdb.DuckDBPyConnection,
    data: bytes,
    file_name: str,
    index_code: str,
    year: int,
    sheet: str | None = None,
    mapping: dict[str, str] | None = None,
    skip: set[str] | None = None,
    names: dict[str, str] | None = None,
    pages: str | None = None,
    corrections: dict[tuple[int, int], str] | None = None,
    raw: RawTable | None = None,
    table: int = 1,
) -> Prepared:
    """Read and check an upload without writing; ImportRefused only when it cannot be read.

    names: province spellings the user matched by hand (name -> province_code); pages: the
    pages of a PDF to read ('3-5'); corrections: values typed for cells OCR was unsure of
    ((row, column position) -> text, both 0-based); raw: the file as already read (the page
    keeps an OCR result between its runs instead of reading a scan again on every click);
    table: which table of a page printing several (1-based, top to bottom).
    """
    problems = check_target(con, index_code, year)
    if problems:
        raise ImportRefused(problems)
    raw = raw or read_bytes(data, file_name, sheet, pages, table)
    printed.correct(raw.rows, raw.printed, corrections or {})
    catalogue, provinces = Indicators(con, index_code), Provinces.of_index(con, index_code)
    for name, code in (names or {}).items():
        provinces.choose(name, code)
    layout = understand(raw, catalogue, year, mapping, skip)
    # Rows are checked too while only unknown columns stand (they are left out of the check), so
    # every problem shows at once; other column problems would make the row check mislead.
    blocking = [p for p in layout.problems if p.rule != "unknown_column"]
    parsed = empty() if blocking else check(raw, layout, provinces, catalogue, index_code, year)
    if layout.problems:  # "no values" only repeats that the columns are not understood yet
        parsed.problems = [p for p in parsed.problems if p.rule != "no_values"]
    if not blocking:
        parsed.problems += guards(con, catalogue, layout, parsed, index_code, year)
    parsed.problems += printed.doubt_problems(raw.printed, layout.columns)
    cover = coverage(parsed.values, provinces, year)
    return Prepared(
        index_code, year, raw, layout, parsed, cover, file_name, hashlib.sha256(data).hexdigest()
    )


def guards(
    con: duckdb.DuckDBPyConnection,
    catalogue: Indicators,
    layout: Layout,
    parsed: Parsed,
    index_code: str,
    year: int,
) -> list[Problem]:
    """Totals that disagree with their components, ranks that disagree with the scores."""
    names = {c.indicator: c.header for c in layout.columns if c.indicator}
    higher = {code: item.higher_is_better for code, item in catalogue.items.items()}
    return checks.total_problems(
        con, index_code, year, parsed.values, layout
    ) + checks.rank_problems(parsed.values, higher, names)

"""What the database holds against what each publisher covers, and when each release is due."""

from datetime import date

import pandas as pd


def status(held: int, publisher_units: int) -> str:
    """'complete' when every unit the publisher covers is held, 'missing' when none, else 'partial'
    (our gap: the publisher covered them, the city has not brought them in)."""
    if held >= publisher_units:
        return "complete"
    return "missing" if held == 0 else "partial"


def expected_year(month_to: int, lag_years: int, today: date) -> int:
    """The latest year whose release should be out by today (its usual months are over)."""
    released_by = today.year if today.month > month_to else today.year - 1
    return released_by - lag_years


def next_release(month_from: int, month_to: int, lag_years: int, today: date) -> tuple[int, int]:
    """The next release not yet due: (the year its figures are for, the year it comes out)."""
    out = today.year if today.month <= month_to else today.year + 1
    return out - lag_years, out


def last_year(calendar: pd.DataFrame, today: date) -> int:
    """The last year a coverage table runs to: the latest release expected of any index."""
    years = [expected_year(r.month_to, r.lag_years, today) for r in calendar.itertuples()]
    return max(years) if years else today.year


def calendar_status(calendar: pd.DataFrame, coverage: pd.DataFrame, today: date) -> pd.DataFrame:
    """Per index: its usual months, the latest release expected and how much of it is held, and
    the next one. Columns: index_code, month_from, month_to, expected_year, held, publisher_units,
    status, next_year, next_out."""
    rows = []
    for row in calendar.itertuples():
        year = expected_year(row.month_to, row.lag_years, today)
        found = coverage[(coverage["index_code"] == row.index_code) & (coverage["year"] == year)]
        held = int(found["held"].iloc[0]) if len(found) else 0
        units = int(found["publisher_units"].iloc[0]) if len(found) else 0
        upcoming = next_release(row.month_from, row.month_to, row.lag_years, today)
        rows.append(
            {
                "index_code": row.index_code,
                "month_from": int(row.month_from),
                "month_to": int(row.month_to),
                "expected_year": year,
                "held": held,
                "publisher_units": units,
                "status": status(held, units) if units else "missing",
                "next_year": upcoming[0],
                "next_out": upcoming[1],
            }
        )
    return pd.DataFrame(rows)


def with_status(coverage: pd.DataFrame) -> pd.DataFrame:
    """The coverage rows with their status (complete, partial, missing) as a column."""
    found = [
        status(int(h), int(u))
        for h, u in zip(coverage["held"], coverage["publisher_units"], strict=True)
    ]
    return coverage.assign(status=found)

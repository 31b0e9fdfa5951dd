"""The Data page's coverage tab: the calendar and the held/covered grid, in both languages."""

from conftest import open_view


def tables(app) -> dict:
    return {frame.proto.id: frame.value for frame in app.dataframe}


def test_the_coverage_grid_says_what_is_held_of_what_the_publisher_covers(app):
    open_view(app, "data")
    grids = [f.value for f in app.dataframe if "2024" in f.value.columns]
    grid = grids[0]
    assert grid.loc["PAR INDEX", "2024"] == "⚠ 4/63"
    assert grid.loc["PCI", "2005"] == "✓ 42/42"
    assert grid.loc["PAR INDEX", "2015"] == "✗ 0/63"
    calendar = next(f.value for f in app.dataframe if "Thường công bố vào" in f.value.columns)
    papi = calendar[calendar["Bộ chỉ số"] == "PAPI"].iloc[0]
    assert papi["Thường công bố vào"] == "tháng 4"


def test_the_calendar_in_english(app):
    open_view(app, "data", lang="en")
    calendar = next(f.value for f in app.dataframe if "Usually released in" in f.value.columns)
    assert calendar["Usually released in"].tolist() == ["April", "March–May", "May", "March–May"]

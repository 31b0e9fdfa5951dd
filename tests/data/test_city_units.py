"""The city's unit sets in data/: each printed name names one unit; districts end in 2024."""

from pathlib import Path

import pandas as pd
import pytest

from scores.text import province_key

DATA = Path(__file__).resolve().parents[2] / "data"
SET_OF_INDICATOR = {"department": "hn_department", "district": "hn_local"}


def _csv(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, dtype=str, keep_default_na=False)


def _keys(unit_set: str) -> dict[str, set[str]]:
    """Normalised name or alias -> the codes it names, within one unit set."""
    units = _csv("city_units.csv").query("unit_set == @unit_set")
    aliases = _csv("city_unit_aliases.csv").query("unit_set == @unit_set")
    found: dict[str, set[str]] = {}
    for name, code in [
        *zip(units.name_vi, units.code, strict=True),
        *zip(aliases.alias, aliases.code, strict=True),
    ]:
        found.setdefault(province_key(name), set()).add(code)
    return found


def test_unit_codes_are_unique_and_aliases_name_known_units():
    units = _csv("city_units.csv")
    aliases = _csv("city_unit_aliases.csv")
    assert not units.code.duplicated().any()
    assert set(aliases.code) <= set(units.code)
    assert set(units.unit_set) == set(_csv("indices.csv").unit_set) - {"province"}


@pytest.mark.parametrize("unit_set", ["hn_department", "hn_local"])
def test_no_name_or_alias_names_two_units(unit_set):
    clashes = {k: v for k, v in _keys(unit_set).items() if len(v) > 1}
    assert clashes == {}


def test_every_printed_unit_of_the_additions_resolves_in_its_set():
    rows = _csv("seed/additions_turn3.csv")
    rows = rows[rows.indicator.str.startswith("hn_") & ~rows.indicator.str.endswith("_average")]
    for printed, indicator in zip(rows.province, rows.indicator, strict=True):
        unit_set = SET_OF_INDICATOR[indicator.rsplit("_", 1)[-1]]
        assert len(_keys(unit_set).get(province_key(printed), set())) == 1, printed


@pytest.mark.parametrize(
    "spelling, code",
    [
        ("Sở TN&MT", "HN-D-TNMT"),
        ("Sở LĐ-TB&XH", "HN-D-LDTBXH"),
        ("VP UBND TP", "HN-D-VP"),
        ("Sở Tài nguyên và Môi trường", "HN-D-TNMT"),
        ("UBND quận Cầu Giấy", "HN-L-CAUGIAY"),
        ("Q. Cầu Giấy", "HN-L-CAUGIAY"),
    ],
)
def test_the_briefs_spellings_name_one_unit(spelling, code):
    unit_set = "hn_local" if code.startswith("HN-L") else "hn_department"
    assert _keys(unit_set)[province_key(spelling)] == {code}


def test_no_district_of_2024_exists_in_2025():
    local = _csv("city_units.csv").query("unit_set == 'hn_local'")
    assert len(local) == 30
    assert (local.valid_to == "2024").all()

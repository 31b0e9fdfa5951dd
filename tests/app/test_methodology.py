"""The methodology of each index on the Data page: an expander per index, its catalogue as
published in data/indicators.csv, in the chosen language."""

import csv

import pytest
from streamlit.testing.v1 import AppTest

from scores.config import DATA_DIR


def script(lang: str) -> None:
    import streamlit as st

    from scores.app.methodology import show

    st.session_state["lang"] = lang
    show({"PCI": "PCI", "PAR": "PAR INDEX"})


def catalogue(index_code: str, column: str) -> list[str]:
    with (DATA_DIR / "indicators.csv").open(encoding="utf-8") as file:
        return [row[column] for row in csv.DictReader(file) if row["index_code"] == index_code]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_an_expander_per_index_with_its_catalogue_in_the_language(built, lang):
    app = AppTest.from_function(script, args=(lang,), default_timeout=30).run()
    assert not app.exception
    assert [e.label.split(":")[0] for e in app.expander] == ["PCI", "PAR INDEX"]
    pci = app.expander[0].dataframe[0].value
    assert sorted(pci.iloc[:, -1]) == sorted(catalogue("PCI", "indicator"))
    assert sorted(pci.iloc[:, 0]) == sorted(catalogue("PCI", f"name_{lang}"))

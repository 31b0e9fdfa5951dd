"""The methodology of each index as the Data page shows it: scale, catalogue, weights, breaks."""

import pandas as pd
import streamlit as st

from scores.app import cache, state
from scores.i18n import in_lang, lang_column


def show(names: dict[str, str]) -> None:
    """One expander per index."""
    about = cache.load("indices_by_code").set_index("index_code")
    lang = state.lang()
    for code, name in names.items():
        with st.expander(f"{name}: {about.loc[code, lang_column('name', lang)]}"):
            st.markdown(
                state.tr(
                    "data.method_about",
                    publisher=about.loc[code, lang_column("publisher", lang)],
                    scale=about.loc[code, lang_column("scale", lang)],
                )
            )
            catalogue = cache.load("indicators_by_index", index_code=code)
            st.dataframe(
                pd.DataFrame(
                    {
                        state.tr("components.component"): catalogue[lang_column("name", lang)],
                        state.tr("data.level"): catalogue["level"].map(
                            lambda v: (
                                state.tr(f"level.{v}") if v != "total" else state.tr("data.total")
                            )
                        ),
                        state.tr("data.range"): [
                            f"{lo:g}–{hi:g}"
                            for lo, hi in zip(
                                catalogue["valid_min"], catalogue["valid_max"], strict=True
                            )
                        ],
                        state.tr("data.years"): [
                            f"{'…' if pd.isna(a) else int(a)}–{'' if pd.isna(b) else int(b)}"
                            for a, b in zip(
                                catalogue["first_year"], catalogue["last_year"], strict=True
                            )
                        ],
                        state.tr("data.code"): catalogue["indicator"],
                    }
                ),
                hide_index=True,
                width="stretch",
            )
            weights = cache.load("weights_by_period", index_code=code)
            if len(weights):
                labels = state.indicator_labels(code)
                table = weights.assign(
                    period=[
                        f"{a}–{b}"
                        for a, b in zip(weights["first_year"], weights["last_year"], strict=True)
                    ],
                    indicator=weights["indicator"].map(labels),
                )
                st.markdown(state.tr("data.weights"))
                st.dataframe(
                    table.pivot(index="indicator", columns="period", values="weight").map(
                        lambda v: "–" if pd.isna(v) else f"{v:g}"
                    ),
                    width="stretch",
                )
            breaks = cache.load("methodology_breaks_by_year", index_code=code)
            for row in breaks.itertuples():
                st.markdown(f"**{row.year}**: {in_lang(row, 'note', lang)}")

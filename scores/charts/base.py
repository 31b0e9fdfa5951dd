"""The look every chart shares: palette, fonts, number separators, the layout."""

import plotly.graph_objects as go

# Okabe-Ito, safe for the common colour-vision deficiencies; the focus province is always vermilion.
FOCUS = "#D55E00"
OTHERS = "#A7B4C2"
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
SEQUENTIAL = "Blues"
FONT = {"family": "Source Sans Pro, Noto Sans, Arial, sans-serif", "size": 16, "color": "#1F2328"}


def layout(figure: go.Figure, title: str, lang: str, height: int) -> go.Figure:
    """Title left, large type, the language's decimal and thousands separators, white ground."""
    figure.update_layout(
        title={"text": title, "font": {"size": 22}, "x": 0, "xanchor": "left"},
        font=FONT,
        height=height,
        margin={"l": 10, "r": 20, "t": 70, "b": 40},
        separators=",." if lang == "vi" else ".,",
        plot_bgcolor="white",
        paper_bgcolor="white",
        hoverlabel={"font_size": 16},
        showlegend=False,
    )
    return figure

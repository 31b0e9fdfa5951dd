"""The floor: a trivial Streamlit app drawing ?charts=N plotly charts of 63 bars from constant
data, served and timed like the real pages, so that their times read against the framework's."""

import plotly.graph_objects as go
import streamlit as st

UNITS = 63
VALUES = [40 + (unit * 37) % 60 for unit in range(UNITS)]  # constant: no data, no query
NAMES = [f"P{unit:02d}" for unit in range(UNITS)]

st.set_page_config(page_title="floor", layout="wide")
st.title("Floor")
for chart in range(int(st.query_params.get("charts", "3"))):
    figure = go.Figure(go.Bar(x=NAMES, y=VALUES[chart:] + VALUES[:chart]))
    st.plotly_chart(figure, key=f"chart_{chart}")

"""Charts as pure functions: DataFrame in, plotly Figure out (no Streamlit), one look everywhere."""

from scores.charts.base import FOCUS, OTHERS, PALETTE
from scores.charts.compare import compare_lines
from scores.charts.components import component_bars, percentile_heatmap
from scores.charts.map import choropleth, outlines
from scores.charts.plan import gap_bars
from scores.charts.rankings import ranked_bars, scatter
from scores.charts.trends import sparkline, target_rank, target_value

__all__ = [
    "FOCUS",
    "OTHERS",
    "PALETTE",
    "choropleth",
    "compare_lines",
    "component_bars",
    "gap_bars",
    "outlines",
    "percentile_heatmap",
    "ranked_bars",
    "scatter",
    "sparkline",
    "target_rank",
    "target_value",
]

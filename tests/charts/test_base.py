"""The look every chart shares: gaps and breaks split a line, text enlarged for a room, the
language's separators, titles wrapped as plotly breaks them."""

import pandas as pd
import plotly.graph_objects as go

from scores.charts.base import enlarge, layout, smallest_font, with_gaps, wrapped


def test_a_missing_year_and_a_methodology_break_each_split_the_line():
    frame = pd.DataFrame({"year": [2019, 2016, 2017, 2018], "value": [3.0, 1.0, 2.0, None]})
    split = with_gaps(frame, "value", breaks=[2017])
    assert split["year"].tolist() == [2016, 2016.5, 2017, 2018.0, 2019]
    assert split["value"].isna().tolist() == [False, True, False, True, False]


def test_consecutive_years_without_a_break_are_one_line():
    frame = pd.DataFrame({"year": [2016, 2017, 2018], "value": [1.0, 2.0, 3.0]})
    assert with_gaps(frame, "value")["year"].tolist() == [2016, 2017, 2018]


def test_enlarge_raises_every_text_to_the_size_and_smallest_font_reads_it_back():
    figure = go.Figure(go.Bar(x=["a"], y=[1], text=["1"]))
    figure.add_annotation(text="note", font_size=9)
    assert smallest_font(figure) == 9
    assert smallest_font(enlarge(figure, 20)) == 20


def test_the_layout_uses_the_languages_decimal_and_thousands_marks():
    assert layout(go.Figure(), "T", "vi", 400).layout.separators == ",."
    assert layout(go.Figure(), "T", "en", 400).layout.separators == ".,"


def test_a_title_wraps_at_words_into_plotly_line_breaks_only_when_asked():
    title = "Chỉ số cải cách hành chính"
    assert wrapped(title, 12) == "Chỉ số cải<br>cách hành<br>chính"
    assert wrapped(title, None) == title

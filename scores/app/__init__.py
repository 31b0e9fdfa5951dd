"""The app wing: the only Streamlit code under scores/ (caches, state, widgets, upload, access).

Everything outside this folder, dashboard.py and views/ runs without Streamlit, so the command
line, the exports and the tests can use it; ruff's banned-api rule keeps it that way.
"""

"""scores/app/review.py: an upload against the current release (the diff in the language's
numbers, the first release, an identical one), the commit buttons of a rounded restatement,
what the stored versions say of a partial file, the commit, and what a restore would change
(real releases: SIPAS 2023 and 2024, PCI 2016)."""

import duckdb
import pytest
import streamlit as st
from conftest import publisher_table
from streamlit.testing.v1 import AppTest

from scores import db
from scores.roles import Actor
from scores.store import releases as store


@pytest.fixture(scope="module")
def sipas(built_db) -> dict:
    """SIPAS 2024 as printed, and Hải Phòng's stored headline in 2023 and 2024."""
    with db.connect(built_db, read_only=True) as con:
        table = publisher_table(con, "SIPAS", 2024)
        stored = dict(
            con.execute(
                "SELECT r.year, (s.value, s.rank) FROM scores s JOIN releases r USING (release_id)"
                " WHERE r.index_code = 'SIPAS' AND r.year IN (2023, 2024)"
                " AND r.status = 'current' AND s.indicator = 'sipas_total'"
                " AND s.province_code = '31'"
            ).fetchall()
        )
    return {"text": table.to_csv(index=False), "table": table, "haiphong": stored}


def review_script(text: str, index_code: str, year: int, lang: str) -> None:
    import streamlit as st

    from scores.analysis import diff
    from scores.app import review, state, upload

    st.session_state["lang"] = lang
    prepared = upload.read(text.encode("utf-8"), "sipas.csv", index_code, year)
    changes = review.diff_view(prepared, state.indicator_labels(index_code))
    st.session_state["statuses"] = sorted(set(changes["status"]))
    st.session_state["confirmed"] = review.confirmed_against_stored(prepared)
    st.session_state["clicked"] = review.commit_buttons(diff.summary(changes))


def review(text: str, index_code: str, year: int, lang: str = "vi") -> AppTest:
    args = (text, index_code, year, lang)
    app = AppTest.from_function(review_script, args=args, default_timeout=30).run()
    assert not app.exception
    return app


def test_the_diff_lists_what_changes_new_and_removed_with_the_new_value_as_printed(built, sipas):
    app = review(sipas["text"], "SIPAS", 2023)  # the 2024 table typed as the year before
    counts = app.markdown[0].value
    assert counts.startswith("1 giá trị mới, 2 giá trị thay đổi, 0 giá trị chỉ khác do làm tròn")
    shown = app.dataframe[0].value.set_index("Tỉnh, thành phố")
    (old, old_rank), (new, new_rank) = sipas["haiphong"][2023], sipas["haiphong"][2024]
    change = f"{new - old:.4f}".rstrip("0").replace(".", ",")
    assert shown.loc["Hải Phòng"].tolist() == [
        "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)",
        f"{old:.2f}".replace(".", ","),
        f"{new:.2f}".replace(".", ","),
        change,
        str(old_rank),
        str(new_rank),
        "thay đổi",
    ]
    # Hà Nội: a 2023 rank without a published score (shown "–", not "None" or "nan").
    assert shown.loc["Hà Nội", ["Giá trị cũ", "Chênh lệch", "Thay đổi"]].tolist() == [
        "–",
        "–",
        "thay đổi",
    ]
    assert shown.loc["Hải Dương", "Thay đổi"] == "mới"
    assert set(shown.loc[["Bắc Kạn", "Quảng Ninh"], "Thay đổi"]) == {"không còn"}
    assert app.button(key="commit").label == "Lưu thành bản công bố mới"


@pytest.mark.parametrize(
    ("index_code", "lang", "words", "not_said"),
    [
        ("HNPAR_DEPT", "vi", "vì tệp có đủ mọi đơn vị).", "tỉnh"),
        ("HNPAR_DEPT", "en", "ranked in the current release (1): PAR", "1 indicators"),
        ("SIPAS", "en", "because the file covers every province).", "1 indicators"),
    ],
)  # fmt: skip
def test_a_file_without_the_rank_column_says_so_in_the_words_of_its_units(
    built, built_db, index_code, lang, words, not_said
):
    """The 2022 departments' table (SIPAS 2024's for the provinces) without its rank column: the
    caption said a department file must cover 'every province', and '1 indicators'."""
    with db.connect(built_db, read_only=True) as con:
        year = 2022 if index_code == "HNPAR_DEPT" else 2024
        table = publisher_table(con, index_code, year)
    ranks = [c for c in table.columns if c in ("Xếp hạng", "Rank")]
    assert ranks  # the printed table has its rank column, which the upload leaves out
    app = review(table.drop(columns=ranks).to_csv(index=False), index_code, year, lang)
    [caption] = [c.value for c in app.caption if "rank" in c.value or "xếp hạng" in c.value]
    assert words in caption and not_said not in caption


def test_a_year_without_a_release_is_said_to_be_the_first(built, sipas):
    app = review(sipas["text"], "SIPAS", 2018, lang="en")
    assert app.info[0].value == "No SIPAS data for 2018 yet: this will be the first release."
    assert app.session_state["statuses"] == ["new"]
    assert app.session_state["confirmed"] is False  # nothing stored: nothing to confirm


def test_the_current_release_again_is_identical_and_lists_no_row(built, sipas):
    app = review(sipas["text"], "SIPAS", 2024)
    assert app.info[0].value == "Bản này giống hệt bản hiện hành."
    assert app.session_state["statuses"] == ["same"]
    assert app.dataframe[0].value.empty


def test_a_file_without_a_unit_of_the_current_release_names_it_and_asks_to_confirm(built, sipas):
    table = sipas["table"]
    partial = table[table["Tỉnh/thành phố"] != "Hải Dương"].to_csv(index=False)
    app = review(partial, "SIPAS", 2024)
    assert "Hải Dương" in app.warning[0].value and "Hà Nội" not in app.warning[0].value
    assert app.session_state["confirmed"] is None
    app.checkbox(key="confirm_partial").check().run()
    assert app.session_state["confirmed"] is True


def buttons_script(lang: str) -> None:
    import streamlit as st

    from scores.analysis import diff
    from scores.app import cache, review

    st.session_state["lang"] = lang
    current = cache.load("current_release_by_index_year", index_code="PCI", year=2016)
    stored = cache.load("values_by_release", release_id=int(current["release_id"].iloc[0]))
    printed = stored.assign(value=stored["value"].round(2), decimals=2)  # as VCCI prints it
    counts = diff.summary(diff.compare(stored, printed))
    st.session_state["counts"] = counts
    st.session_state["clicked"] = review.commit_buttons(counts)


def test_a_rounded_restatement_offers_to_keep_the_precise_figures_and_keeping_commits_nothing(
    built,
):
    app = AppTest.from_function(buttons_script, args=("vi",), default_timeout=30).run()
    assert not app.exception
    rounded = app.session_state["counts"]["rounded"]
    assert rounded > 0 and app.session_state["counts"]["changed"] == 0
    assert f"Cả {rounded} giá trị khác nhau đều chỉ do làm tròn" in app.warning[0].value
    assert app.button(key="commit").label == "Vẫn lưu số đã làm tròn thành bản mới"
    app.button(key="keep_precise").click().run()
    assert app.session_state["clicked"] is False
    assert "không có gì được ghi" in app.success[0].value
    app.run()  # the next run offers both again; committing the rounded figures on purpose
    app.button(key="commit").click().run()
    assert app.session_state["clicked"] is True


def commit_script(text: str, partial: bool) -> None:
    import streamlit as st

    from scores.app import review, upload
    from scores.roles import Actor
    from scores.store import releases as store

    data = text.encode("utf-8")
    prepared = upload.read(data, "sipas_2024.csv", "SIPAS", 2024)
    source = store.Source(file_name="sipas_2024.csv", imported_by="editor")
    actor = Actor("editor@hanoi.gov.vn", "editor")
    st.session_state["release"] = review.save_and_commit(prepared, data, source, actor, partial)


def current_sipas_2024(db_file) -> tuple[int, list[tuple]]:
    st.cache_resource.clear()
    with duckdb.connect(str(db_file), read_only=True) as con:
        release = con.execute(
            "SELECT release_id FROM releases WHERE index_code = 'SIPAS' AND year = 2024"
            " AND status = 'current'"
        ).fetchone()[0]
        values = con.execute(
            "SELECT province_code, value FROM scores WHERE release_id = $r"
            " AND indicator = 'sipas_total' ORDER BY 1",
            {"r": release},
        ).fetchall()
    return release, values


def test_a_confirmed_partial_file_is_committed_and_its_original_kept(db_file, sipas):
    table = sipas["table"]
    text = table[table["Tỉnh/thành phố"] != "Hải Dương"].to_csv(index=False)
    before, held = current_sipas_2024(db_file)
    app = AppTest.from_function(commit_script, args=(text, True), default_timeout=30).run()
    assert not app.exception
    release, values = current_sipas_2024(db_file)
    assert app.session_state["release"] == release != before
    assert values == [row for row in held if row[0] != "30"]  # Hải Dương left the view
    (kept,) = (db_file.parent / "uploads").iterdir()
    assert kept.read_bytes() == text.encode("utf-8")


def test_restoring_the_superseded_release_would_bring_back_the_unit_it_held(db_file, sipas):
    from scores.app import cache, review
    from scores.store.imports import import_file

    table = sipas["table"]
    path = db_file.parent / "sipas_2024.csv"
    table[table["Tỉnh/thành phố"] != "Hải Dương"].to_csv(path, index=False)
    before, held = current_sipas_2024(db_file)
    with duckdb.connect(str(db_file)) as con:
        source = store.Source(imported_by="editor")
        import_file(con, path, "SIPAS", 2024, source, partial=True, actor=EDITOR)
    st.cache_data.clear()
    st.cache_resource.clear()
    releases = cache.load("releases_by_version")
    counts = review.restore_preview(releases, before)
    haiduong = len(
        cache.load("values_by_release", release_id=before).query("province_code == '30'")
    )
    assert counts["new"] == haiduong > 0
    assert counts["removed"] == counts["changed"] == counts["rounded"] == 0


EDITOR = Actor("editor@hanoi.gov.vn", "editor")

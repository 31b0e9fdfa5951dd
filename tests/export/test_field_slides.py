"""Slide kinds against the field: the focus unit among the centrally-run cities (rankings), its
weakest components (weakest), and the scorecard's notes on the peer slides left out."""

import pytest

from scores.export.component_view import component_view
from scores.export.field_slides import GROUP, MIN_PEERS, WEAKEST, peer_table, weak_line
from scores.export.slide_kinds import pack
from scores.i18n import number
from tests.export.test_briefing import context


@pytest.fixture(scope="module")
def hanoi(built_db):
    """Hà Nội 2024 in Vietnamese, one context for the module (it remembers what it read)."""
    return context(built_db, "vi")


@pytest.fixture(scope="module")
def slides(hanoi) -> dict:
    """Hà Nội 2024's scorecard, ranking and weakest-component slides, by kind."""
    made = pack(hanoi, ["scorecard", "rankings", "weakest"])
    return {key: [s for s in made if s.key == key] for key in ("scorecard", "rankings", "weakest")}


@pytest.fixture(scope="module")
def quang_ninh(built_db) -> list:
    """Quảng Ninh 2024's ranking slides: first of PAPI, PCI ranked as published."""
    return pack(context(built_db, "vi", key="22"), ["rankings"])


def test_a_peer_group_with_two_members_gives_no_peer_slide(slides):
    # Hà Nội 2024: PAR INDEX and SIPAS have one other centrally-run city with figures, PCI two.
    assert [s.title.split(":")[0] for s in slides["rankings"]] == ["PAPI 2024"]
    (scorecard,) = slides["scorecard"]
    dropped = [note for note in scorecard.notes if note.startswith("Không có trang so sánh")]
    assert len(dropped) == 3 and "PCI 2024" in dropped[2] and "2 đơn vị khác" in dropped[2]


def test_the_peer_table_is_the_centrally_run_cities_and_counts_the_others_with_figures(hanoi):
    """The group is read from the catalogue (central_city_since up to 2024: Huế joins in 2025),
    the count from each index's 2024 table, Hà Nội itself not counted."""
    group = {
        u.province_code
        for u in hanoi.provinces.in_year(2024)
        if u.central_city_since is not None and u.central_city_since <= 2024
    }
    assert group == {"01", "31", "48", "79", "92"}
    for code in hanoi.indices.index:
        shown, count = peer_table(hanoi, code)
        assert set(shown["province_code"]) <= group and "01" in set(shown["province_code"])
        table = hanoi.table(code, 2024, hanoi.indicator(code, 2024))
        valued = table[table["province_code"].isin(group - {"01"}) & table["value"].notna()]
        assert count == len(valued), code
    assert peer_table(hanoi, "PAPI")[1] >= MIN_PEERS > peer_table(hanoi, "PCI")[1]


def test_the_ranking_slide_gives_the_distance_to_the_best_in_the_country(hanoi, slides):
    (papi,) = slides["rankings"]
    table = hanoi.table("PAPI", 2024, hanoi.indicator("PAPI", 2024)).dropna(subset=["value"])
    best = table.loc[table["value"].idxmax()]
    mine = float(table.loc[table["province_code"] == "01", "value"].iloc[0])
    assert papi.sentences[1] == (
        f"{number(mine, 'vi')}; cao nhất: {best['name']} {number(best['value'], 'vi')} "
        f"(cách {number(best['value'] - mine, 'vi')} điểm, trong {len(table)} tỉnh, thành phố "
        "có số liệu)."
    )
    assert best["name"] == "Quảng Ninh" and len(table) == 61


def test_the_best_province_is_said_to_be_the_highest_not_zero_points_behind(quang_ninh):
    papi = next(s for s in quang_ninh if s.title.startswith("PAPI 2024"))
    assert papi.sentences[1] == "47,82: cao nhất trong 61 tỉnh, thành phố có số liệu."


def test_a_published_rank_is_said_of_the_whole_country_a_place_of_those_with_figures(quang_ninh):
    """PCI publishes its ranks (2nd of 63 in the country); PAPI's place is counted from the
    61 scores, which already says among whom."""
    lines = {s.title.split(":")[0]: s.sentences[0] for s in quang_ninh}
    assert lines == {
        "PAPI 2024": "Đứng thứ 1/61 tỉnh, thành phố có số liệu",
        "PCI 2024": "Xếp thứ 2/63 cả nước",
    }


def test_a_unit_outside_the_peer_group_is_not_said_to_be_in_it(built_db):
    slides = pack(context(built_db, "vi", key="24", year=2024), ["rankings"])
    assert slides and all("khi đặt cạnh các đơn vị thuộc nhóm" in s.title for s in slides)
    assert GROUP == "central_cities"


@pytest.mark.parametrize("year", [2018, 2024])
def test_a_ranking_slide_opens_its_notes_with_the_scorecard_sentence(built_db, year):
    """PAPI changed its method in 2018: the ranking slide compared the score with 2017's where
    the scorecard says the scores are not comparable."""
    pack_context = context(built_db, "vi", year=year)
    (scorecard, *rankings) = pack(pack_context, ["scorecard", "rankings"])
    assert rankings
    for slide in rankings:
        assert slide.notes[0] in scorecard.notes, (slide.notes[0], scorecard.notes)


def test_a_weakest_slide_shows_the_five_weakest_ranked_components_and_says_three(hanoi, slides):
    """PAR INDEX's and SIPAS's one component each has too few units to rank: no slide; PAPI
    (8 dimensions) and PCI (10 sub-indices) show their five weakest, the lines their three."""
    weakest = slides["weakest"]
    assert [s.title.split(":")[0] for s in weakest] == ["PAPI 2024", "PCI 2021"]
    for slide, code in zip(weakest, ("PAPI", "PCI"), strict=True):
        view = component_view(hanoi, code)
        names = [row.name for row in view.rows if row.rank is not None][:WEAKEST]
        assert len(view.rows) > WEAKEST == 5
        for bars in slide.figures[0].data:
            assert [label.replace("<br>", " ") for label in bars.y] == names, bars.name
        assert slide.sentences == [weak_line(row, "vi") for row in view.rows[:3]]


def test_weak_line_names_the_value_the_best_and_the_place(built_db):
    row = component_view(context(built_db, "en"), "PAPI").rows[0]
    assert weak_line(row, "en") == (
        "Environmental governance: 2.87 points (best province 4.41), lowest of the 61 provinces "
        "with figures."
    )

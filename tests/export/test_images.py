"""Chart images for the exports: the slide boxes, the footer line, plain text, and one kaleido
server for a pack (started by its first chart only, stopped when the pack is done)."""

import io
import shutil
from dataclasses import replace

import pytest
from PIL import Image

from scores.export import images
from scores.export.briefing import made_on
from tests.export.test_briefing import needs_chromium, whole_pack


@pytest.fixture(scope="module")
def hanoi(built_db) -> dict:
    """Hà Nội 2024's slides by what a test needs of them."""
    made = whole_pack(built_db)
    return {
        "scorecard": made[0],  # every publisher's source, no partial table named
        "sipas_target": next(s for s in made if s.key == "targets" and "SIPAS" in s.title),
        "held": next(s for s in made if s.key == "rankings" and s.coverage),  # PAPI: 61/63
    }


def test_a_box_placed_on_a_20_inch_slide_is_its_box_at_1920_by_1080():
    """96 px an inch: a 16:9 slide 20 in wide is 1920x1080 px, so both sizes must agree."""
    for name in images.BOXES:
        assert images.placed_px(name, 20) == images.box_px(name), name


def test_the_boxes_lie_on_the_slide_and_do_not_overlap():
    def edges(name):
        left, top, width, height = images.BOXES[name]
        return left, top, left + width, top + height

    assert all(0 <= e <= 1 for name in images.BOXES for e in edges(name))
    title, figure, text, full, footer = (
        edges(n) for n in ("title", "figure", "text", "full", "footer")
    )
    assert title[3] <= min(figure[1], text[1], full[1])  # the title above the body
    assert figure[2] <= text[0]  # the chart left of its sentences
    assert max(figure[3], text[3], full[3]) <= footer[1]  # the footer under everything


def test_the_footer_says_the_source_what_is_held_the_date_and_the_page(hanoi):
    made, held = made_on("vi"), hanoi["held"]
    assert images.footer_line(held, made, 4, 11, "vi") == (
        f"Nguồn: {held.source} · {held.coverage} · {made} · 4/11"
    )
    assert images.footer_line(hanoi["scorecard"], "Prepared", 1, 11, "en") == (
        f"Source: {hanoi['scorecard'].source} · Prepared · 1/11"
    )
    assert images.footer_line(replace(held, source=""), made, 2, 2, "vi") == (
        f"{held.coverage} · {made} · 2/2"  # no "Nguồn:" before nothing
    )


def test_plain_text_loses_the_bold_marks_and_keeps_the_words(hanoi):
    (sentence,) = [s for s in hanoi["sipas_target"].sentences if "**" in s]
    assert "**1,50 điểm**" in sentence
    assert images.plain(sentence) == sentence.replace("**", "")


def test_without_chromium_the_first_image_refuses_with_no_browser(hanoi, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    started = []
    monkeypatch.setattr(images.kaleido, "start_sync_server", lambda **_: started.append(1))
    assert not images.has_browser()
    figure = hanoi["sipas_target"].figures[0]
    with pytest.raises(images.NoBrowser), images.image_server():
        images.png(figure, (640, 360))
    assert started == [] and not images._SERVER["started"]


@pytest.mark.parametrize("installed", [True, False])
def test_a_pack_without_charts_never_starts_chromium_and_needs_none(installed, monkeypatch):
    started = []
    monkeypatch.setattr(shutil, "which", lambda name: f"/usr/bin/{name}" if installed else None)
    monkeypatch.setattr(images.kaleido, "start_sync_server", lambda **_: started.append(1))
    with images.image_server():
        pass
    assert started == [] and not images._SERVER["started"]


@pytest.fixture(scope="module")
def drawn(hanoi) -> dict:
    """One real chart (the SIPAS target's) drawn both ways under one server."""
    figure = hanoi["sipas_target"].figures[0]
    with images.image_server():
        found = {"png": images.png(figure, (640, 360)), "running": images._SERVER["started"]}
        found["slide"] = images.chart_png(figure, "Nguồn: Bộ Nội vụ")
    found["after"] = images._SERVER["started"]
    return found


@needs_chromium
def test_png_is_its_size_in_css_pixels_times_the_scale(drawn):
    assert Image.open(io.BytesIO(drawn["png"])).size == (640 * 3, 360 * 3)


@needs_chromium
def test_chart_png_is_slide_sized(drawn):
    assert Image.open(io.BytesIO(drawn["slide"])).size == (1920, 1080)


@needs_chromium
def test_the_first_chart_starts_the_server_and_the_pack_stops_it(drawn):
    assert drawn["running"] and not drawn["after"]

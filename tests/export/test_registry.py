"""The registry of slide kinds: @kind files a builder under the key that ?slides= and --slides
name, ORDER is a pack's default order, and every kind in it is registered once the kinds load."""

import pytest

from scores.export import registry
from scores.export.slide_kinds import KINDS
from scores.i18n import catalogue
from tests.export.test_briefing import whole_pack


def test_kind_files_the_builder_under_its_key_and_returns_it_unchanged(monkeypatch):
    monkeypatch.setattr(registry, "BUILDERS", {})

    def builder(context):
        return []

    assert registry.kind("scorecard")(builder) is builder  # still callable under its own name
    assert registry.BUILDERS == {"scorecard": builder}


def test_every_kind_of_the_default_order_is_registered_and_no_other():
    assert set(registry.BUILDERS) == set(registry.ORDER)
    assert list(KINDS) == list(registry.ORDER)


def test_each_key_gives_the_slides_of_its_own_kind(built_db):
    """?slides=rankings must give the rankings: a builder filed under another kind's key would
    put its slides in that kind's place of the pack (the pack runs each key's builder in ORDER)."""
    made = [slide.key for slide in whole_pack(built_db)]
    assert made == sorted(made, key=registry.ORDER.index)
    # Every kind makes a slide for Hà Nội 2024 but the plan (no remediation action stored).
    assert set(made) == set(registry.ORDER) - {"plan"}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_kind_has_its_name_for_the_slide_picker(lang):
    names = catalogue(lang)
    missing = [key for key in registry.ORDER if not names.get(f"slides.kind_{key}")]
    assert missing == []

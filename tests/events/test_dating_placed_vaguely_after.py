"""An act whose own verb takes a bare "later" (no distance, no time with it) came some unsaid time
after the episode told: it borrows no day (dating.placed_vaguely_after, dating.yaml
vaguely_before.after_adverbs). Hand-made sentences."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.model import Article
from dateline.nlp import parse
from dateline.pipeline import Stages, explain_article

PUBLISHED = date(2024, 3, 8)  # a Friday
SHOT = "A gunman shot a clerk at a gas station on Tuesday. "


@pytest.fixture(scope="module")
def stages() -> Stages:
    return Stages.load()


def event(text: str, word: str, stages: Stages):
    found = [r for r in explain_article(Article(id="t", text=text, published=PUBLISHED), parse(text), stages)
             if r.event.trigger.text == word]
    assert found, f"no event for {word!r}"
    return found[0]


def test_a_bare_later_leaves_the_carried_day(stages):
    # the text says the clerk died after the shooting, not on which day
    reading = event(SHOT + "The clerk later died at a hospital.", "died", stages)
    assert reading.event.date_value is None
    assert "placed vaguely after -> none" in reading.date.rules


def test_without_later_the_story_day_carries(stages):
    # near miss: the next step of the same story, told with no adverb, stays on Tuesday
    assert event(SHOT + "The clerk died at a hospital.", "died", stages).event.date_value == "2024-03-05"


def test_a_distance_with_later_keeps_the_story_day(stages):
    # near miss: "a short time later" counts from the shooting, on its day
    reading = event(SHOT + "The gunman was arrested a short time later.", "arrested", stages)
    assert reading.event.date_value == "2024-03-05"


def test_later_places_only_the_verb_it_is_told_with(stages):
    # "fled and was later arrested": the flight is of the shooting's day, the arrest of some later one
    text = SHOT + "The gunman fled and was later arrested by deputies."
    assert event(text, "fled", stages).event.date_value == "2024-03-05"
    assert event(text, "arrested", stages).event.date_value is None

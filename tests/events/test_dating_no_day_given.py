"""Acts the text tells as done on a day it does not give: they take no day (hand-made sentences).

- A bare past participle of an act (no auxiliary, no subject of its own) hung on a noun or a clause
  names a done act to say who or what someone or something is: no report's day
  (dating.a_bare_past_participle, event_date._a_bare_past_participle).
- An act whose own verb takes a bare "later" (no distance, no time with it) came some unsaid time
  after the episode told: it borrows no day (dating.placed_vaguely_after, dating.yaml
  vaguely_before.after_adverbs)."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.model import Article
from dateline.nlp import parse
from dateline.pipeline import Stages, explain_article

# the date chain's rules, read without the learned report's-day model (tests/events/conftest.py)
pytestmark = pytest.mark.usefixtures("the_date_rules_alone")

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


def test_a_participle_on_a_noun_takes_no_report_day(stages):
    # the burglars were sentenced some day before the report; the sentence does not say which
    reading = event("Two burglars sentenced by a county judge will serve their terms in Salem, the sheriff said.",
                    "sentenced", stages)
    assert reading.event.date_value is None
    assert "a bare past participle -> none" in reading.date.rules


def test_the_same_act_told_by_a_main_clause_keeps_the_report_day(stages):
    # near miss: a finite simple past in the news of the day keeps the report's day
    reading = event("A county judge sentenced two burglars, the sheriff said.", "sentenced", stages)
    assert reading.event.date_value == "2024-03-08"


def test_a_participle_with_its_own_day_keeps_it(stages):
    # near miss: the participle's own time dates it
    reading = event("Two burglars sentenced on Tuesday by a county judge will serve their terms in Salem.",
                    "sentenced", stages)
    assert reading.event.date_value == "2024-03-05"


def test_a_bare_later_leaves_the_carried_day(stages):
    # the text says the clerk died after the shooting, not on which day
    reading = event(SHOT + "The clerk later died at a clinic.", "died", stages)
    assert reading.event.date_value is None
    assert "placed vaguely after -> none" in reading.date.rules


def test_without_later_the_story_day_carries(stages):
    # near miss: the next step of the same story, told with no adverb, stays on Tuesday
    assert event(SHOT + "The clerk died at a hospital.", "died", stages).event.date_value == "2024-03-05"


def test_a_distance_with_later_keeps_the_story_day(stages):
    # near miss: "a short time later" counts from the shooting, on its day
    reading = event(SHOT + "The gunman was detained a short time later.", "detained", stages)
    assert reading.event.date_value == "2024-03-05"


def test_later_places_only_the_verb_it_is_told_with(stages):
    # "fled and was later arrested": the flight is of the shooting's day, the arrest of some later one
    text = SHOT + "The gunman fled and was later arrested by deputies."
    assert event(text, "fled", stages).event.date_value == "2024-03-05"
    assert event(text, "arrested", stages).event.date_value is None

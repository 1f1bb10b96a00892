"""What a thing shows or calls for, a belief about how things stand, and a state a person is in under a
legal step told in the present tell no act and no one's saying (non_events.yaml: contents_of_things,
beliefs_about_states, legal_states; stop 51). Sentences written for these tests, read by the whole
event reader with the learned filter off, so that only the rules decide."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.model import Article
from dateline.nlp import parse
from dateline.pipeline import Stages, read_article


def _event_words(text: str) -> list[str]:
    records = read_article(Article(id="t", text=text, published=date(2024, 3, 8)), parse(text), Stages.load(),
                           learned_filter=False)
    return [e.trigger.text for e in records.events if e.trigger is not None]


@pytest.mark.parametrize("sentence,word", [
    ("The council vote showed how quickly the board can act.", "showed"),
    ("The county grant also called for buying three new ambulances.", "called"),
    ("Most voters believe the new tax is unfair.", "believe"),
    ("The mayor believes the new road is too narrow.", "believes"),
    ("The clerk is serving a sentence of two years in the state prison.", "sentence"),
    ("The baker is facing a felony theft charge.", "charge"),
    ("The guard is being held in the county jail.", "held"),
    ("Two men are held without bail in the city jail.", "held"),
])
def test_no_event_and_no_statement_at_the_word(sentence, word):
    assert word not in _event_words(sentence)


@pytest.mark.parametrize("sentence,word", [
    # a person's call and a person's showing are acts; a belief that something happened is left
    ("The mayor called for calm after the storm.", "called"),
    ("Two farm groups called for a ban on the new seed.", "called"),
    ("Police showed reporters a photo of the missing boy.", "showed"),
    ("The sheriff believes the two fires were set.", "believes"),
    # a sentence served, a term given, a jailing told in the past are acts
    ("The clerk served a sentence of two years in prison.", "sentence"),
    ("The guard was held in the county jail for a week.", "held"),
])
def test_the_event_stays_where_the_rule_does_not_hold(sentence, word):
    assert word in _event_words(sentence)

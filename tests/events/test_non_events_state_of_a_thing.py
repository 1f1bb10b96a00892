"""A past participle before a thing's noun tells the state the thing is in, no act
(non_events.yaml: participle_adjectives.past_tags); before a person's noun it tells what was done
to them. Sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.events import non_events
from tests.events.sentences import triggers_in, word_in


@pytest.mark.parametrize("sentence,word", [
    ("Crews used cranes to lift the damaged fence off the road.", "damaged"),
    ("The firm said it has handed over the requested papers to the court.", "requested"),
])
def test_a_past_participle_on_a_thing_is_its_state(sentence, word):
    assert non_events.is_a_state_of_a_thing(word_in(sentence, word))
    assert word not in triggers_in(sentence)


@pytest.mark.parametrize("sentence,word", [
    ("Hundreds of mourners followed the hearse of a murdered guard on Monday.", "murdered"),
    ("Divers found the bodies of the drowned sailors near the pier.", "drowned"),
    ("The fence was damaged by the storm on Monday.", "damaged"),
])
def test_a_participle_on_a_person_or_a_verb_of_its_own_stays(sentence, word):
    assert not non_events.is_a_state_of_a_thing(word_in(sentence, word))

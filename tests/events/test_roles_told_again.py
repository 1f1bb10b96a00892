"""The doer and target of an act named again by a definite event noun (events/told_parties.py),
on sentences written for these tests."""

from __future__ import annotations

from tests.helpers import events_of


def _at(text: str, word: str, nth: int = 0):
    return [e for e in events_of(text) if e.trigger.text == word][nth]


def test_a_definite_noun_naming_an_arrest_again_has_its_parties():
    text = "Deputies arrested Ann Cole on Monday. The arrest followed a tip from a neighbor."
    arrest = _at(text, "arrest")
    assert arrest.source_actor is not None and arrest.source_actor.text == "Deputies"
    assert arrest.target_actor is not None and arrest.target_actor.text == "Ann Cole"


def test_a_noun_made_from_the_verb_names_the_act_told_before():
    text = "State police investigated the county clerk for months. The investigation ended in March."
    investigation = _at(text, "investigation")
    assert investigation.source_actor is not None and investigation.source_actor.text == "State police"


def test_a_noun_said_for_the_first_time_and_other_kinds_take_nothing():
    # "an arrest": no act told before; a meeting or a fire named again is not given the parties of
    # the first telling (another meeting, the whole episode)
    text = "Deputies arrested Ann Cole on Monday. Police said an arrest in a second case came on Friday."
    assert _at(text, "arrest").source_actor is None
    text = "The board met with the mayor on Monday. The meeting took place at city hall."
    meeting = _at(text, "meeting")
    assert meeting.source_actor is None and meeting.target_actor is None
    text = "Two men were shot outside a bar on Friday. The shooting took place near midnight."
    assert _at(text, "shooting").target_actor is None

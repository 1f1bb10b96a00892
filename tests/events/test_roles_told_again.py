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


def _read(text: str):
    """Events read by the whole per-article pipeline (the days of the nouns need the time stage)."""
    from datetime import date

    from dateline.model import Article
    from dateline.nlp import parse
    from dateline.pipeline import Stages, read_article

    return read_article(Article(id="t", text=text, published=date(2024, 3, 8)), parse(text), Stages.load()).events


def _read_at(text: str, word: str):
    return next(e for e in _read(text) if e.trigger.text == word)


def test_a_definite_noun_of_another_act_in_a_round_up_takes_no_parties():
    # a round-up of incidents: "the Tuesday arrest of a Salem woman" is another arrest than
    # Sunday's arrest of Joe Pike (its own day, its own person): not the sergeant's
    text = ("Sgt. Tom Reed arrested Joe Pike, 24, at the bus station on Sunday. "
            "New details were released on the Tuesday arrest of a Salem woman on a theft charge.")
    arrest = _read_at(text, "arrest")
    assert arrest.source_actor is None
    assert arrest.target_actor is not None and arrest.target_actor.text == "Salem woman"
    # its own day alone, or its own person alone, says as much
    text = ("Sgt. Tom Reed arrested Joe Pike at the bus station on Sunday. "
            "New details were released on the Tuesday arrest.")
    assert _read_at(text, "arrest").source_actor is None
    text = ("Sgt. Tom Reed arrested Joe Pike at the bus station on Sunday. "
            "New details were released on the arrest of Mary Lowe.")
    assert _read_at(text, "arrest").source_actor is None


def test_a_definite_noun_with_the_same_day_and_person_still_names_the_act_again():
    text = ("Sgt. Tom Reed arrested Joe Pike at the bus station on Sunday. "
            "Details of Sunday's arrest of Pike were released later.")
    arrest = _read_at(text, "arrest")
    assert arrest.source_actor is not None and arrest.source_actor.text == "Tom Reed"


def test_an_agentless_passive_takes_the_doer_of_the_next_telling_by_the_verb():
    # the lead tells the arrest without its doer, the next sentence tells it again with the officer
    text = ("A Dover man was arrested Sunday night on a burglary warrant. "
            "John Marsh, 31, of Elm Street was arrested at his home by Officer Ann Reed.")
    first = _read(text)[0]
    assert first.trigger.text == "arrested" and first.source_actor is not None
    assert first.source_actor.text == "Ann Reed"


def test_an_agentless_passive_of_another_act_takes_no_doer():
    # two people described by two nouns, or two names on two days: two arrests
    text = ("A Dover man was arrested Sunday night on a burglary warrant. "
            "A Salem woman was arrested at the mall by Officer Ann Reed.")
    assert _read(text)[0].source_actor is None
    text = ("Officer Ann Reed arrested Mary Lowe at the mall on Friday. "
            "John Marsh was arrested on Sunday night on a burglary warrant.")
    assert _read(text)[1].source_actor is None

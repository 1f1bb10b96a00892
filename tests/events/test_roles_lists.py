"""Who undergoes an act told of a list of people the parser cut up, on sentences written for
these tests: an absolute "with" clause ("killed, with two drivers and a cook wounded": the
words after "with" are the participle's own subject, not an object of the main verb), and a list
whose second member the parser took for an apposition to the first ("there were six nurses, a
porter and two cooks hurt")."""

from __future__ import annotations

from tests.events.test_roles import read_event_at, text_of


def _targets(event) -> list[str]:
    return [text_of(event.target_actor) or ""] + [a.text for a in event.other_actors if a.role == "target"]


def test_the_words_after_with_undergo_the_participle():
    # the guards were killed; the drivers and the cook were wounded
    wounded = read_event_at("Nine guards were killed with two drivers and a cook wounded.", "wounded")
    targets = _targets(wounded)
    assert any("drivers" in t for t in targets) and any("cook" in t for t in targets)
    assert not any("guards" in t for t in targets)
    assert wounded.source_actor is None


def test_a_with_phrase_of_a_thing_is_no_one_wounded():
    # "with a rock": what he was hit with, no one who was hurt
    injured = read_event_at("The guard was hit with a rock and injured.", "injured")
    assert "rock" not in (text_of(injured.target_actor) or "")


def test_every_member_of_a_list_taken_for_an_apposition_is_hurt():
    # "girls, an 80-year-old man and three boys": one list, not a noun and its apposition
    injured = read_event_at("There were five girls, an 80-year-old man and three boys injured.", "injured")
    targets = _targets(injured)
    assert any("girls" in t for t in targets)
    assert any("man" in t for t in targets) and any("boys" in t for t in targets)


def test_an_apposition_with_no_list_after_it_is_one_person():
    # "one man, a farmer from the valley": the farmer is the man, not a second victim
    injured = read_event_at("There was one man, a farmer from the valley, injured.", "injured")
    assert not any("farmer" in t for t in _targets(injured)[1:])


# --- who is responsible for an event noun did it (event_types.yaml: responsibility_claims.adjectives)


def test_one_thought_responsible_for_a_bombing_is_its_doer_not_its_target():
    text = "Officials gave few details. Police are looking for a woman thought to have been responsible for the Sunday bombing."
    bombing = read_event_at(text, "bombing")
    assert "woman" in (text_of(bombing.source_actor) or "")
    assert "woman" not in (text_of(bombing.target_actor) or "")


def test_one_arrested_as_responsible_for_a_shooting_is_its_doer():
    text = "Officials gave few details. Detectives arrested a teenager thought to be responsible for the shooting."
    shooting = read_event_at(text, "shooting")
    assert "teenager" in (text_of(shooting.source_actor) or "")
    assert shooting.target_actor is None

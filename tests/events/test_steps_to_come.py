"""A step still to come is no event yet, however firm its day (docs/judging.md, "Charges, plans and
scheduled steps"): each construction of non_events.yaml's steps_not_yet_done, on sentences
written for it; each test fails with its rule blanked; and the loader of that table's typed object."""

from __future__ import annotations

import pytest

from dateline.events import non_events
from tests.events.sentences import word_in


@pytest.mark.parametrize("text,word", [
    ("The harbour board will vote on the new tariff next Tuesday.", "vote"),
    ("A hearing on the landfill will be held at the library on June 3.", "hearing"),  # the subject of a future
    ("The parish council will hold a hearing on the quarry in May.", "hearing"),  # the object of a future
    ("The ferry company will buy two boats and hire a captain in the spring.", "hire"),  # a bare verb joined
])
def test_an_act_told_in_the_future(text, word):
    assert non_events.is_told_in_the_future(word_in(text, word))
    assert non_events.reports_no_event(word_in(text, word))


@pytest.mark.parametrize("text,word", [
    ("Town officials have scheduled three hearings on the quarry for next month.", "hearings"),
    ("Talks between the two unions were scheduled for Thursday.", "Talks"),
    ("The county board set a second hearing on the quarry for Friday.", "hearing"),
])
def test_an_event_a_verb_of_setting_takes(text, word):
    assert non_events.is_a_step_set(word_in(text, word))
    assert non_events.reports_no_event(word_in(text, word))


@pytest.mark.parametrize("text,word", [
    ("Police closed the square ahead of a planned march by farmers.", "march"),
    ("The clerk reminded the board of its upcoming hearings on the budget.", "hearings"),
])
def test_an_event_marked_as_still_to_come(text, word):
    assert non_events.is_marked_still_to_come(word_in(text, word))
    assert non_events.reports_no_event(word_in(text, word))


@pytest.mark.parametrize("text,word", [
    ("The old bridge was closed in May. The trial of the two guards resumes Tuesday in the county court.", "trial"),
    ("The old bridge was closed in May. A second hearing takes place at 9 a.m. Friday at the town hall.", "hearing"),
])
def test_an_event_dated_in_the_plain_present(text, word):
    assert non_events.is_set_in_a_dated_present(word_in(text, word))
    assert non_events.reports_no_event(word_in(text, word))


def test_a_step_scheduled_for_a_time_of_its_own():
    word = word_in("The new ferry is set to leave the harbour at dawn on Sunday.", "leave")
    assert non_events.is_not_yet(word) and non_events.reports_no_event(word)


@pytest.mark.parametrize("text,word", [
    ("The trial of the two guards resumed on Tuesday in the county court.", "trial"),  # told as done
    ("The hearing that was scheduled for May took place on Monday.", "hearing"),  # held, as it was set
    ("Officers arrested the man on Monday, and he will be charged, police said.", "arrested"),
    ("The old bridge was closed in May. The two guards went on trial in the county court on Tuesday.", "trial"),
    ("The magistrate set bail at five thousand dollars.", "bail"),  # bail set is no step to come
    ("A truck hit a mine, which set off a blast near the ford.", "blast"),
])
def test_a_step_told_as_done_is_left(text, word):
    assert not non_events.is_a_step_still_to_come(word_in(text, word))


def test_a_deliberation_a_thing_is_handed_on_for():
    word = word_in("The draft budget was sent to the finance committee for review.", "review")
    assert non_events.is_a_step_still_to_come(word) and non_events.reports_no_event(word)


def test_the_table_is_read_into_a_typed_object():
    steps = non_events.steps_not_yet_done()
    assert "will" in steps.told_in_the_future.auxiliaries and "nsubjpass" in steps.told_in_the_future.noun_links
    assert "schedule" in steps.set.verbs and "set" in steps.set.participles_with_an_infinitive
    assert "upcoming" in steps.marked_to_come.words and "discussion" in steps.handed_on_for.words


def test_the_loader_lowers_words_and_keeps_parser_labels():
    read = non_events._read_block(non_events.FutureTelling, {"auxiliaries": ["WILL"], "noun_links": ["nsubjPass"]}, "t")
    assert read.auxiliaries == frozenset({"will"}) and read.noun_links == frozenset({"nsubjPass"})


@pytest.mark.parametrize("raw", [
    {"auxiliaries": ["will"]},  # a key missing
    {"auxiliaries": ["will"], "noun_links": ["dobj"], "modifiers": ["next"]},  # a key unknown
    {"auxiliaries": "will", "noun_links": ["dobj"]},  # not a list
    ["will"],  # not a block
])
def test_the_loader_refuses_a_block_that_does_not_match(raw):
    with pytest.raises(non_events.TableError):
        non_events._read_block(non_events.FutureTelling, raw, "steps_not_yet_done.told_in_the_future")


def test_the_loader_names_the_nested_block_at_fault():
    raw = {**non_events._raw_table()["steps_not_yet_done"], "set": {"verbs": []}}  # two keys of "set" missing
    with pytest.raises(non_events.TableError, match=r"steps_not_yet_done\.set"):
        non_events._read_block(non_events.StepsNotYetDone, raw, "steps_not_yet_done")


def test_every_block_of_the_table_is_read_typed():
    raw = {**non_events._raw_table(), "obligations": {**non_events._raw_table()["obligations"], "modalz": []}}
    with pytest.raises(non_events.TableError, match=r"non_events\.obligations"):
        non_events._read_block(non_events.NonEventsTable, raw, "non_events")
    missing = {k: v for k, v in non_events._raw_table().items() if k != "near_misses"}
    with pytest.raises(non_events.TableError, match=r"near_misses"):
        non_events._read_block(non_events.NonEventsTable, missing, "non_events")
    bad_reach = {**non_events._raw_table(), "yes_no_questions": {"reach": "six"}}
    with pytest.raises(non_events.TableError, match=r"yes_no_questions\.reach"):
        non_events._read_block(non_events.NonEventsTable, bad_reach, "non_events")
    assert non_events.typed_table().standing_duties["responsible"] == "for"
    assert non_events.typed_table().steps_not_yet_done is non_events.steps_not_yet_done()


def test_a_block_of_one_list_is_read_as_a_words_block():
    table = non_events.typed_table()
    assert table.likelihoods == non_events.WordsBlock("adjectives", table.likelihoods.words) and "unlikely" in table.likelihoods.words
    assert non_events.steps_not_yet_done().dated_present.words == frozenset({"nsubj", "dobj"})  # parser labels, as written
    for wrong in ({"adjectivez": ["likely"]}, {"adjectives": ["likely"], "adverbs": []}, {"adjectives": "likely"}, ["likely"]):
        raw = {**non_events._raw_table(), "likelihoods": wrong}
        with pytest.raises(non_events.TableError, match=r"non_events\.likelihoods"):
            non_events._read_block(non_events.NonEventsTable, raw, "non_events")

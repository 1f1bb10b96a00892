"""The story's main act told with a verb no cue lists (events/lead_acts.yaml), on sentences
written for these tests."""

from __future__ import annotations

import pytest

from dateline.events.lead_acts import table
from tests.helpers import events_of


def lead_acts(text: str) -> list[str]:
    return [e.trigger.text for e in events_of(text) if e.type == table()["type"]]


def test_the_tables_example_gives_the_lead_act():
    assert lead_acts(table()["example"]) == ["handed out"]


@pytest.mark.parametrize("text", table()["counter_examples"])
def test_the_tables_counter_examples_give_none(text):
    assert lead_acts(text) == []


def test_a_prize_won_in_the_present_perfect_is_the_storys_event():
    assert lead_acts("A retired nurse has scooped the county's top volunteering prize.") == ["scooped"]


def test_a_passive_find_is_the_storys_event():
    assert lead_acts("A stolen bicycle was discovered early Friday behind the bakery on Elm Street.") == ["discovered"]


def test_the_lead_act_keeps_the_quotes_that_follow():
    found = [e.type for e in events_of(
        "The rotary club handed out dictionaries to every third-grader on Tuesday. Teachers said the pupils loved them.")]
    assert found == [table()["type"], "STATEMENT"]


def test_only_the_lead_tells_the_storys_act():
    # the same construction later in the story is background, not the main event
    assert lead_acts("The bakery is busy on weekends. The rotary club handed out dictionaries on Tuesday.") == []


def test_a_denied_or_expletive_lead_gives_no_act():
    assert lead_acts("The rotary club did not hand out dictionaries this year.") == []
    assert lead_acts("It began as a quiet afternoon at the library.") == []


def test_a_lead_a_cue_already_names_gets_no_second_event():
    types = [e.type for e in events_of("Police arrested a man who painted slogans on the bridge on Sunday.")]
    assert table()["type"] not in types

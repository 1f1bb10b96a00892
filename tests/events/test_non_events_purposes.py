"""What an act is for, what someone is kept from, and a participle clause of an act not done
(issue 11, stop 47): each rule on sentences written for it, a construction that tells no act (it
fires) and a near miss that tells one (it does not)."""

from __future__ import annotations

import pytest

from dateline.events import non_events
from tests.events.sentences import word_in


# docs/judging.md: a plan or a purpose is no event ("funds to repair the bridge")
@pytest.mark.parametrize("text,word", [
    ("The baker sold his van in order to pay the rent on the shop.", "pay"),
    ("The twins took night shifts in order to help feed their mother.", "feed"),
    ("The tenants moved north so as to find work in the mills.", "find"),
    ("The growers cut their prices in an effort to draw buyers from the city.", "draw"),
    ("The farmer bought a second rifle with the intent of robbing the bank.", "robbing"),
    ("The neighbours locked the gate to keep the goats from straying onto the road.", "straying"),
    ("A fence was built to stop the cattle from crossing the creek.", "crossing"),
    ("The gang set fire to the barn in order to kill the guard.", "kill"),
    ("The sheriff locked the gate to stop the crowd from attacking the jail.", "attacking"),
])
def test_a_purpose_or_a_prevented_act_is_no_event(text, word):
    assert non_events.is_a_purpose_or_a_prevented_act(word_in(text, word))
    assert non_events.reports_no_event(word_in(text, word))


@pytest.mark.parametrize("text,word", [
    ("The two mayors met on Monday to discuss the water supply.", "discuss"),  # no phrase of purpose
    ("The two men returned from fishing on the lake on Monday.", "fishing"),  # "from" on no verb of keeping
    ("The order to close the road was given on Monday.", "close"),  # an order, no "in order"
])
def test_an_act_with_no_phrase_of_purpose_stays(text, word):
    assert not non_events.is_a_purpose_or_a_prevented_act(word_in(text, word))


@pytest.mark.parametrize("text,word", [
    ("The ferry will dock at noon on Friday, bringing the first tourists of the year.", "bringing"),
    ("The monks have always kept apart from the feud, refusing to take sides.", "refusing"),
    ("The posse will ride out at dawn, arresting every man in the gang.", "arresting"),
])
def test_a_participle_of_an_act_not_done_is_no_event(text, word):
    assert non_events.is_a_participle_of_an_act_not_done(word_in(text, word))
    assert non_events.reports_no_event(word_in(text, word))


@pytest.mark.parametrize("text,word", [
    ("The ferry docked at noon on Friday, bringing the first tourists of the year.", "bringing"),  # done
    ("The gunman fled on foot, leaving the car in the lane.", "leaving"),  # done
    ("The posse rode out at dawn, arresting every man in the gang.", "arresting"),  # done
])
def test_a_participle_of_an_act_done_stays(text, word):
    assert not non_events.is_a_participle_of_an_act_not_done(word_in(text, word))


# what a law or a custom holds is its content, as what a bill or a plan holds (non_events.yaml plan_nouns)
@pytest.mark.parametrize("text,word", [
    ("Although the state legislation calls for a ban on fireworks, the county sells them.", "calls"),
    ("Custom calls for the eldest son to host the feast.", "calls"),
])
def test_what_a_law_or_a_custom_holds_is_no_event(text, word):
    assert non_events.is_proposed(word_in(text, word))


def test_a_law_passed_stays():
    assert not non_events.reports_no_event(word_in("The state passed a law on Monday that bans fireworks.", "passed"))

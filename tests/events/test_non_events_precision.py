"""Non-events of stop 38 (issue 11): each rule on sentences written for it, a construction that
tells no act (it fires) and a near miss that tells one (it does not); each test fails with its rule
blanked."""

from __future__ import annotations

import pytest

from dateline.events import non_events
from tests.events.sentences import word_in


# the purpose of an act that is itself no event is not done either
@pytest.mark.parametrize("text,word", [
    ("The candidate said he would go from farm to farm to listen to the growers.", "listen"),  # a reported future
    ("The board set an emergency meeting for 10 a.m. Monday at city hall to review the lease.",
     "review"),  # the purpose of a meeting set
    ("The council scheduled a hearing for Tuesday to discuss the budget.", "discuss"),  # on the noun of a step set
])
def test_the_purpose_of_an_act_not_done(text, word):
    assert non_events.is_not_yet(word_in(text, word))
    assert non_events.reports_no_event(word_in(text, word))


@pytest.mark.parametrize("text,word", [
    ("The candidate went from farm to farm on Monday to listen to the growers.", "listen"),
    ("The board held a special meeting on Friday at the town hall to review the contract.", "review"),
    ("The council held a hearing on Tuesday to discuss the budget.", "discuss"),
])
def test_the_purpose_of_an_act_done_is_left_to_the_other_rules(text, word):
    assert not non_events._the_purpose_of_an_act_not_done(word_in(text, word))


@pytest.mark.parametrize("text,word", [
    ("After the final whistle, hundreds of fans flooded the pitch at the stadium.", "flooded"),
    ("Angry calls flooded the switchboard of the town hall on Monday.", "flooded"),
    ("The grant money is flying into the coffers of the small towns.", "flying"),
])
def test_figures_of_speech_of_a_crowd_or_of_money(text, word):
    assert non_events.is_a_figure_of_speech(word_in(text, word))


@pytest.mark.parametrize("text,word", [
    ("Heavy rain flooded the cellars of the old mill on Monday.", "flooded"),  # water: a flood
    ("The two pilots were flying into the storm when the radio failed.", "flying"),  # a flight
])
def test_the_literal_flood_and_flight_stay(text, word):
    assert not non_events.is_a_figure_of_speech(word_in(text, word))


@pytest.mark.parametrize("text,word", [
    ("The bus slid off the road, but no one was injured.", "injured"),
    ("Nobody was arrested after the brawl at the fair.", "arrested"),
    ("No shots were fired during the standoff at the farm.", "fired"),
    ("The army denied the deployment of tanks near the border.", "deployment"),
])
def test_an_act_done_by_no_one_or_denied(text, word):
    assert non_events.is_a_denied_act(word_in(text, word))


@pytest.mark.parametrize("text,word", [
    ("The bus slid off the road, and two people were injured.", "injured"),
    ("The army confirmed the deployment of tanks near the border.", "deployment"),
    ("The clerk denied the charges of fraud in court on Monday.", "charges"),  # charges brought
])
def test_an_act_told_or_a_charge_denied_stays(text, word):
    assert not non_events.is_a_denied_act(word_in(text, word))


@pytest.mark.parametrize("text,word", [
    ("The mill closed in May. Both unions support the new contract, their leaders said.", "support"),
    ("The mill closed in May. She said she opposes the new quarry near the river.", "opposes"),
])
def test_a_position_held_in_the_present(text, word):
    assert non_events.is_a_position_held(word_in(text, word))
    assert non_events.reports_no_event(word_in(text, word))


@pytest.mark.parametrize("text,word", [
    ("The mill closed in May. Both unions supported the new contract at the meeting.", "supported"),  # a past act
    ("The mill closed in May. The council supports the fund with a grant on Monday.", "supports"),  # a day of its own
])
def test_a_stance_taken_as_an_act_stays(text, word):
    assert not non_events.is_a_position_held(word_in(text, word))


@pytest.mark.parametrize("text,word", [
    ("The families joined a lawsuit pending in the county court.", "lawsuit"),
    ("The merger, subject to a vote of the shareholders, would close this summer.", "merger"),
])
def test_an_event_awaiting_a_step(text, word):
    assert non_events.is_awaiting_a_step(word_in(text, word))
    assert non_events.is_a_step_still_to_come(word_in(text, word))


@pytest.mark.parametrize("text,word", [
    ("The families filed a lawsuit in the county court on Monday.", "lawsuit"),
    ("The two men were held in custody pending an investigation.", "investigation"),  # the inquiry awaited
])
def test_an_event_awaiting_nothing_stays(text, word):
    assert not non_events.is_awaiting_a_step(word_in(text, word))


@pytest.mark.parametrize("text,word", [
    ("The council hopes to fill the empty seat at its April meeting, the clerk said.", "meeting"),
    ("The mayor suggested that members be ready to decide the matter at the May meeting.", "meeting"),
])
def test_the_occasion_of_an_act_not_done(text, word):
    assert non_events.is_the_occasion_of_an_act_not_done(word_in(text, word))
    assert non_events.is_a_step_still_to_come(word_in(text, word))


@pytest.mark.parametrize("text,word", [
    ("The council filled the empty seat at its April meeting, the clerk said.", "meeting"),
    ("The mayor spoke about the budget at the May meeting.", "meeting"),
])
def test_the_occasion_of_an_act_done_stays(text, word):
    assert not non_events.is_the_occasion_of_an_act_not_done(word_in(text, word))

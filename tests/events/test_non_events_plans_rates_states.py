"""Plans told in the past, acts at a rate, examples of a kind, states that remain, steps set to
come (issue 11, stop 39): each rule on sentences written for it, a construction that tells no
act (it fires) and a near miss that tells one (it does not)."""

from __future__ import annotations

import pytest

from dateline.events import non_events
from tests.events.sentences import word_in


# docs/judging.md: a plan is no event however it is told, in the past as in the present
@pytest.mark.parametrize("text,word", [
    ("The widow told friends she planned to sell the farm after the harvest.", "sell"),
    ("The bakery had intended to reopen its second shop in April.", "reopen"),
    ("The club was planning to put up a stand behind the north goal.", "put"),
    ("The twins wanted to swim across the lake last summer.", "swim"),
])
def test_a_plan_told_in_the_past_is_no_event(text, word):
    assert non_events.reports_no_event(word_in(text, word))


@pytest.mark.parametrize("text,word", [
    ("The widow told friends she sold the farm after the harvest.", "sold"),  # the act itself
    ("Two brothers planned the burglary of the pawn shop in May.", "burglary"),  # no infinitive
    ("The bakery tried to reopen its second shop in April.", "reopen"),  # an attempt, done
])
def test_an_act_done_or_planned_without_an_infinitive_stays(text, word):
    assert not non_events.reports_no_event(word_in(text, word))


# docs/judging.md: "the clinic treats 200 patients a week" is a habit, no one event
@pytest.mark.parametrize("text,word", [
    ("Floods kill hundreds of people a year in the delta.", "kill"),
    ("The coast guard logs nearly three rescues each day in the summer.", "rescues"),
    ("Officials said that is down from about six rescues a day.", "rescues"),
    ("Tenants may bring old paint to the depot on the first Friday of every month.", "bring"),
    ("The flea market runs year round in the old mill.", "runs"),
])
def test_an_act_counted_at_a_rate_is_no_event(text, word):
    assert non_events.is_told_at_a_rate(word_in(text, word))
    assert non_events.reports_no_event(word_in(text, word))


@pytest.mark.parametrize("text,word", [
    ("The man was arrested a year ago in Ohio.", "arrested"),  # a span back to one act
    ("The lawyers filed the motion a day before the hearing began.", "hearing"),
    ("The pilot met the mayor for a few minutes on Monday.", "met"),  # a stretch measured
    ("The depot was robbed on the second Friday of May.", "robbed"),  # one day named
])
def test_an_act_placed_by_a_unit_of_time_stays(text, word):
    assert not non_events.is_told_at_a_rate(word_in(text, word))


@pytest.mark.parametrize("text,word", [
    ("The club runs village fairs with events such as parades, dances and auctions.", "auctions"),
    ("The volunteers help at all kinds of shows and meetings.", "meetings"),
    ("Unions staged rallies like marches and pickets across the region.", "marches"),
])
def test_an_example_of_a_kind_is_no_event(text, word):
    assert non_events.is_an_example_of_a_kind(word_in(text, word))
    assert non_events.reports_no_event(word_in(text, word))


@pytest.mark.parametrize("text,word", [
    ("The town held events such as the May parade and a dance.", "parade"),  # one parade, named
    ("He sold all kinds of tools after the meeting on Monday.", "meeting"),  # no example
    ("The volunteers attended two meetings and a march in May.", "march"),
])
def test_an_event_named_for_itself_stays(text, word):
    assert not non_events.is_an_example_of_a_kind(word_in(text, word))


# docs/judging.md: a standing state (held in jail, on bail) is no event
@pytest.mark.parametrize("text,word", [
    ("The cyclist remains hospitalized with head injuries, police said.", "hospitalized"),
    ("The two men remain jailed in the county lockup.", "jailed"),
    ("The doctor said he may have to stay hospitalized for a week.", "hospitalized"),
])
def test_a_state_that_remains_is_no_event(text, word):
    assert non_events.is_a_state_that_remains(word_in(text, word))
    assert non_events.reports_no_event(word_in(text, word))


@pytest.mark.parametrize("text,word", [
    ("The cyclist was hospitalized with head injuries, police said.", "hospitalized"),  # the act
    ("The driver remained hospitalized Sunday, a nurse said.", "hospitalized"),  # a day of its own
    ("The two men were jailed in the county lockup.", "jailed"),
])
def test_an_act_that_begins_a_state_stays(text, word):
    assert not non_events.is_a_state_that_remains(word_in(text, word))


# docs/judging.md: a step still to come is no event; "set to" with an infinitive tells one, and the
# word "set" there is no act of setting
@pytest.mark.parametrize("text,word", [
    ("The parking fee is set to double in May.", "set"),
    ("Another Dayton firm set to open a second plant is Acme Tools.", "set"),  # tagged as a past
    ("Another Dayton firm set to open a second plant is Acme Tools.", "open"),
])
def test_a_step_set_to_come_is_no_event(text, word):
    assert non_events.reports_no_event(word_in(text, word))


@pytest.mark.parametrize("text,word", [
    ("The judge set a hearing for May 4.", "set"),  # the setting is an act
    ("Volunteers set out to find the missing boy.", "find"),  # a particle: they set out
])
def test_setting_a_step_or_setting_out_stays(text, word):
    assert not non_events.is_the_word_that_sets_a_step(word_in(text, word))
    assert not non_events.reports_no_event(word_in(text, word))


def test_a_stretch_after_a_preposition_is_no_rate():
    # the parser may hang "an hour" on the next verb; "for" before it makes it a stretch
    text = "A teacher who was trapped in her car for an hour suffered minor injuries."
    assert not non_events.is_told_at_a_rate(word_in(text, "injuries"))

"""What would, may or is to happen, what is proposed, and what happens as a rule, is no event told
(non_events.yaml: likelihoods, hypotheses, frequency adverbs, steps_not_yet_done.proposed and be_to,
purposes of acts not done, wanted gerunds; stop 40, issue 11): each rule on sentences written for it,
a construction that tells no act (the rule fires) and a near miss that tells one (it does not); each
test fails with its rule blanked."""

from __future__ import annotations

import pytest

from dateline.events import non_events
from tests.events.sentences import word_in


# an event noun after "for" on a verb that is itself no event: what that act would be for
@pytest.mark.parametrize("text,word", [
    ("Every dollar of the grant will be used for the repair of the old bridge.", "repair"),  # told in the future
    ("The old hall may open for dances again next summer.", "dances"),  # a possibility
    ("The county will pay for the repair of the old bridge.", "repair"),
])
def test_what_an_act_not_done_is_for(text, word):
    assert non_events.is_the_purpose_of_an_act_not_done(word_in(text, word))
    assert non_events.reports_no_event(word_in(text, word))


@pytest.mark.parametrize("text,word", [
    ("The county paid for the repair of the old bridge last year.", "repair"),  # paid: done
    ("The old hall opened for dances on Friday night.", "dances"),
])
def test_what_an_act_done_was_for_is_left(text, word):
    assert not non_events.is_the_purpose_of_an_act_not_done(word_in(text, word))


# the infinitive on an adjective of likelihood or of fitness
@pytest.mark.parametrize("text,word", [
    ("Teenage cyclists seem more likely to be fined or hurt on the trail.", "hurt"),
    ("Teenage cyclists seem more likely to be fined or hurt on the trail.", "fined"),
    ("The farmer was found incompetent to stand trial last month.", "trial"),
    ("Officials said the two towns are unlikely to merge before 2030.", "merge"),
])
def test_what_is_likely_or_what_one_is_unfit_to_undergo(text, word):
    assert non_events.is_under_a_likelihood(word_in(text, word))


@pytest.mark.parametrize("text,word", [
    ("The rider was likely injured on the trail, police said.", "injured"),  # an adverb
    ("The farmer stood trial last month in the county court.", "trial"),
    ("The farmer was found guilty after a short trial last month.", "trial"),
])
def test_an_adverb_of_likelihood_or_a_trial_held_is_left(text, word):
    assert not non_events.is_under_a_likelihood(word_in(text, word))


# a gerund after "of" or "about" on a word of thinking or of inquiring
@pytest.mark.parametrize("text,word", [
    ("The mayor was thinking of selling the old depot.", "selling"),
    ("The farmer had several inquiries about selling his orchard.", "selling"),
])
def test_what_is_thought_of_or_asked_about(text, word):
    assert non_events.is_a_wanted_gerund(word_in(text, word))


@pytest.mark.parametrize("text,word", [
    ("The mayor was proud of selling the old depot to the county.", "selling"),
    ("The farmer was fined for selling his orchard's apples without a permit.", "selling"),
])
def test_a_gerund_on_another_word_is_left(text, word):
    assert not non_events.is_a_wanted_gerund(word_in(text, word))


# an adverb of frequency on the verb: what happens as a rule
@pytest.mark.parametrize("text,word", [
    ("Flights between the two islands were rarely filled last winter.", "Flights"),  # the subject
    ("Jurors are often dismissed early in a long trial.", "trial"),  # the occasion after "in"
    ("The old ferry often crossed the bay at dawn in those years.", "crossed"),  # the verb
])
def test_what_happens_as_a_rule(text, word):
    assert non_events.is_a_habit_told_by_an_adverb(word_in(text, word))


@pytest.mark.parametrize("text,word", [
    ("The two flights between the islands were filled last winter.", "flights"),
    ("Two jurors were dismissed early in the long trial.", "trial"),
    ("The old ferry crossed the bay at dawn on Friday.", "crossed"),
    ("The pair often spoke about the robbery after the trial.", "robbery"),  # a noun after "about": the robbery happened
])
def test_one_act_is_left(text, word):
    assert not non_events.is_a_habit_told_by_an_adverb(word_in(text, word))


# an event noun a verb of proposing or pressing for takes: a step still to come, if ever
@pytest.mark.parametrize("text,word", [
    ("The mayor proposed a summit of the three towns to discuss the water supply.", "summit"),
    ("Church leaders are pushing urgent talks between the two clans.", "talks"),
    ("A merger of the two clinics was proposed by the board.", "merger"),  # the passive's subject
])
def test_a_step_proposed(text, word):
    assert non_events.is_a_step_proposed(word_in(text, word))
    assert non_events.is_a_step_still_to_come(word_in(text, word))


def test_the_purpose_of_a_step_proposed_is_not_done():
    assert non_events.is_not_yet(word_in("The mayor proposed a summit of the three towns to discuss the water supply.", "discuss"))


@pytest.mark.parametrize("text,word", [
    ("The mayor held a summit of the three towns to discuss the water supply.", "summit"),
    ("Church leaders held urgent talks between the two clans on Monday.", "talks"),
    ("The mayor's proposal followed a summit of the three towns.", "summit"),
])
def test_a_step_held_is_left(text, word):
    assert not non_events.is_a_step_proposed(word_in(text, word))


# "would" with no "have": what would happen; the event noun a verb of holding takes under it
@pytest.mark.parametrize("text,word", [
    ("A guard would be fired for that, the warden's deputy said.", "fired"),
    ("In May the mayor said he would hold a news conference at the depot.", "conference"),
])
def test_what_would_happen(text, word):
    assert non_events.is_a_hypothesis(word_in(text, word))


@pytest.mark.parametrize("text,word", [
    ("The rebels took the town in May and would later attack the capital.", "attack"),  # the future of a past
    ("In May the mayor held a news conference at the depot.", "conference"),
    ("The widow said she would never forget the raid on the farm.", "raid"),  # not a verb of holding
])
def test_what_happened_is_left(text, word):
    assert not non_events.is_a_hypothesis(word_in(text, word))

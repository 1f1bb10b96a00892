"""Standing requests and words of a name (issue 11, stop 43): each rule on sentences written for
it, a construction that tells no act (it fires) and a near miss that tells one (it does not)."""

from __future__ import annotations

import pytest

from dateline.events import non_events
from tests.events.sentences import word_in


# docs/judging.md: a suggestion or a standing request is no act done, nor what it asks for
@pytest.mark.parametrize("text,word", [
    ("Volunteers are asked to help repair the fence.", "repair"),
    ("Donations are requested for the shelter.", "requested"),
    ("Residents are urged to attend the meeting.", "meeting"),
    ("Riders are required to wear helmets on the canal path.", "required"),
])
def test_a_standing_request_in_the_present_passive_is_no_event(text, word):
    assert non_events.reports_no_event(word_in(text, word))


@pytest.mark.parametrize("text,word", [
    ("Volunteers were asked to help repair the fence on Saturday.", "repair"),  # the past: an act done
    ("The tenants have been asked to leave the building, the landlord said.", "leave"),  # its own auxiliary
    ("The club says donations were requested for the shelter.", "says"),  # a present of saying
    ("The mayor asked residents on Monday to conserve water.", "asked"),  # an active request, done
])
def test_a_request_done_stays(text, word):
    assert not non_events.reports_no_event(word_in(text, word))

# docs/judging.md: a word inside a name tells no act
@pytest.mark.parametrize("text,word", [
    ("The pair were found hiding in a shed in Hurricane on Monday.", "Hurricane"),
    ("The shelter won a grant from the Program of Disaster Assistance last year.", "Assistance"),
])
def test_an_event_word_written_as_a_name_mid_sentence_is_no_event(text, word):
    assert non_events.reports_no_event(word_in(text, word))


@pytest.mark.parametrize("text,word", [
    ("The shelter gave assistance to 40 families after the fire last year.", "assistance"),  # lower case
    ("Hurricane Ida flooded the camp beside the creek, a deputy said.", "Hurricane"),  # a title word before a name
    ("Fire Destroys Barn Near Old Mill On Tuesday Night", "Destroys"),  # a headline in capitals
])
def test_a_happening_or_a_headline_word_is_not_a_name(text, word):
    assert not non_events.is_a_word_of_a_name(word_in(text, word))

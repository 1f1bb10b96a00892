"""Acts told as not done (non_events.yaml: denied_acts): a negated passive ("were not arrested",
"had never been charged", "the barn wasn't damaged"; not "was not arrested until the next day"), and
an event under a negative word ("no word of a shooting", "no shops looted", "no arrests"). Sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.events import non_events
from tests.events.sentences import triggers_in, word_in


@pytest.mark.parametrize("sentence,word", [
    ("Two other men in the van were not arrested, the chief said.", "arrested"),
    ("The cook told the court her brother had never been charged with a crime.", "charged"),
    ("The old barn wasn't badly damaged, and the horses were led out.", "damaged"),
    ("\"He's not hurt, but he is shaken,\" the ranger said of the climber.", "hurt"),
])
def test_a_negated_passive_tells_a_step_not_taken(sentence, word):
    assert non_events.is_a_denied_act(word_in(sentence, word))
    assert word not in triggers_in(sentence)


@pytest.mark.parametrize("sentence,word", [
    ("Two other men in the van were arrested, the chief said.", "arrested"),  # not negated
    ("The driver was not arrested until the crash report came back.", "arrested"),  # done, then
    ("The bridge was not reopened until the floods ended in May.", "reopened"),
])
def test_a_passive_told_done_stays(sentence, word):
    assert not non_events.is_a_denied_act(word_in(sentence, word))
    assert word in triggers_in(sentence)


@pytest.mark.parametrize("sentence,word", [
    ("The deputy said the log held no word of a shooting at the mill.", "shooting"),
    ("There were no shops looted on the main street, the sheriff said.", "looted"),
    ("There were no arrests at the rally on Monday.", "arrests"),
])
def test_an_act_under_a_negative_word_is_not_told(sentence, word):
    assert non_events.is_a_denied_act(word_in(sentence, word))
    assert word not in triggers_in(sentence)


@pytest.mark.parametrize("sentence,word", [
    ("The deputy said there was mention of a shooting at the mill.", "shooting"),
    ("There were two shops looted on the main street, the sheriff said.", "looted"),
    ("There were arrests at the rally on Monday.", "arrests"),
])
def test_the_same_acts_told_stay(sentence, word):
    assert not non_events.is_a_denied_act(word_in(sentence, word))
    assert word in triggers_in(sentence)

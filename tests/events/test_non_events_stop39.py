"""Non-events of stop 39 (issue 11): each rule on sentences written for it, a construction that
tells no act (it fires) and a near miss that tells one (it does not)."""

from __future__ import annotations

import pytest

from dateline.events import non_events
from dateline.nlp import parse


def _word(text: str, word: str):
    return next(t for t in parse(text) if t.text == word)


# docs/judging.md: a plan is no event however it is told, in the past as in the present
@pytest.mark.parametrize("text,word", [
    ("The widow told friends she planned to sell the farm after the harvest.", "sell"),
    ("The bakery had intended to reopen its second shop in April.", "reopen"),
    ("The club was planning to build a new stand behind the north goal.", "build"),
    ("The twins wanted to swim across the lake last summer.", "swim"),
])
def test_a_plan_told_in_the_past_is_no_event(text, word):
    assert non_events.reports_no_event(_word(text, word))


@pytest.mark.parametrize("text,word", [
    ("The widow told friends she sold the farm after the harvest.", "sold"),  # the act itself
    ("Two brothers planned the burglary of the pawn shop in May.", "burglary"),  # no infinitive
    ("The bakery tried to reopen its second shop in April.", "reopen"),  # an attempt, done
])
def test_an_act_done_or_planned_without_an_infinitive_stays(text, word):
    assert not non_events.reports_no_event(_word(text, word))

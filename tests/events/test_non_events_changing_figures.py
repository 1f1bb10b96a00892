"""A figure that rises or falls by a share, points or a rank is a statistic, no act
(non_events.yaml: changing_figures); a person's fall stays. Sentences written for these tests."""

from __future__ import annotations

import pytest

from dateline.events import non_events
from tests.events.sentences import triggers_in, word_in


@pytest.mark.parametrize("sentence,word", [
    ("The number of dairy farms in the valley fell 12 percent from 2001 to 2006.", "fell"),
    ("Pine County, once the fastest-growing county in the state, fell to ninth in growth.", "fell"),
    ("Burglaries in the county fell by four points in the survey.", "fell"),
])
def test_a_figure_that_rises_or_falls_is_no_act(sentence, word):
    assert non_events.is_a_changing_figure(word_in(sentence, word))
    assert word not in triggers_in(sentence)


@pytest.mark.parametrize("sentence,word", [
    ("The old man fell to the floor of the bus when it braked on Monday.", "fell"),
    ("Two hikers fell to their deaths from the ridge on Sunday.", "fell"),
    ("A roofer fell 20 feet from the church tower on Monday.", "fell"),
])
def test_a_fall_stays(sentence, word):
    assert not non_events.is_a_changing_figure(word_in(sentence, word))

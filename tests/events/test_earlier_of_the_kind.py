"""An act still placeless after every other rule is where the nearest earlier act of its kind placed by
its own words is, however far back (events.placing.acts_placed_by_an_earlier_act_of_the_kind,
placing.yaml: earlier_of_the_kind): hand-made articles."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.model import Article
from dateline.nlp import parse
from dateline.pipeline import Stages, explain_article

PUBLISHED = date(2024, 3, 8)


@pytest.fixture(scope="module")
def stages() -> Stages:
    return Stages.load()


def _readings(text: str, word: str, stages: Stages):
    found = [r for r in explain_article(Article(id="t", text=text, published=PUBLISHED), parse(text), stages)
             if r.event.trigger is not None and r.event.trigger.text == word]
    assert found, f"no event at {word!r}"
    return found


def test_a_story_comes_back_to_its_happening_after_a_paragraph(stages):
    text = ("A masked man robbed a bank on Main Street in Dover on Monday afternoon. The branch opened in "
            "1962 and employs nine tellers. Its manager said the staff were shaken. Customers were sent "
            "home early. The bank will reopen on Thursday. The man robbed the bank with a toy gun before "
            "he fled on a bicycle.")
    later = _readings(text, "robbed", stages)[-1]
    assert "Dover" in [p.span.text for p in later.event.places]
    assert later.place_passes == ("an earlier act of the kind",)


def test_an_act_of_the_kind_on_another_day_and_a_statement_keep_no_place(stages):
    text = ("Two trucks collided on a bridge near Salem on Wednesday morning. One driver, 58, has hauled "
            "milk for the dairy since 1990. His wife said he loved the early routes. The dairy thanked "
            "the firefighters. Classes at the nearby school started late. Two buses collided there in 2011, "
            "a teacher said.")
    assert _readings(text, "collided", stages)[-1].event.places == ()
    assert all(r.event.places == () for r in _readings(text, "said", stages))

"""An act still placeless after every other rule is where the town, county or state its sentence
names before its people or a body's word is (events.placing.acts_placed_by_a_towns_people_or_body,
placing.yaml: towns_people): hand-made articles."""

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


def _reading(text: str, word: str, stages: Stages):
    found = [r for r in explain_article(Article(id="t", text=text, published=PUBLISHED), parse(text), stages)
             if r.event.trigger is not None and r.event.trigger.text == word]
    assert found, f"no event at {word!r}"
    return found[0]


def test_a_states_lawmakers_act_in_their_state(stages):
    read = _reading("Most bills stalled this spring. Kansas lawmakers approved a school budget on Friday "
                    "after a long debate.", "approved", stages)
    assert [p.span.text for p in read.event.places] == ["Kansas"]
    assert read.place_passes == ("a town's people or body named with it",)


def test_a_towns_resident_acts_in_his_town_unless_the_act_names_its_own_place(stages):
    text = "Burglars have struck three homes this month. A Dover resident shot one of the burglars on Sunday."
    assert [p.span.text for p in _reading(text, "shot", stages).event.places] == ["Dover"]
    elsewhere = text.replace("on Sunday", "in Salem on Sunday")
    assert [p.span.text for p in _reading(elsewhere, "shot", stages).event.places] == ["Salem"]


def test_a_statement_keeps_no_place_from_the_speakers_town(stages):
    read = _reading("Burglars have struck three homes this month. A Dover resident said the thieves drove "
                    "a gray van.", "said", stages)
    assert read.event.places == ()

"""An act still placeless after every other rule is where the town, county or state its sentence
names before a body's word is (events.placing.acts_placed_by_a_bodys_town, placing.yaml:
bodys_town): hand-made articles."""

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
    assert read.place_passes == ("a body's town named with it",)


def test_a_bond_set_with_an_arraignment_at_a_county_jail_is_there_not_at_a_later_court(stages):
    text = "Ann Cole was arraigned at the Lake County Jail on Monday, with her bond set at $2,500."
    # the county of the jail, named alone or with the jail (the recogniser may take "Lake County Jail" whole)
    assert [p.span.text for p in _reading(text, "bond", stages).event.places] in (["Lake County"], ["Lake County Jail"])
    later = "Ann Cole's bond was set at $2,500, and she will appear on Monday in Lake County Court."
    assert _reading(later, "bond", stages).event.places == ()


def test_a_statement_and_a_persons_home_town_keep_no_place(stages):
    said = _reading("Most bills stalled this spring. Kansas lawmakers said on Friday that the school budget "
                    "was too small.", "said", stages)
    assert said.event.places == ()
    shot = _reading("Burglars have struck three homes this month. A Dover resident shot one of the burglars "
                    "on Sunday.", "shot", stages)
    assert shot.event.places == ()

"""What an event with no place of its own carries from the acts the text told before it
(events.__init__: ``told``; placing.episode_places): every act the text tells, also one the
non-event rules set aside ("might arrest", "plan to search"), so that whether those rules drop
an act never changes where another event is. Hand-made sentences; each text is read twice, with
the non-event rules of ``triggers.told_as_done`` on and off."""

from __future__ import annotations

from datetime import date

import pytest

import dateline.events.triggers as triggers
from dateline.model import Article
from dateline.nlp import parse
from dateline.pipeline import Stages, explain_article

PUBLISHED = date(2024, 3, 8)


@pytest.fixture(scope="module")
def stages() -> Stages:
    return Stages.load()


def places_of(text: str, stages: Stages, word: str, nth: int) -> list[str]:
    readings = [r for r in explain_article(Article(id="t", text=text, published=PUBLISHED), parse(text), stages)
                if r.event.trigger.text == word]
    return [p.span.text for p in readings[nth].places.places]


def test_a_dropped_act_naming_a_town_moves_no_later_act(stages, monkeypatch):
    # "might arrest" is no event (a hypothesis), but the text told it at Salem: the farmer's
    # arrest after it carries the same place whether or not the rules drop it
    text = ("Deputies arrested a farmer in Dover on Monday. Officers might arrest a second man in Salem. "
            "The farmer was arrested after a long chase.")
    assert places_of(text, stages, "arrested", 0) == ["Dover"]  # the first arrest, its own clause
    events = explain_article(Article(id="t", text=text, published=PUBLISHED), parse(text), stages)
    assert "arrest" not in [r.event.trigger.text for r in events]  # the rules drop "might arrest"
    assert places_of(text, stages, "arrested", 1) == ["Salem"]
    with monkeypatch.context() as patch:
        patch.setattr(triggers, "told_as_done", lambda *args, **kwargs: True)
        assert places_of(text, stages, "arrest", 0) == ["Salem"]
        assert places_of(text, stages, "arrested", 1) == ["Salem"]


def test_a_dropped_act_with_no_town_of_its_own_passes_none_on(stages, monkeypatch):
    # near miss: "might arrest a second man" names no town; the town it would carry is the
    # first arrest's, and the farmer's arrest carries Dover either way
    text = ("Deputies arrested a farmer in Dover on Monday. Officers might arrest a second man. "
            "The farmer was arrested after a long chase.")
    assert places_of(text, stages, "arrested", 1) == ["Dover"]
    with monkeypatch.context() as patch:
        patch.setattr(triggers, "told_as_done", lambda *args, **kwargs: True)
        assert places_of(text, stages, "arrested", 1) == ["Dover"]

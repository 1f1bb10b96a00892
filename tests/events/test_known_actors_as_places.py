"""Which names say where an event is (issue 11, error class 3), apart from events.placing: a
well-known group or outlet the gazetteer lacks is no place; on sentences written for these tests."""

from __future__ import annotations

from dateline.model import Article
from dateline.nlp import parse
from dateline.pipeline import Stages, read_article


def test_a_known_group_the_gazetteer_lacks_is_no_place_of_the_event():
    # events._names_no_place_it_knows: a well-known group's name the geo stage could only place by
    # the town next to it (entities/kinds.yaml: actors) is no place of the event; an unknown
    # village stays one
    def places_of(text: str, word: str) -> list[str]:
        result = read_article(Article(id="p", text=text), parse(text), Stages.load())
        event = next(e for e in result.events if e.trigger.text == word)
        return [p.span.text for p in event.places]

    assert places_of("Two guards were killed in Kirkuk in an attack by the Islamic State on Monday.", "killed") == ["Kirkuk"]
    assert places_of("A convoy was ambushed near the village of Kolbari by gunmen on Friday.", "ambushed") == ["Kolbari"]

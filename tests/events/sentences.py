"""Helpers of the rule tests that read one hand-made sentence: the token of a word in it, and the
triggers the event reader finds in it (after the non-event rules of ``triggers.told_as_done``)."""

from __future__ import annotations

from dateline.events.triggers import find_triggers
from dateline.nlp import parse


def word_in(sentence: str, word: str):
    """The first token of ``sentence`` that reads ``word``."""
    return next(t for t in parse(sentence) if t.text == word)


def triggers_in(sentence: str) -> list[str]:
    """The words of the triggers found in ``sentence``, left to right."""
    return [t.token.text for t in find_triggers(parse(sentence)[:])]

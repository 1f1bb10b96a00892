"""A bare four-digit number that names a place or a thing, not a year.

The grammar reads any of 1600-2099 standing alone as a year. News English also numbers places
and things with such figures: a US crime or traffic report places what happened by a block or a
house number (the 1800 block of Elm Street, "at 1710 Grand Boulevard"), and any report
numbers roads, flights, rooms and flats ("Interstate 1900", "Flight 1712", "Apartment 2004").
Read as years, they date a fire or a crash centuries back. The words that make a number a label
are in vocabulary.yaml (``labels``), each kind with an example the tests run.

A time word before the number keeps it a year even before a street's name: "In 1998 Main Street
was paved" tells when; "at 1998 Main Street" tells where.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dateline.time.grammar import phrase_alternation, vocabulary


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    table = vocabulary()["labels"]
    kinds = phrase_alternation(table["street_kinds"])
    compass = phrase_alternation(table["compass"])
    # one to three capitalised words of a name, then the kind of street (capitalised, maybe cut short)
    name = r"(?:[A-Z][\w'-]*\.?\s+){1,3}"
    return {
        "before": re.compile(rf"(?<![\w-])(?:{phrase_alternation(table['words_before'])})\s+$", re.IGNORECASE),
        "after": re.compile(rf"\s+(?:{phrase_alternation(table['words_after'])})\b", re.IGNORECASE),
        "street": re.compile(rf"\s+(?:(?i:{compass})\.?\s+)?{name}(?i:{kinds})\b\.?"),
        "time_word": re.compile(rf"(?<![\w-])(?:{phrase_alternation(table['time_words'])})\s+$", re.IGNORECASE),
    }


def names_a_label(text: str, start: int, end: int) -> bool:
    """True when the four figures at text[start:end] label a road, a flight, a room, a block or a
    house rather than name a year: "Route 1900", "the 1600 block of", "1710 Grand Boulevard"."""
    patterns = _patterns()
    before = text[max(0, start - 30) : start]
    if patterns["before"].search(before):
        return True
    if patterns["after"].match(text, end):
        return True
    return bool(patterns["street"].match(text, end)) and not patterns["time_word"].search(before)

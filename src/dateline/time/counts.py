"""A bare four-digit number: a year, or a count of things?

"in 1908", "since 1990", "the 2004 elections" are years; "the company and its 1600 employees",
"Police arrested 1998 protesters", "In 2005, 1926 cases were reported" count things. Edited news
writes large counts with a comma ("1,600"), which the grammar never reads as a year; wire copy,
Wikinews and translated text often do not.

The rule (word lists in vocabulary.yaml, `counts`): a number is a count only when a plural noun
follows it ("employees", "people"; not an event or a period's figure: "elections", "sales"), and
- a quantifier comes before it ("about 2000 people"), or
- no time preposition, determiner or possessive comes before it ("arrested 1998 protesters",
  "and 2000 leaflets", "of 2000 cases"), or
- a determiner or possessive comes before it and the number is far from the article's date as a
  year ("its 1600 employees" in 2009; but "its 1988 sales", "the 2004 elections" are years).
  With no date to judge by (no DCT, no year named before), a possessive still marks a count
  ("its 1600 employees") and a determiner does not ("the 2004 elections").
"""

from __future__ import annotations

import re
from functools import lru_cache

from dateline.time.grammar import phrase_alternation, vocabulary


@lru_cache(maxsize=1)
def _lists() -> dict:
    words = vocabulary()["counts"]
    return {
        "quantifier": re.compile(rf"(?<![\w-])(?:{phrase_alternation(words['quantifiers'])})\s+$", re.IGNORECASE),
        "possessive": re.compile(rf"(?:(?<![\w-])(?:{phrase_alternation(words['possessives'])})|\w's|\ws')\s+$", re.IGNORECASE),
        "determiner": re.compile(rf"(?<![\w-])(?:{phrase_alternation(words['determiners'])})\s+$", re.IGNORECASE),
        "time_preposition": re.compile(rf"(?<![\w-])(?:{phrase_alternation(words['time_prepositions'])})\s+$", re.IGNORECASE),
        "period_plurals": frozenset(words["period_plurals"]),
        "irregular_plurals": frozenset(words["irregular_plurals"]),
        "not_plurals": frozenset(words["not_plurals"]),
        "far_before": int(words["far_years_before"]),
        "far_after": int(words["far_years_after"]),
    }


# the word after the number, with at most one modifier in between ("1998 anti-government
# protesters", "1600 local employees")
NEXT_WORDS = re.compile(r"\s+([a-z][a-z'-]*)(?:\s+([a-z][a-z'-]*))?")
ADJECTIVE_ENDINGS = ("al", "ic", "ive", "an", "ese", "ish", "ian")


def _plural_noun(word: str, lists: dict) -> bool:
    if word in lists["irregular_plurals"]:
        return True
    if word in lists["not_plurals"] or "'" in word:
        return False
    return len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous", "ness"))


def counted_noun(text: str, end: int) -> str | None:
    """The plural noun a number at ``end`` counts, if one follows it."""
    lists = _lists()
    found = NEXT_WORDS.match(text, end)
    if not found:
        return None
    first, second = found.group(1), found.group(2)
    if _plural_noun(first, lists):
        return first
    if second and ("-" in first or first.endswith(ADJECTIVE_ENDINGS)) and _plural_noun(second, lists):
        return second
    return None


def is_a_count(text: str, start: int, end: int, number: int, reference_year: int | None) -> bool:
    """True when the four-digit ``number`` at text[start:end] counts things rather than names a year;
    ``reference_year`` is the article's year (or the last year the text named), when known."""
    lists = _lists()
    noun = counted_noun(text, end)
    if noun is None:
        return False
    before = text[max(0, start - 30) : start]
    if lists["quantifier"].search(before):
        return True
    if noun in lists["period_plurals"] or lists["time_preposition"].search(before):
        return False
    possessive = lists["possessive"].search(before)
    if possessive or lists["determiner"].search(before):
        if reference_year is None:
            return bool(possessive)
        return reference_year - number >= lists["far_before"] or number - reference_year >= lists["far_after"]
    return True

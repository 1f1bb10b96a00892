"""Nouns that name a doer by the verb it does: "developer", "caller", "dealer", "director".

The events stage keeps an actor found only as a common noun when the noun is one of
event_types.yaml's ``actor_nouns``. English makes doers from verbs with "-er" and "-or" far
more freely than any list can follow, so a noun whose stem is a verb the parser's own
lemmatizer knows ("develop", "call", "deal", "direct") counts as an actor noun too. The verbs
come from the loaded spaCy model's lemma index (read once), not from a table of ours.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from dateline.nlp import get_nlp

AGENT_ENDINGS = ("er", "or")


@lru_cache(maxsize=1)
def verb_lemmas() -> frozenset[str]:
    """The verbs of the parser's lemmatizer index (empty when the model has none)."""
    lemmatizer = get_nlp().get_pipe("lemmatizer") if "lemmatizer" in get_nlp().pipe_names else None
    tables = lemmatizer.lookups if lemmatizer is not None else None
    if tables is None or not tables.has_table("lemma_index"):
        return frozenset()
    return frozenset(tables.get_table("lemma_index").get("verb", ()))


def verb_stems(lemma: str) -> list[str]:
    """The verbs a "-er"/"-or" noun may be made from: "caller" call, "director" direct,
    "dealer" deal, "driver" drive, "shopper" shop."""
    for ending in AGENT_ENDINGS:
        if lemma.endswith(ending) and len(lemma) > len(ending) + 2:
            stem = lemma[: -len(ending)]
            stems = [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                stems.append(stem[:-1])
            return stems
    return []


def names_a_doer_of_a_verb(token: Token) -> bool:
    """A common noun made from a verb with "-er" or "-or", not heading an "of" phrase: "a number
    of people" counts people ("number" is no doer of "numb"), "the director of the agency" is
    read through its "of" phrase elsewhere."""
    if token.pos_ != "NOUN" or any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return False
    verbs = verb_lemmas()
    return any(stem in verbs for stem in verb_stems(token.lemma_.lower()))

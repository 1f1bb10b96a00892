"""Nouns that name a doer by the verb it does: "developer", "caller", "dealer", "director".

The events stage keeps an actor found only as a common noun when the noun is one of
event_types.yaml's ``actor_nouns``. English makes doers from verbs with "-er" and "-or" far
more freely than any list can follow, so a noun whose stem is a verb the parser's own
lemmatizer knows ("develop", "call", "deal", "direct") counts as an actor noun too. The verbs
come from the loaded spaCy model's lemma index (read once), not from a table of ours. Nouns
WordNet files first as a person ("client") or as a body of people ("company", "mob") count too
(data/people_nouns.txt, data/group_nouns.txt, made by ``people_nouns_build``).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from dateline.nlp import get_nlp

AGENT_ENDINGS = ("er", "or")
PEOPLE_FILE = Path(__file__).with_name("data") / "people_nouns.txt"  # made by dateline.events.people_nouns_build
GROUPS_FILE = Path(__file__).with_name("data") / "group_nouns.txt"  # made by dateline.events.people_nouns_build


@lru_cache(maxsize=2)
def _word_list(path: Path) -> frozenset[str]:
    """The words of one of the lists people_nouns_build makes, one a line ('#' lines are notes), read once."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def people_nouns() -> frozenset[str]:
    """Nouns whose most frequent WordNet sense is a person (data/people_nouns.txt)."""
    return _word_list(PEOPLE_FILE)


def group_nouns() -> frozenset[str]:
    """Nouns whose most frequent WordNet sense is a body of people (data/group_nouns.txt)."""
    return _word_list(GROUPS_FILE)


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


# possessive pronouns standing alone after "of" ("a friend of mine", "an aide of his"): the double
# genitive says whose the noun is, and the noun still names the person
INDEPENDENT_POSSESSIVES = {"mine", "yours", "his", "hers", "ours", "theirs"}


def _heads_of_phrase(token: Token) -> bool:
    """Whether the noun heads an "of" phrase with a noun read through elsewhere ("a number of
    people"); not a double genitive ("an assistant of his"), nor an "of" with a gerund ("accused
    the landlord of starting the fire"), whose noun is the person."""
    return any(c.dep_ == "prep" and c.lower_ == "of"
               and any(g.dep_ == "pobj" and g.lower_ not in INDEPENDENT_POSSESSIVES for g in c.children)
               for c in token.children)


def _a_class_in_the_plain_present(token: Token) -> bool:
    """A bare plural subject of a verb in the plain present ("Firefighters fight fires"): a
    class and its habit, no one who did anything."""
    return (token.tag_ == "NNS" and token.dep_ == "nsubj" and token.head.tag_ in {"VBP", "VBZ"}
            and not any(c.dep_ in {"det", "poss", "nummod"} for c in token.children))


def names_people(token: Token) -> bool:
    """A common noun that names a person by WordNet's most frequent sense ("the artists left",
    "a taxpayer asked", "grandchildren will take over"), not heading an "of" phrase (read
    through it elsewhere) nor naming a class by its habit: no list of actor nouns can follow
    all the words for people."""
    return (token.pos_ == "NOUN" and not _heads_of_phrase(token) and _person_lemma(token.lemma_.lower()) in people_nouns()
            and not _a_class_in_the_plain_present(token))


def _person_lemma(lemma: str) -> str:
    """The singular of an "-men" plural the lemmatizer left as it is ("aldermen" alderman, "linemen"
    lineman): English makes the plural of every "-man" noun for people so; a word the list of
    people nouns holds stays itself."""
    if lemma.endswith("men") and lemma not in people_nouns() and lemma[:-3] + "man" in people_nouns():
        return lemma[:-3] + "man"
    return lemma


def names_a_body_of_people(token: Token) -> bool:
    """A common noun that names a body of people by WordNet's most frequent sense ("the company
    agreed", "an angry mob attacked", "the couple visited"), under the same guards as
    ``names_people``: no list of actor nouns can follow all the words for a firm, a crowd or a
    household."""
    from dateline.events.triggers import load_lexicon  # noqa: PLC0415

    # (and a noun for a small set of people whose WordNet sense is a set of things: "the pair
    # fled", event_types.yaml: plural_group_nouns; "a pair of boots" heads an "of" phrase)
    lemma = token.lemma_.lower()
    return (token.pos_ == "NOUN" and not _heads_of_phrase(token)
            and (lemma in group_nouns() or lemma in load_lexicon().plural_group_nouns)
            and not _a_class_in_the_plain_present(token))


def names_a_doer_of_a_verb(token: Token) -> bool:
    """A common noun made from a verb with "-er" or "-or", not heading an "of" phrase: "a number
    of people" counts people ("number" is no doer of "numb"), "the director of the agency" is
    read through its "of" phrase elsewhere."""
    if token.pos_ != "NOUN" or _heads_of_phrase(token):
        return False
    verbs = verb_lemmas()
    lemma = token.lemma_.lower()
    # a noun that is a verb itself names the act, not its doer: "an offer", "the order", "a
    # murder" ("off", "ord" and "murd" are no stems of theirs)
    return lemma not in verbs and any(stem in verbs for stem in verb_stems(lemma))

"""The gender a person's name tells ("Mrs. Okafor", "Deborah Lang"), for "he" and "she" to agree
with (gender.yaml). Unknown is the common answer and rules nobody out."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

GENDER_PATH = Path(__file__).with_name("gender.yaml")
PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female"}


@lru_cache(maxsize=1)
def name_tables() -> tuple[dict[str, str], dict[str, str]]:
    """gender.yaml, read once per process: the gender each honorific and each given name tells."""
    raw = yaml.safe_load(GENDER_PATH.read_text(encoding="utf-8"))
    titles = {word: gender for gender, words in raw["titles"].items() for word in words}
    given = {word: gender for gender, words in raw["given_names"].items() for word in words}
    return titles, given


def gender_of_name(name: str) -> str | None:
    """'male', 'female' or None: by an honorific before the name, else by its first word."""
    titles, given = name_tables()
    words = [w.strip(",").lower() for w in name.split()]
    if not words:
        return None
    if words[0] in titles:
        return titles[words[0]]
    if len(words) > 1:
        return given.get(words[0])
    return None


@lru_cache(maxsize=1)
def noun_table() -> dict[str, str]:
    """gender.yaml's nouns for people of one sex ("woman", "father"), by lemma."""
    raw = yaml.safe_load(GENDER_PATH.read_text(encoding="utf-8"))
    return {word: gender for gender, words in raw.get("nouns", {}).items() for word in words}


def gender_of_noun(lemma: str) -> str | None:
    """'male', 'female' or None: the sex a common noun for people tells ("widow": female)."""
    return noun_table().get(lemma.lower())


def disagrees(pronoun: str, name: str, word_before: str = "") -> bool:
    """Whether "he" or "she" cannot stand for this name (a known gender that is the other one);
    ``word_before`` is the word written before the name, an honorific the name's span left out."""
    wanted = PRONOUN_GENDER.get(pronoun.lower())
    if word_before.lower() in name_tables()[0]:
        name = f"{word_before} {name}"
    told = gender_of_name(name)
    return wanted is not None and told is not None and told != wanted

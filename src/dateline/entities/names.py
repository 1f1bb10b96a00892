"""Comparing people's names: honorifics stripped, particles set aside, transliterations folded.

"Faisal bin Nasser Al Mansouri", "Al Mansouri" and "Mr. Mansuri" share a surname key; "Amrullah
Saleh" and "Amrullah Salih" compare equal; "Hamid Karzai" and "Ahmed Wali Karzai" share a
surname but not their given names, so they stay two people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from dateline.entities.lexicon import Lexicon, fold

# digits are kept in a word: codes such as "H5N1" and "H1N1" must not read as the same letters
WORD = re.compile(r"[^\W_]+(?:['’][^\W\d_]+)?", re.UNICODE)
# digraphs and letters that the common romanisations of Arabic, Persian and Pashto spell
# differently: Qahtani/Kahtani, Mohammad/Muhammad, Yousuf/Yusuf
_SPELLINGS = (("ph", "f"), ("q", "k"), ("ck", "k"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("w", "v"), ("z", "s"),
              ("j", "y"), ("dh", "d"), ("th", "t"))
_VOWELS = set("aeiouy")


def skeleton(word: str) -> str:
    """A spelling-insensitive key for one name word: consonants after the first letter, with
    the usual romanisation variants folded and doubled letters collapsed."""
    word = "".join(c for c in fold(word) if c.isalpha())
    if not word:
        return ""
    for old, new in _SPELLINGS:
        word = word.replace(old, new)
    kept = [word[0]] + [c for c in word[1:] if c not in _VOWELS and c != "h"]
    collapsed = [kept[0]]
    for c in kept[1:]:
        if c != collapsed[-1]:
            collapsed.append(c)
    if len(word) > 1 and word[-1] in _VOWELS:
        collapsed.append("V")  # Kane is not Khan; Qahtani is Kahtani
    return "".join(collapsed)


@dataclass(frozen=True)
class PersonName:
    """A person's name split for comparison."""

    text: str  # as written, honorifics removed
    words: tuple[str, ...]  # folded words without particles
    skeletons: tuple[str, ...]

    @property
    def surname(self) -> str:
        return self.skeletons[-1] if self.skeletons else ""

    @property
    def is_full(self) -> bool:
        """More than a surname: a given name (or a nasab) is written too."""
        return len(self.words) >= 2


def person_name(text: str, lexicon: Lexicon) -> PersonName:
    raw = [w for w in WORD.findall(text.replace("-", " "))]
    while raw and fold(raw[0]).strip(".") in lexicon.honorifics and len(raw) > 1:
        raw = raw[1:]
    kept = [w for w in raw if fold(w) not in lexicon.particles]
    folded = tuple(fold(w) for w in kept)
    # rebuild the written name from the first kept word on (keeps "Faisal bin Nasser Al Mansouri")
    written = text.strip()
    if raw:
        start = written.find(raw[0])
        written = written[start:] if start >= 0 else written
    return PersonName(written, folded, tuple(skeleton(w) for w in folded))


def _word_matches(a: str, b: str, a_key: str, b_key: str) -> bool:
    if a == b:
        return True
    if any(c.isdigit() for c in a + b):
        return False  # codes and numbers match only exactly: H5N1 is not H1N1
    if len(a) == 1 or len(b) == 1:  # an initial
        return a[0] == b[0]
    similarity = fuzz.ratio(a, b)
    # the same consonants spelt with other vowels (Mohammad/Muhammad) but not Khan/Kane
    return similarity >= 85 or (bool(a_key) and a_key == b_key and similarity >= 65)


def names_compatible(short: PersonName, long: PersonName) -> bool:
    """True when ``short`` can be a way of writing ``long``: the same surname, and every word
    of ``short`` found, in order, among the words of ``long``."""
    if not short.words or not long.words:
        return False
    if not _word_matches(short.words[-1], long.words[-1], short.surname, long.surname):
        return False
    position = 0
    for word, key in zip(short.words[:-1], short.skeletons[:-1]):
        while position < len(long.words) - 1 and not _word_matches(word, long.words[position], key, long.skeletons[position]):
            position += 1
        if position >= len(long.words) - 1:
            return False
        position += 1
    return True


def same_person_name(a: PersonName, b: PersonName) -> bool:
    """Either name is a way of writing the other."""
    short, long = (a, b) if len(a.words) <= len(b.words) else (b, a)
    return names_compatible(short, long)


def name_similarity(a: PersonName, b: PersonName) -> float:
    return fuzz.token_sort_ratio(" ".join(a.words), " ".join(b.words))

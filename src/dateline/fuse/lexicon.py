"""Word senses of event heads: how two different heads may name one happening.

Reads the table that ``dateline.fuse.lexicon_build`` makes from Princeton WordNet 3.1 (committed
as ``data/wordnet_events.json.gz``; no network, no npm at run time) and relates two event heads
by their most frequent senses (``SENSES`` per part of speech, verbs and event nouns), each sense
widened by its derivational links, so that a verb meets the noun made from it ("die"/"death",
"elect"/"election"):

- ``synonym``: the heads share a sense ("quake"/"earthquake", "slay"/"kill");
- ``derived``: a sense of one is derived from a sense of the other, or both from one sense;
- ``hypernym``: a (widened) sense of one is a hypernym of one of the other's within
  ``HYPERNYM_STEPS`` steps ("murder" is a kind of "kill"), as 1/steps;
- ``wup``: a Wu-Palmer-like similarity, 2*depth(c) / (depth(a) + depth(b)), taking for ``c`` the
  most specific common hypernym (at most ``ANCESTOR_STEPS`` steps above either) and depths along
  those paths;
- ``antonym``: a sense of one is WordNet's antonym of a sense of the other ("win"/"lose": reports
  of one contest tell it from either side).

Each relation is 0 for the same head (``same_lemma`` says that) and for a word WordNet does not
know. These are general relations of the language, not word lists drawn from any corpus.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

DATA_DIR = Path(__file__).with_name("data")
TABLE_FILE = DATA_DIR / "wordnet_events.json.gz"  # made by dateline.fuse.lexicon_build
LICENCE_FILE = DATA_DIR / "WORDNET_LICENSE"
ANCESTOR_STEPS = 6  # hypernyms kept above each event sense: further up, senses share only "act", "event"
# most frequent senses of each part of speech that stand for a head: rarer ones relate everything.
# 1 and 2 gave one cross-validated CoNLL F1 on the ECB+ tuning topics (0.7484, before the product
# same_lemma*document_similarity joined the scorer), 3 less (0.7436)
SENSES = 2
HYPERNYM_STEPS = 3
RELATIONS = ("synonym", "derived", "hypernym", "wup", "antonym")


class LexiconError(ValueError):
    """A table that cannot be read; the message names the file and the problem."""


@dataclass(frozen=True)
class HeadSenses:
    senses: frozenset[str]  # the head's own most frequent senses
    widened: frozenset[str]  # ... and the senses derivationally linked to them
    ancestors: Mapping[str, int]  # every hypernym (and widened sense itself, at 0) with its fewest steps up
    antonyms: frozenset[str]  # the antonyms of its senses


class Lexicon:
    def __init__(self, table: Mapping, source: str = "lexicon"):
        try:
            self.words: Mapping[str, Sequence[str]] = table["words"]
            self.synsets: Mapping[str, Sequence] = table["synsets"]
        except (KeyError, TypeError):
            raise LexiconError(f"{source}: not a word-sense table (no words or synsets)") from None
        self._heads: dict[str, HeadSenses | None] = {}
        self._pairs: dict[tuple[str, str], tuple[float, ...]] = {}

    @classmethod
    def load(cls, path: Path = TABLE_FILE) -> Lexicon:
        try:
            with gzip.open(path, "rt", encoding="utf-8") as stream:
                table = json.load(stream)
        except (OSError, ValueError, EOFError) as error:
            raise LexiconError(f"{path}: cannot read the word-sense table ({error})") from None
        return cls(table, str(path))

    def depth(self, key: str) -> int:
        return int(self.synsets[key][0]) if key in self.synsets else 1

    def _entry(self, key: str) -> Sequence:
        return self.synsets.get(key, (1, (), (), ()))

    def head(self, word: str) -> HeadSenses | None:
        """The senses that stand for a head word, or None when WordNet has no verb or event noun of it."""
        if word not in self._heads:
            keys = self.words.get(word, ())
            senses = frozenset([k for k in keys if k[0] == "v"][:SENSES] + [k for k in keys if k[0] == "n"][:SENSES])
            if not senses:
                self._heads[word] = None
                return None
            widened = set(senses)
            for key in senses:
                widened.update(self._entry(key)[2])
            ancestors: dict[str, int] = {}
            frontier = set(widened)
            for steps in range(ANCESTOR_STEPS + 1):
                for key in frontier:
                    ancestors.setdefault(key, steps)
                frontier = {parent for key in frontier for parent in self._entry(key)[1] if parent not in ancestors}
            antonyms = frozenset(a for key in senses for a in self._entry(key)[3])
            self._heads[word] = HeadSenses(senses, frozenset(widened), ancestors, antonyms)
        return self._heads[word]

    def relations(self, first: str, second: str) -> tuple[float, ...]:
        """(synonym, derived, hypernym, wup, antonym) of two head words; all 0 for one word or an unknown one."""
        if first == second:
            return (0.0,) * len(RELATIONS)
        pair = (first, second) if first < second else (second, first)
        if pair not in self._pairs:
            self._pairs[pair] = self._relate(self.head(pair[0]), self.head(pair[1]))
        return self._pairs[pair]

    def _relate(self, a: HeadSenses | None, b: HeadSenses | None) -> tuple[float, ...]:
        if a is None or b is None:
            return (0.0,) * len(RELATIONS)
        synonym = float(bool(a.senses & b.senses))
        derived = float(bool(a.widened & b.widened))
        steps = [a.ancestors[key] for key in b.widened if 0 < a.ancestors.get(key, 0) <= HYPERNYM_STEPS]
        steps += [b.ancestors[key] for key in a.widened if 0 < b.ancestors.get(key, 0) <= HYPERNYM_STEPS]
        hypernym = 1.0 / min(steps) if steps else 0.0
        wup = 0.0
        for key in a.ancestors.keys() & b.ancestors.keys():
            depth = self.depth(key)
            wup = max(wup, 2.0 * depth / (2.0 * depth + a.ancestors[key] + b.ancestors[key]))
        antonym = float(bool(a.antonyms & b.senses or b.antonyms & a.senses))
        return synonym, derived, hypernym, wup, antonym

    def pair_matrices(self, heads: Sequence[str]) -> dict[str, np.ndarray]:
        """Each relation as a symmetric matrix over the heads (one row per mention)."""
        unique = sorted(set(heads))
        position = {head: n for n, head in enumerate(unique)}
        values = np.zeros((len(RELATIONS), len(unique), len(unique)))
        for i, first in enumerate(unique):
            for j in range(i + 1, len(unique)):
                values[:, i, j] = values[:, j, i] = self.relations(first, unique[j])
        index = np.array([position[head] for head in heads], dtype=int)
        rows = np.ix_(index, index)
        return {name: values[n][rows] for n, name in enumerate(RELATIONS)}


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return Lexicon.load()

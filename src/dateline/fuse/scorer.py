"""The pair scorer: how likely two event mentions are one event, from their pair features.

A logistic model over the features of ``dateline.fuse.coreference.pair_features`` and a few
products of two of them ("same_lemma*document_similarity": one head in two reports is strong
evidence only when the reports are about one happening). Its weights, and the average-link
threshold that goes with them, are in ``pair_scorer.json`` beside this module, written by
``python -m dateline.eval.coref_train`` from the tuning topics of ECB+ (never the check topics):
one scorer for the ECB+ evaluation and for fusing dateline's own events.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

SCORER_FILE = Path(__file__).with_name("pair_scorer.json")
# the same, fitted with the contextual-embedding features too (dateline.fuse.embeddings)
EMBEDDING_SCORER_FILE = Path(__file__).with_name("pair_scorer_embeddings.json")
EMBEDDING_FEATURES = ("trigger_embedding", "sentence_embedding")


class ScorerError(ValueError):
    """A scorer file that cannot be read; the message names the file and the problem."""


@dataclass(frozen=True)
class PairScorer:
    """``bias + sum(weight * term)``, squashed to 0-1; a term is a feature or a product "a*b"."""

    weights: Mapping[str, float]
    bias: float
    threshold: float  # average-link: merge two clusters while their mean pair probability reaches this
    about: Mapping[str, object] = field(default_factory=dict)  # how and on what it was fitted

    def terms(self) -> list[str]:
        return list(self.weights)

    @property
    def needs_embeddings(self) -> bool:
        """True when a term uses a mention's contextual vectors (the encoder must be loaded)."""
        return any(name in EMBEDDING_FEATURES for term in self.weights for name in term.split("*"))

    def probability(self, features: Mapping[str, np.ndarray]) -> np.ndarray:
        score = np.full_like(next(iter(features.values())), self.bias, dtype=float)
        for term, weight in self.weights.items():
            score = score + weight * term_value(features, term)
        return 1.0 / (1.0 + np.exp(-score))

    def to_dict(self) -> dict:
        return {"about": dict(self.about), "threshold": self.threshold, "bias": self.bias, "weights": dict(self.weights)}

    @classmethod
    def from_dict(cls, data: Mapping, source: str = "scorer") -> PairScorer:
        try:
            weights = {str(k): float(v) for k, v in data["weights"].items()}
            return cls(weights, float(data["bias"]), float(data["threshold"]), dict(data.get("about", {})))
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise ScorerError(f"{source}: not a pair scorer ({error!r})") from None

    @classmethod
    def load(cls, path: Path) -> PairScorer:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise ScorerError(f"{path}: cannot read the pair scorer ({error})") from None
        return cls.from_dict(data, str(path))


def term_value(features: Mapping[str, np.ndarray], term: str) -> np.ndarray:
    """A feature's matrix, or the element-wise product of the features a term names ("a*b")."""
    names = term.split("*")
    value = features[names[0]]
    for name in names[1:]:
        value = value * features[name]
    return value


@lru_cache(maxsize=2)
def default_scorer(embeddings: bool = False) -> PairScorer:
    """The shipped scorer: with the contextual-embedding features, or without them."""
    return PairScorer.load(EMBEDDING_SCORER_FILE if embeddings else SCORER_FILE)

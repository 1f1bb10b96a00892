"""Every threshold and weight of cross-article event coreference, in one place.

The defaults were chosen on the tuning part of ECB+ (topics 1-35 less the usual dev topics 2, 5,
12, 18, 21, 23, 34, 35, which are kept as the check part); ``dateline eval coref`` prints the
figures of both parts. Re-derive them with ``dateline.eval.coref.tune`` after changing a feature.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class FuseConfig:
    # documents: TF-IDF cosine, average-link; two documents share a cluster only when the average
    # similarity between their clusters is at least this
    document_threshold: float = 0.20
    # mentions: a pair's coreference probability is a logistic function of its features (weights
    # below); average-link merges two clusters only when their mean pair probability reaches this
    mention_threshold: float = 0.50
    # logistic regression fitted on the mention pairs of the tuning part (within its document
    # clusters at document_threshold 0.20), rounded; see dateline.eval.coref.fit_pair_weights
    pair_weights: dict[str, float] = field(default_factory=lambda: {
        "bias": -4.13,
        "same_lemma": 3.33,
        "lemma_similarity": 0.87,
        "trigger_context": 3.07,
        "sentence_similarity": -0.81,
        "shared_entities": -0.21,
        "same_document": -1.07,
        "document_similarity": 1.79,
        "same_lemma_rarity": 0.13,
        "same_lemma_context": -0.75,
    })
    # blocking: days of slack around each event's own date window, and how far apart two reports
    # may put one event, by the kind of place they name
    date_slack_days: int = 1
    place_radius_km: dict[str, float] = field(default_factory=lambda: {
        "facility": 5.0, "town": 30.0, "region": 300.0, "country": 1500.0,
    })

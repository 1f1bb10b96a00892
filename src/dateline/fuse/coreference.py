"""Cross-article event coreference: which mentions, in which reports, are one real event.

Three steps, each pure (records in, clusters out):

1. documents are clustered by TF-IDF cosine over their text (average link), so reports of one
   happening (one earthquake, one arrest) share a cluster and reports of a similar happening
   elsewhere do not: this is the blocking step, and the number of mention pairs scored grows
   with the sizes of these clusters, not with the square of the corpus;
2. within a document cluster, every pair of mentions that blocking leaves compatible (type
   family, date windows widened by ``date_slack_days``, places within a radius that fits the
   kind of place) gets a coreference probability from its features (``pair_features``) by the pair
   scorer fitted on the ECB+ tuning topics (``dateline.fuse.scorer``);
3. average-link clustering over those probabilities, with incompatible pairs as cannot-links,
   so two earthquakes are never chained into one through a third report.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import numpy as np
from rapidfuzz.distance import Indel

from dateline.fuse.clustering import average_link
from dateline.fuse.config import FuseConfig
from dateline.fuse.lexicon import default_lexicon
from dateline.fuse.records import EventMention, MentionArguments, PlacePoint
from dateline.fuse.scorer import PairScorer, default_scorer
from dateline.fuse.tfidf import analyzer, sublinear_tfidf

# how the arguments of the two triggers' own clauses compare (``argument_features``)
ARGUMENT_FEATURES = ("doer_match", "doer_clash", "patient_match", "patient_clash", "time_clash", "place_match",
                     "place_clash")
FEATURES = ("same_lemma", "lemma_similarity", "lemma_prefix", "trigger_similarity", "trigger_context",
            "sentence_similarity", "shared_entities", "shared_entity_count", "neighbour_lemmas", "same_document",
            "same_sentence", "document_similarity", "document_lemmas", "same_lemma_rarity", "same_lemma_context",
            "head_association", "wn_synonym", "wn_derived", "wn_hypernym", "wn_wup")
CONTEXT_WORDS = 3  # words either side of the trigger that make its local context
# heads sharing their first letters are one word family ("explosion"/"explode", "protest"/"protesters"):
# this many letters, or the whole of a shorter head of at least FAMILY_SHORTEST letters
FAMILY_PREFIX = 5
FAMILY_SHORTEST = 4
SHARED_ENTITIES_CAP = 3  # shared names counted up to this many


# word tokens with inner apostrophes and hyphens ("al-Shabab", "didn't"); heads are whole words
SENTENCE_WORDS = dict(stop_words="english", token_pattern=r"(?u)\b\w[\w'-]*\b", lowercase=True)
HEAD_WORDS = dict(stop_words=None, token_pattern=r"\S+", lowercase=False)


def _tfidf(texts: Sequence[str]) -> np.ndarray:
    """Rows of L2-normalised sublinear TF-IDF vectors (scikit-learn's, ``dateline.fuse.tfidf``),
    English stop words left out; an empty or stop-word-only corpus gives zero rows."""
    # scikit-learn is imported inside: it takes 1-4 s to import, and every command imports this
    # module through the store (ingest, events ...), while only fusion needs it
    matrix = sublinear_tfidf(texts, analyzer(**SENTENCE_WORDS))
    # sparse: only the product (documents x documents) is made dense
    return np.zeros((len(texts), 1)) if matrix is None else matrix


def _tfidf_words(texts: Sequence[str]) -> np.ndarray:
    """TF-IDF rows over whitespace-separated words, every word kept (event heads: "fire" is one)."""
    matrix = sublinear_tfidf(texts, analyzer(**HEAD_WORDS))
    return np.zeros((len(texts), 1)) if matrix is None else matrix


def _cosine(matrix) -> np.ndarray:
    product = matrix @ matrix.T
    return np.asarray(product.toarray() if hasattr(product, "toarray") else product, dtype=float)


def cluster_documents(documents: Mapping[str, str], config: FuseConfig = FuseConfig(),
                      similarity: DocumentSimilarity | None = None) -> list[list[str]]:
    """Groups of document ids whose texts are about one happening (TF-IDF cosine, average link).
    ``similarity``, when the caller has it already, is ``DocumentSimilarity.of(documents)``."""
    doc_ids = sorted(documents)
    if not doc_ids:
        return []
    similarity = similarity or DocumentSimilarity.of(documents)
    groups = average_link(similarity.matrix, config.document_threshold)
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


def incompatible_matrix(block: Sequence[EventMention], config: FuseConfig = FuseConfig()) -> np.ndarray:
    """``incompatible`` for every pair of the block at once: a square boolean matrix, False on the
    diagonal. The same tests as array operations, because a block of n mentions asks n^2 of them and
    the blocks grow with a developing story (one call each took half of fusion's time at 10,000
    articles, and the share grew with the corpus)."""
    size = len(block)
    families = {f: n for n, f in enumerate(sorted({m.type_family for m in block if m.type_family}))}
    family = np.array([families.get(m.type_family, -1) for m in block])
    cannot = (family[:, None] >= 0) & (family[None, :] >= 0) & (family[:, None] != family[None, :])

    starts, ends = np.full(size, np.nan), np.full(size, np.nan)
    for n, mention in enumerate(block):
        if mention.date_start:
            start, end = _day(mention.date_start), _day(mention.date_end or mention.date_start)
            if start is not None and end is not None:
                starts[n], ends[n] = start.toordinal(), end.toordinal()
    slack = config.date_slack_days
    with np.errstate(invalid="ignore"):  # NaN (no usable date) compares False: never apart
        cannot |= ((starts[None, :] - ends[:, None]) > slack) | ((starts[:, None] - ends[None, :]) > slack)

    radius = config.place_radius_km
    located = [n for n, m in enumerate(block) if m.place is not None and m.place.lat is not None and m.place.lon is not None]
    if len(located) > 1:
        where = np.array(located)
        lat = np.radians([block[n].place.lat for n in located])
        lon = np.radians([block[n].place.lon for n in located])
        allowed = np.array([radius.get(block[n].place.kind, radius["town"]) for n in located])
        h = (np.sin((lat[None, :] - lat[:, None]) / 2) ** 2
             + np.cos(lat[:, None]) * np.cos(lat[None, :]) * np.sin((lon[None, :] - lon[:, None]) / 2) ** 2)
        kilometres = 2 * 6371.0 * np.arcsin(np.minimum(1.0, np.sqrt(h)))
        cannot[np.ix_(where, where)] |= kilometres > np.maximum(allowed[:, None], allowed[None, :])
    np.fill_diagonal(cannot, False)
    return cannot


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


def _set_overlap(sets: Sequence[set[str]]) -> tuple[np.ndarray, np.ndarray]:
    """Jaccard similarity and number of shared items of every two sets (zero where one is empty)."""
    size = len(sets)
    counts = np.array([len(items) for items in sets], dtype=float)
    # counted from each item's sets rather than as a sparse product (incidence times its
    # transpose): the same whole numbers, without scipy's per-matrix set-up, which cost more
    # than the counting in blocks of a few dozen mentions, five times per block
    holders: dict[str, list[int]] = {}
    for row, items in enumerate(sets):
        for item in items:
            holders.setdefault(item, []).append(row)
    shared = np.zeros((size, size))
    for rows in holders.values():
        if len(rows) > 1:
            shared[np.ix_(rows, rows)] += 1.0
    np.fill_diagonal(shared, counts)  # a set shares all its items with itself
    union = counts[:, None] + counts[None, :] - shared
    jaccard = np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
    return jaccard, shared


def _same(values: Sequence[object]) -> np.ndarray:
    codes: dict[object, int] = {}
    array = np.array([codes.setdefault(value, len(codes)) for value in values])
    return (array[:, None] == array[None, :]).astype(float)


def _word_family(lemmas: Sequence[str]) -> np.ndarray:
    """1 where two heads start alike: FAMILY_PREFIX letters, or all of a shorter head (4+ letters)."""
    from rapidfuzz import process
    from rapidfuzz.distance import Prefix

    shared = process.cdist(lemmas, lemmas, scorer=Prefix.similarity, dtype=np.int32).astype(float)
    lengths = np.array([len(lemma) for lemma in lemmas], dtype=float)
    shorter = np.minimum(lengths[:, None], lengths[None, :])
    needed = np.minimum(FAMILY_PREFIX, np.maximum(shorter, FAMILY_SHORTEST))
    return (shared >= needed).astype(float)


@dataclass(frozen=True)
class DocumentSimilarity:
    """TF-IDF cosine of every two documents of a corpus (documents pooled, as fusion sees them)."""

    index: Mapping[str, int]
    matrix: np.ndarray

    @classmethod
    def of(cls, documents: Mapping[str, str]) -> DocumentSimilarity:
        doc_ids = sorted(documents)
        return cls({doc_id: n for n, doc_id in enumerate(doc_ids)}, _cosine(_tfidf([documents[d] for d in doc_ids])))

    def among(self, doc_ids: Sequence[str]) -> np.ndarray:
        """The similarity of the documents of every two mentions (1 within a document; 0 when unknown)."""
        positions = np.array([self.index.get(doc_id, -1) for doc_id in doc_ids])
        known = positions >= 0
        result = np.zeros((len(doc_ids), len(doc_ids)))
        inner = np.ix_(known, known)
        result[inner] = self.matrix[np.ix_(positions[known], positions[known])]
        return np.maximum(result, _same(doc_ids))


Vectors = Mapping[str, tuple[np.ndarray, np.ndarray]]  # mention id -> (trigger vector, sentence vector)


def mention_vectors(mentions: Sequence[EventMention], threads: int = 1) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Each mention's contextual unit vectors, trigger and sentence (``dateline.fuse.embeddings``)."""
    from dateline.fuse.embeddings import embed_mentions

    if not mentions:
        return {}
    vectors = embed_mentions([m.sentence for m in mentions], [(m.trigger_start, m.trigger_end) for m in mentions],
                             threads)
    return {m.mention_id: (vectors.trigger[n], vectors.sentence[n]) for n, m in enumerate(mentions)}


def _embedding_features(mentions: Sequence[EventMention], vectors: Vectors) -> dict[str, np.ndarray]:
    triggers = np.stack([vectors[m.mention_id][0] for m in mentions]).astype(float)
    sentences = np.stack([vectors[m.mention_id][1] for m in mentions]).astype(float)
    return {"trigger_embedding": triggers @ triggers.T, "sentence_embedding": sentences @ sentences.T}


@lru_cache(maxsize=8192)  # one actor is named in many reports: read its words once
def argument_words(text: str | None) -> frozenset[str]:
    """The words of an argument that can name it: "the rapper's lawyer" -> {rapper, lawyer};
    a pronoun or a determiner alone names nothing (an empty set: no evidence)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    if not text:
        return frozenset()
    words = (word.lower().removesuffix("'s") for word in re.findall(r"\w[\w'-]*", text))
    return frozenset(word for word in words if word not in ENGLISH_STOP_WORDS and len(word) > 1)


def _match_and_clash(values: Sequence[frozenset]) -> tuple[np.ndarray, np.ndarray]:
    """Where both sides have a value: 1 in the first matrix when they share an item, in the
    second when they share none; zero in both where either side is empty."""
    _, shared = _set_overlap([set(value) for value in values])
    present = np.array([bool(value) for value in values], dtype=float)
    both = present[:, None] * present[None, :]
    match = both * (shared > 0)
    return match, both - match


def _dates_clash(values: Sequence[str | None]) -> np.ndarray:
    """1 where both clauses give a calendar date (a TIMEX3 value with a year) and neither holds
    the other ("2013-04" holds "2013-04-02"; "2013-04-02" and "2013-05-07" clash); values
    without a year ("XXXX-WXX-2", a Tuesday) are no evidence."""
    dated = [(n, value) for n, value in enumerate(values) if value and value[:4].isdigit()]
    clash = np.zeros((len(values), len(values)))
    for k, (i, a) in enumerate(dated):
        for j, b in dated[k + 1:]:
            if not (a.startswith(b) or b.startswith(a)):
                clash[i, j] = clash[j, i] = 1.0
    return clash


def argument_features(mentions: Sequence[EventMention]) -> dict[str, np.ndarray]:
    """How the arguments of every two triggers' own clauses compare (``EventMention.arguments``):
    the doers share a word or share none ("police arrested" said of two forces), the patients
    likewise (two arrests of two different people), both give their own date and the dates
    differ, both name places and share one or none. An argument one side lacks is no evidence
    either way. (Figures of the clause were tried too: the role reading gives a figure only for
    a toll, none of the ECB+ tuning mentions has one, and reports of one attack differ in tolls.)"""
    empty = MentionArguments()
    arguments = [mention.arguments or empty for mention in mentions]
    doer_match, doer_clash = _match_and_clash([argument_words(a.doer) for a in arguments])
    patient_match, patient_clash = _match_and_clash([argument_words(a.patient) for a in arguments])
    time_clash = _dates_clash([a.when for a in arguments])
    place_match, place_clash = _match_and_clash([frozenset(p.lower() for p in a.places) for a in arguments])
    return {"doer_match": doer_match, "doer_clash": doer_clash, "patient_match": patient_match,
            "patient_clash": patient_clash, "time_clash": time_clash,
            "place_match": place_match, "place_clash": place_clash}


def pair_features(mentions: Sequence[EventMention], documents: DocumentSimilarity,
                  rarity: Mapping[str, float] | None = None, vectors: Vectors | None = None) -> dict[str, np.ndarray]:
    """Each feature as a symmetric matrix over the mentions (one cluster of documents at a time).

    ``rarity`` (from ``lemma_rarity`` over the whole corpus) defaults to the mentions given. The
    features only compare what a report says: its trigger's head and words, its sentence and
    the names, numbers and times in it, the other events of its sentence and of its document,
    and how WordNet relates two different heads; and, given ``vectors`` (``mention_vectors``),
    the cosine of the two triggers' contextual vectors and of the two sentences' vectors.
    """
    from rapidfuzz import process

    rarity = lemma_rarity(mentions) if rarity is None else rarity
    lemmas = [head_key(mention.lemma) for mention in mentions]
    triggers = [mention.trigger.lower() for mention in mentions]
    doc_ids = [mention.doc_id for mention in mentions]
    sentences = _cosine(_tfidf([mention.sentence for mention in mentions]))
    contexts = _cosine(_tfidf([_context(mention) for mention in mentions]))
    same_lemma = _same(lemmas)
    entities, shared_entities = _set_overlap(
        [{entity.lower() for entity in mention.entities} | {actor.lower() for actor in mention.actors}
         for mention in mentions])
    # the heads of the other events in a mention's sentence: "arrested ... for the shooting"
    # twice is stronger evidence that two "arrested" are one arrest
    in_sentence: dict[tuple[str, str], list[int]] = {}
    for n, mention in enumerate(mentions):
        in_sentence.setdefault((mention.doc_id, mention.sentence), []).append(n)
    neighbours, _ = _set_overlap([{lemmas[other] for other in in_sentence[(m.doc_id, m.sentence)] if other != n}
                                  for n, m in enumerate(mentions)])
    # each document as the bag of its events' heads: two reports of one happening name its parts alike
    doc_heads: dict[str, list[str]] = {}
    for doc_id, lemma in zip(doc_ids, lemmas, strict=True):
        doc_heads.setdefault(doc_id, []).append(lemma)
    ordered_docs = sorted(doc_heads)
    head_bags = _cosine(_tfidf_words([" ".join(doc_heads[d]) for d in ordered_docs]))
    position_of = {doc_id: n for n, doc_id in enumerate(ordered_docs)}
    doc_position = np.array([position_of[doc_id] for doc_id in doc_ids], dtype=int)
    rare = np.array([rarity.get(lemma, 1.0) for lemma in lemmas])
    # each head as the bag of the sentences it heads: "killed" and "murdered" in reports of one
    # shooting are said of one victim, with one weapon, in one place
    head_sentences: dict[str, list[str]] = {}
    for lemma, mention in zip(lemmas, mentions, strict=True):
        head_sentences.setdefault(lemma, []).append(mention.sentence)
    ordered_heads = sorted(head_sentences)
    head_bags_of = _cosine(_tfidf([" ".join(head_sentences[h]) for h in ordered_heads]))
    head_position = {head: n for n, head in enumerate(ordered_heads)}
    head_index = np.array([head_position[lemma] for lemma in lemmas], dtype=int)
    features = {
        "same_lemma": same_lemma,
        "lemma_similarity": process.cdist(lemmas, lemmas, scorer=Indel.normalized_similarity, dtype=np.float32)
                            .astype(float),
        "lemma_prefix": _word_family(lemmas),
        "trigger_similarity": process.cdist(triggers, triggers, scorer=Indel.normalized_similarity,
                                            dtype=np.float32).astype(float),
        "trigger_context": contexts,
        "sentence_similarity": sentences,
        "shared_entities": entities,
        "shared_entity_count": np.minimum(shared_entities, SHARED_ENTITIES_CAP) / SHARED_ENTITIES_CAP,
        "neighbour_lemmas": neighbours,
        "same_document": _same(doc_ids),
        "same_sentence": _same([(m.doc_id, m.sentence) for m in mentions]),
        "document_similarity": documents.among(doc_ids),
        "document_lemmas": head_bags[np.ix_(doc_position, doc_position)],
        "same_lemma_rarity": same_lemma * rare[:, None],
        "same_lemma_context": same_lemma * np.maximum(sentences, contexts),
        "head_association": np.maximum(head_bags_of[np.ix_(head_index, head_index)], same_lemma),
    }
    # different heads that WordNet relates ("die"/"death", "quake"/"earthquake", "murder" a kind
    # of "kill"): the surface features above cannot link them (dateline.fuse.lexicon)
    lexicon = default_lexicon()
    # spaCy's lemma first ("news"), the head key where WordNet lacks it ("dies" tagged as a noun)
    senses_of = [mention.lemma.lower() if mention.lemma.lower() in lexicon.words else lemma
                 for mention, lemma in zip(mentions, lemmas, strict=True)]
    for name, matrix in lexicon.pair_matrices(senses_of).items():
        if f"wn_{name}" in FEATURES:  # antonyms ("win"/"lose") are left out: no gain on the tuning topics
            features[f"wn_{name}"] = matrix
    features.update(argument_features(mentions))
    if vectors is not None:
        # the trigger's meaning in its sentence links different words for one happening, which
        # the surface features above cannot; it barely separates one word said of two happenings
        # (the trigger's vector is mostly its word: docs/quality.md, coreference section)
        features.update(_embedding_features(mentions, vectors))
    return features


def cluster_event_mentions(mentions: Sequence[EventMention], documents: Mapping[str, str],
                           config: FuseConfig = FuseConfig(),
                           document_clusters: Sequence[Sequence[str]] | None = None,
                           scorer: PairScorer | None = None, vectors: Vectors | None = None) -> list[list[str]]:
    """Clusters of mention ids, one per real event; every mention is in exactly one cluster.

    ``documents`` maps each doc id to its full text (used to group reports of one happening);
    ``document_clusters`` may be given instead of computing them (e.g. to measure the mention
    step alone). Mentions whose document is in no cluster form a cluster of their own document.
    ``scorer`` (default: the fitted one shipped with the package, with or without the embedding
    features as ``config.embeddings`` says) turns pair features into a coreference probability.
    A scorer that uses embeddings takes ``vectors`` (from ``mention_vectors``) when the caller
    has them; else they are computed here, for the mentions that share a block with another only.
    """
    scorer = scorer or default_scorer(config.embeddings)
    similarity = DocumentSimilarity.of(documents)  # once: it also groups the documents
    if document_clusters is None:
        document_clusters = cluster_documents(documents, config, similarity)
    rarity = lemma_rarity(mentions)
    cluster_of_doc = {doc_id: index for index, group in enumerate(document_clusters) for doc_id in group}
    blocks: dict[object, list[EventMention]] = {}
    for mention in mentions:
        blocks.setdefault(cluster_of_doc.get(mention.doc_id, ("alone", mention.doc_id)), []).append(mention)
    if scorer.needs_embeddings:
        paired = [m for block in blocks.values() if len(block) > 1 for m in block
                  if vectors is None or m.mention_id not in vectors]
        vectors = {**(vectors or {}), **mention_vectors(paired, config.embedding_threads)}
    else:
        vectors = None
    result: list[list[str]] = []
    for key in sorted(blocks, key=str):
        block = sorted(blocks[key], key=lambda mention: (mention.doc_id, mention.trigger_start, mention.mention_id))
        if len(block) == 1:
            result.append([block[0].mention_id])
            continue
        probability = scorer.probability(pair_features(block, similarity, rarity, vectors))
        cannot = incompatible_matrix(block, config)
        for group in average_link(probability, scorer.threshold if config.mention_threshold is None
                                  else config.mention_threshold, cannot):
            result.append([block[index].mention_id for index in group])
    return result

"""Every threshold and weight of cross-article event coreference, in one place.

The defaults were chosen on the tuning part of ECB+ (topics 1-35 less the usual dev topics 2, 5,
12, 18, 21, 23, 34, 35, which are kept as the check part); ``dateline eval coref`` prints the
figures of both parts. The pair scorer's weights and its threshold are in ``pair_scorer.json``
(``python -m dateline.eval.coref_train`` rebuilds them).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class FuseConfig:
    # documents: TF-IDF cosine, average-link; two documents share a cluster only when the average
    # similarity between their clusters is at least this
    document_threshold: float = 0.20
    # mentions: average-link merges two clusters only when their mean pair probability (from the
    # pair scorer, dateline.fuse.scorer) reaches this; None: the threshold fitted with the scorer
    mention_threshold: float | None = None
    # the pair scorer with contextual-embedding features (dateline.fuse.embeddings: a small
    # sentence encoder over each mention's sentence, run only for mentions that have a pair to
    # score), or the one without them; ``embedding_threads`` is torch's thread count for it
    embeddings: bool = False
    embedding_threads: int = 1
    # blocking: days of slack around each event's own date window, and how far apart two reports
    # may put one event, by the kind of place they name
    date_slack_days: int = 1
    place_radius_km: dict[str, float] = field(default_factory=lambda: {
        "facility": 5.0, "town": 30.0, "region": 300.0, "country": 1500.0,
    })


# --- fusing dateline's own events (dateline.fuse.events) -------------------------------------------
# PLOVER types (and ours) that reports of one happening give differently ("attacked" read as an
# assault in one outlet and as property damage in another) share a family; types not listed are
# a family of their own. Blocking never pairs events of different families.
TYPE_FAMILIES: dict[str, str] = {
    # a death whose report names no violence (DEATH) may be a killing another report tells
    "ASSAULT": "force", "DAMAGE": "force", "FIGHT": "force", "DEATH": "force",
    "CONSULT": "talks", "AGREE": "talks", "COOPERATE": "talks",
    "STATEMENT": "statement", "ACCUSE": "statement", "REQUEST": "statement", "REJECT": "statement",
    "THREATEN": "statement", "SUPPORT": "statement",
    "MOVEMENT": "movement", "TRANSPORT": "movement", "RETREAT": "movement", "DISPLACEMENT": "movement",
    "MOBILIZE": "movement",
    "AID": "aid", "HUMANITARIAN": "aid",
}


@dataclass(frozen=True)
class EventFusionConfig:
    """How dateline's own events are fused across articles: the coreference core's settings plus
    what only an extracted event carries (an inherited date, a place's feature code, actors)."""

    core: FuseConfig = field(default_factory=FuseConfig)
    type_families: dict[str, str] = field(default_factory=lambda: dict(TYPE_FAMILIES))
    # an event dated only by its article's publication day happened on that day or before it: the
    # window reaches back this many days ("the attack", reported the next morning)
    inherited_date_lookback_days: int = 3
    # two events whose doers are both named canonical entities, different, and neither among the
    # other's actors, are different events ("Qatar's envoy met" vs "Pakistan's envoy met")
    distinct_doers_apart: bool = True
    # likewise their targets: two arrests of two different named people in one story are two
    # arrests, however alike their sentences (the pair scorer's argument features weigh this
    # only weakly: on ECB+ reports name one participant in many ways, docs/quality.md)
    distinct_targets_apart: bool = True
    # the most specific places of two events in different countries: two events (an outbreak in
    # Angola and one in Zimbabwe), however close their capitals
    countries_apart: bool = True
    # a component (events linked by shared keys) larger than this is clustered in slices of
    # consecutive dates, so that one very common key cannot make the clustering cubic
    component_limit: int = 400
    # within one blocking key, each event is compared with at most this many earlier ones in
    # date order (those whose dates can overlap it), so that the pairs grow linearly with the
    # corpus (dateline.fuse.events.date_overlapping_pairs); links still chain through the others
    blocking_neighbourhood: int = 50
    # ... and where a date is vague (a window wider than vague_date_days: "in March", "this year";
    # or none), with at most this many: a vague date overlaps every report of its stretch, so the
    # cap above filled as the corpus grew denser, and the pairs grew faster than the corpus
    vague_neighbourhood: int = 10
    vague_date_days: int = 7

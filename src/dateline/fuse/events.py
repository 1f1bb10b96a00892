"""Fusing dateline's own events across articles: which extracted events are one real event.

Reads records, never text again: an event's trigger and sentence spans carry their words, its
date window, place and actors are fields. Three steps, all pure:

1. blocking keys (type family with the trigger's head, with a doer or target entity, with a
   place) link events that could be one; linked events that blocking leaves compatible (dates
   that can overlap given each one's precision, places within a distance that fits their kind,
   doers that do not exclude each other) form components;
2. each component is clustered by the coreference core (``cluster_event_mentions``): documents
   by TF-IDF of their event sentences, pairs by the fitted weights, average link with
   cannot-links, so two earthquakes are never chained into one;
3. each cluster becomes a ``FusedEvent`` with every report, a best date and place voted by
   independent articles, and the spread of what they said.

A component's clusters depend only on the events in it (its TF-IDF, rarities and document
clusters are its own), so fusing the components that changed since the last run gives what a
full recompute gives, whatever order the articles came in.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from dateline.fuse.config import EventFusionConfig
from dateline.fuse.coreference import cluster_event_mentions, head_key, incompatible, incompatible_matrix
from dateline.fuse.records import EventMention, FusedEvent, MentionArguments, PlacePoint, Report, Variant
from dateline.model import Event, Place

# GeoNames feature codes by how large an area they name (the kinds of FuseConfig.place_radius_km);
# continents, oceans and vast regions say nothing about where on them an event was
COUNTRY_CODES = ("PCLI", "PCLD", "PCLS", "PCLF", "PCL", "TERR")
WIDE_CODES = ("CONT", "OCN", "SEA", "RGN")
FACILITY_CLASSES = ("S",)
SPECIFICITY = {"facility": 3, "town": 2, "region": 1, "country": 0}


@dataclass(frozen=True)
class ArticleInfo:
    """What a report needs of its article: where and when it was published."""

    id: str
    outlet: str | None = None
    published: date | None = None
    title: str | None = None


def place_kind(place: Place) -> str | None:
    code, klass = place.feature_code or "", place.feature_class or ""
    if code in WIDE_CODES:
        return None
    if code in COUNTRY_CODES:
        return "country"
    if code == "ADM1" or klass in ("T", "H", "L"):
        return "region"
    if klass == "A":
        return "region"
    if klass in FACILITY_CLASSES:
        return "facility"
    return "town"


def event_place(event: Event) -> Place | None:
    """The event's most specific place with a point on the map."""
    located = [p for p in event.places if p.lat is not None and p.lon is not None and place_kind(p)]
    if not located:
        return None
    return max(located, key=lambda p: (SPECIFICITY[place_kind(p)], -event.places.index(p)))


def lend_sentence_places(events: Sequence[Event]) -> list[Event]:
    """Events without a place take the places of another event of their sentence ("Gunmen
    attacked a checkpoint in Mosul, killing four officers": the killing is in Mosul too), so that
    fusion never joins a placeless report to a like one elsewhere. One article alone decides it."""
    placed: dict[tuple[str, int], tuple] = {}
    for event in sorted(events, key=lambda e: (e.article_id, e.sentence.start, e.trigger.start, e.id)):
        if event_place(event) is not None:
            placed.setdefault((event.article_id, event.sentence.start), event.places)
    return [replace(e, places=placed[(e.article_id, e.sentence.start)], place_inherited=True)
            if not e.places and (e.article_id, e.sentence.start) in placed else e for e in events]


def _actor_ids(event: Event) -> tuple[str, ...]:
    actors = [event.source_actor, event.target_actor, *event.other_actors]
    return tuple(dict.fromkeys(a.entity_id or a.text.lower() for a in actors if a is not None))


def type_family(event_type: str, config: EventFusionConfig) -> str:
    return config.type_families.get(event_type, event_type)


def event_arguments(event: Event) -> MentionArguments:
    """The arguments of an event's own clause, from the fields the record carries (no parse):
    doer and patient as the role reading gave them, the date only when its clause
    names one, the places only when its clause names them."""
    return MentionArguments(
        doer=event.source_actor.text if event.source_actor else None,
        patient=event.target_actor.text if event.target_actor else None,
        when=None if event.date_inherited else event.date_value,
        places=() if event.place_inherited else tuple(dict.fromkeys(p.name for p in event.places)),
    )


def mention_for_event(event: Event, config: EventFusionConfig = EventFusionConfig()) -> EventMention:
    """The coreference core's view of an extracted event."""
    start = max(0, event.trigger.start - event.sentence.start)
    end = min(len(event.sentence.text), max(start, event.trigger.end - event.sentence.start))
    words = event.trigger.text.split()
    date_start, date_end = event.date_start, event.date_end or event.date_start
    if event.date_inherited and date_start is not None:
        date_start = date_start - timedelta(days=config.inherited_date_lookback_days)
    place = event_place(event)
    return EventMention(
        mention_id=event.id, doc_id=event.article_id, sentence=event.sentence.text, trigger=event.trigger.text,
        trigger_start=start, trigger_end=end, lemma=head_key(words[-1] if words else event.type),
        type_family=type_family(event.type, config),
        date_start=date_start.isoformat() if date_start else None,
        date_end=date_end.isoformat() if date_end else None,
        place=PlacePoint(place.name, place.lat, place.lon, place_kind(place)) if place else None,
        actors=_actor_ids(event),
        arguments=event_arguments(event),
    )


def _doers_apart(first: Event, second: Event) -> bool:
    return _named_apart(first.source_actor, second.source_actor, first, second)


def _targets_apart(first: Event, second: Event) -> bool:
    return _named_apart(first.target_actor, second.target_actor, first, second)


def _named_apart(a_actor, b_actor, first: Event, second: Event) -> bool:
    """Both actors of a role are named canonical entities, different, and neither is among the
    other event's actors ("arrested A and B" vs "arrested B and A" stay compatible)."""
    a = a_actor.entity_id if a_actor else None
    b = b_actor.entity_id if b_actor else None
    if not (a and b) or a == b:
        return False
    return a not in _actor_ids(second) and b not in _actor_ids(first)


def events_apart(first: Event, second: Event, mentions: Mapping[str, EventMention],
                 config: EventFusionConfig) -> bool:
    """Blocking: two events that cannot be one, whatever their words say."""
    return incompatible(mentions[first.id], mentions[second.id], config.core) or _apart_beyond_core(
        first, second, _country_code(first), _country_code(second), config)


def _country_code(event: Event) -> str | None:
    place = event_place(event)
    return place.country_code if place is not None else None


def _apart_beyond_core(first: Event, second: Event, first_country: str | None, second_country: str | None,
                       config: EventFusionConfig) -> bool:
    """What the coreference core does not see: countries, and canonical doers and targets."""
    if config.countries_apart and first_country and second_country and first_country != second_country:
        return True
    return (config.distinct_doers_apart and _doers_apart(first, second)) or (
        config.distinct_targets_apart and _targets_apart(first, second))


def blocking_keys(event: Event, mention: EventMention) -> list[tuple[str, str]]:
    family = mention.type_family or event.type
    keys = [(family, f"head:{mention.lemma}")]
    for actor in (event.source_actor, event.target_actor):
        if actor is not None and actor.entity_id:
            keys.append((family, f"actor:{actor.entity_id}"))
    if mention.place is not None:
        keys.append((family, f"place:{mention.place.name.lower()}"))
    return keys


def _window(mention: EventMention) -> tuple[date, date] | None:
    try:
        start = date.fromisoformat(mention.date_start) if mention.date_start else None
        end = date.fromisoformat(mention.date_end) if mention.date_end else start
    except ValueError:
        return None
    return (start, end) if start and end else None


def date_overlapping_pairs(ids: Sequence[str], mentions: Mapping[str, EventMention], slack_days: int,
                           neighbourhood: int | None = None, vague_neighbourhood: int | None = None,
                           vague_days: int = 7) -> Iterator[tuple[str, str]]:
    """The pairs of ``ids`` whose date windows can overlap (with the slack), each once.

    A sweep over the windows in order of their start: an event is compared only with the earlier
    ones whose window (plus the slack) reaches its start, so a key shared by a year of daily
    reports costs the pairs of about one day's reports, not of the whole year (the pairs it skips
    are the ones ``incompatible`` would reject for their dates).

    ``neighbourhood`` (None: no limit) bounds the comparisons of each event to that many earlier
    ones, the latest to start (a sorted neighbourhood). ``vague_neighbourhood`` (None: no other
    limit) bounds them further where a date is vague, a window wider than ``vague_days`` or no
    date at all: a vague event is compared with that many of the latest earlier events, and a
    precise one with that many of the latest vague ones (besides every precise one in reach).
    A date known only to the month or the year overlaps every report of that stretch, so without
    this bound a key's vague reports were compared with as many others as the key's density
    allowed, and the pairs grew faster than the corpus; the pairs of precise dates grow with the
    number of reports per day, which does not. Links still chain through the events compared.
    An undated event is compared with the other undated ones under these bounds, and with the
    dated ones only where they are no more than ``neighbourhood``: with no date nothing says
    which of many it is."""
    windows = {i: _window(mentions[i]) for i in ids}
    undated = [i for i in ids if windows[i] is None]
    dated = sorted((i for i in ids if windows[i] is not None), key=lambda i: (windows[i][0], i))
    limit = neighbourhood if neighbourhood is not None else len(ids)
    vague_limit = min(limit, vague_neighbourhood) if vague_neighbourhood is not None else limit
    for n, current in enumerate(undated):
        for earlier in undated[max(0, n - vague_limit):n]:
            yield earlier, current
        if len(dated) <= limit:
            for other in dated:
                yield current, other
    slack = timedelta(days=slack_days)

    def vague(event_id: str) -> bool:
        start, end = windows[event_id]
        return (end - start).days > vague_days

    active: list[str] = []  # earlier events whose window may still reach a later start
    for current in dated:
        start = windows[current][0]
        active = [i for i in active[-limit:] if windows[i][1] + slack >= start]
        if vague(current):
            compared = active[-vague_limit:]
        else:
            vague_ones = [i for i in active if vague(i)][-vague_limit:]
            compared = [i for i in active if not vague(i) or i in vague_ones]
        for earlier in compared:
            yield earlier, current
        active.append(current)


def candidate_pairs(events: Sequence[Event], mentions: Mapping[str, EventMention],
                    config: EventFusionConfig = EventFusionConfig()) -> Iterator[tuple[str, str]]:
    """Pairs of events that share a blocking key and whose dates can overlap, each event with
    at most ``config.blocking_neighbourhood`` earlier ones of a key, and at most
    ``config.vague_neighbourhood`` where a date is vague (a pair sharing several keys comes once
    per key)."""
    groups: dict[tuple[str, str], list[str]] = {}
    for event in events:
        for key in blocking_keys(event, mentions[event.id]):
            groups.setdefault(key, []).append(event.id)
    for key in sorted(groups):
        yield from date_overlapping_pairs(sorted(set(groups[key])), mentions, config.core.date_slack_days,
                                          config.blocking_neighbourhood, config.vague_neighbourhood,
                                          config.vague_date_days)


def components(events: Sequence[Event], config: EventFusionConfig = EventFusionConfig()) -> list[list[str]]:
    """Groups of event ids that blocking links (directly or through others), each sorted, in
    order of their first id: the units fusion clusters one at a time."""
    mentions = {e.id: mention_for_event(e, config) for e in events}
    by_id = {e.id: e for e in events}
    parent = {e.id: e.id for e in events}

    def find(item: str) -> str:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for first, second in candidate_pairs(events, mentions, config):
        if find(first) != find(second) and not events_apart(by_id[first], by_id[second], mentions, config):
            parent[max(find(first), find(second))] = min(find(first), find(second))
    found: dict[str, list[str]] = {}
    for event_id in sorted(parent):
        found.setdefault(find(event_id), []).append(event_id)
    return sorted(found.values(), key=lambda ids: ids[0])


def _slices(events: list[Event], limit: int) -> list[list[Event]]:
    """A too-large component in slices of consecutive dates (undated last), each at most ``limit``."""
    ordered = sorted(events, key=lambda e: (e.date_start is None, e.date_start or date.min, e.id))
    return [ordered[start:start + limit] for start in range(0, len(ordered), limit)]


def cluster_component(events: Sequence[Event], config: EventFusionConfig = EventFusionConfig()) -> list[list[str]]:
    """Clusters (sorted event ids) of one component: one per real event."""
    events = sorted(events, key=lambda e: e.id)
    if len(events) == 1:
        return [[events[0].id]]
    result: list[list[str]] = []
    for part in _slices(events, config.component_limit):
        mentions = [mention_for_event(e, config) for e in part]
        by_id = {e.id: e for e in part}
        # the article as fusion sees it: the sentences its events were read from
        documents: dict[str, list[str]] = {}
        for event in sorted(part, key=lambda e: (e.article_id, e.sentence.start)):
            sentences = documents.setdefault(event.article_id, [])
            if event.sentence.text not in sentences:
                sentences.append(event.sentence.text)
        clusters = cluster_event_mentions(mentions, {k: " ".join(v) for k, v in documents.items()}, config.core)
        for cluster in clusters:
            result.extend(_split_apart([by_id[i] for i in cluster], config))
    return sorted((sorted(c) for c in result), key=lambda c: c[0])


def _split_apart(events: list[Event], config: EventFusionConfig) -> list[list[str]]:
    """The core knows dates and distances, not canonical doers or countries: a cluster holding
    two events that blocking keeps apart is split, each event joining the first part it fits."""
    if len(events) < 2:
        return [[e.id for e in events]]
    events = sorted(events, key=lambda e: e.id)
    # the core's test for all pairs at once (a cluster of a long story holds hundreds of reports);
    # the rest pair by pair, each event's country read once
    core = incompatible_matrix([mention_for_event(e, config) for e in events], config.core)
    countries = [_country_code(e) for e in events]
    parts: list[list[int]] = []
    for n, event in enumerate(events):
        for part in parts:
            if not any(core[n, other] or _apart_beyond_core(event, events[other], countries[n], countries[other], config)
                       for other in part):
                part.append(n)
                break
        else:
            parts.append([n])
    return [[events[n].id for n in part] for part in parts]


def fused_id(event_ids: Iterable[str]) -> str:
    """A fused event's id: from its first member, so it stays while later reports join."""
    return "fe" + hashlib.sha1(min(event_ids).encode()).hexdigest()[:18]


# --- one cluster as a fused event -------------------------------------------------------------------


def report_of(event: Event, article: ArticleInfo | None) -> Report:
    place = event_place(event) or (event.places[0] if event.places else None)
    return Report(
        event_id=event.id, article_id=event.article_id, outlet=article.outlet if article else None,
        published=article.published if article else None, type=event.type, trigger=event.trigger,
        sentence=event.sentence, date_value=event.date_value, date_start=event.date_start, date_end=event.date_end,
        date_inherited=event.date_inherited, date_span=event.date_span, place=place.name if place else None,
        place_span=place.span if place else None, modality=event.modality,
        attribution=event.attribution.source if event.attribution else None, quantities=event.quantities,
        actor_ids=tuple(dict.fromkeys(a.entity_id for a in (event.source_actor, event.target_actor, *event.other_actors)
                                      if a is not None and a.entity_id)),
    )


def _quantity_text(quantity) -> str:
    return f"{quantity.qualifier + ' ' if quantity.qualifier else ''}{quantity.value:g} {quantity.unit}"


def _variants(name: str, values: Sequence[tuple[str | None, Event]]) -> list[Variant]:
    found: dict[str, list[Event]] = {}
    for value, event in values:
        if value:
            found.setdefault(value, []).append(event)
    return [Variant(name, value, tuple(e.id for e in found[value]), tuple(dict.fromkeys(e.article_id for e in found[value])))
            for value in sorted(found, key=lambda v: (-len({e.article_id for e in found[v]}), v))]


def _window_days(event: Event) -> int:
    if event.date_start is None:
        return 10**6
    return ((event.date_end or event.date_start) - event.date_start).days


def best_date(events: Sequence[Event]) -> tuple[Event | None, tuple[str, ...]]:
    """The date most independent articles give, read from their text before the article's own
    date; ties go to the narrowest window, then the earliest."""
    dated = [e for e in events if e.date_value and not e.date_inherited] or [e for e in events if e.date_value]
    if not dated:
        return None, ()
    by_value: dict[str, list[Event]] = {}
    for event in dated:
        by_value.setdefault(event.date_value, []).append(event)

    def rank(value: str):
        group = by_value[value]
        return (-len({e.article_id for e in group}), min(_window_days(e) for e in group),
                min(e.date_start or date.max for e in group), value)

    winner = min(by_value, key=rank)
    group = sorted(by_value[winner], key=lambda e: (_window_days(e), e.id))
    return group[0], tuple(e.id for e in by_value[winner])


def best_place(events: Sequence[Event]) -> tuple[Place | None, tuple[str, ...]]:
    """The place most independent articles give; ties go to the most specific kind, then the name."""
    by_name: dict[str, list[tuple[Event, Place]]] = {}
    for event in events:
        place = event_place(event)
        if place is not None:
            by_name.setdefault(place.name, []).append((event, place))
    if not by_name:
        return None, ()

    def rank(name: str):
        group = by_name[name]
        return (-len({e.article_id for e, _ in group}), -SPECIFICITY[place_kind(group[0][1])], name)

    winner = min(by_name, key=rank)
    return by_name[winner][0][1], tuple(e.id for e, _ in by_name[winner])


def fused_event(events: Sequence[Event], articles: Mapping[str, ArticleInfo]) -> FusedEvent:
    """A cluster of events as one fused event (pure: the same events give the same record)."""
    events = sorted(lend_sentence_places(events), key=lambda e: e.id)
    events = sorted(events, key=lambda e: (articles.get(e.article_id, ArticleInfo(e.article_id)).published or date.max,
                                           e.article_id, e.trigger.start, e.id))
    dated, date_support = best_date(events)
    place, place_support = best_place(events)
    types = _variants("type", [(e.type, e) for e in events])
    variants = [*_variants("date", [(e.date_value if not e.date_inherited else None, e) for e in events]),
                *_variants("place", [((event_place(e) or Place(e.places[0].span, e.places[0].name)).name
                                      if e.places else None, e) for e in events]),
                *types, *_variants("modality", [(e.modality, e) for e in events])]
    categories = sorted({q.category or q.unit for e in events for q in e.quantities})
    for category in categories:
        variants += _variants(f"quantity:{category}", [(_quantity_text(q), e) for e in events for q in e.quantities
                                                       if (q.category or q.unit) == category])
    return FusedEvent(
        id=fused_id(e.id for e in events), type=types[0].value if types else events[0].type,
        reports=tuple(report_of(e, articles.get(e.article_id)) for e in events),
        date_value=dated.date_value if dated else None, date_start=dated.date_start if dated else None,
        date_end=(dated.date_end or dated.date_start) if dated else None, date_support=date_support,
        place=place, place_support=place_support, variants=tuple(variants),
    )


# --- the whole step, incremental ----------------------------------------------------------------------


@dataclass(frozen=True)
class FusionPlan:
    """What a fusion run changes: the clusters of the components that changed (``clusters``),
    and the ids of the events whose old clusters they replace (``replaced``)."""

    clusters: list[list[str]]
    replaced: set[str]
    components: int  # components in all
    reclustered: int  # components clustered this run


def plan_fusion(events: Sequence[Event], previous: Mapping[str, str] | None = None,
                config: EventFusionConfig = EventFusionConfig()) -> FusionPlan:
    """Cluster every component whose events are not exactly covered by earlier clusters.

    ``previous`` maps event id -> id of the cluster it was in (empty or None: recompute all).
    A component is kept when each of its events was in a cluster and those clusters hold exactly
    the component's events (no member gone, none outside it)."""
    previous = previous or {}
    events = lend_sentence_places(events)
    members_of: dict[str, set[str]] = {}
    for event_id, cluster in previous.items():
        members_of.setdefault(cluster, set()).add(event_id)
    by_id = {e.id: e for e in events}
    found = components(events, config)
    clusters: list[list[str]] = []
    replaced: set[str] = set()
    reclustered = 0
    for component in found:
        ids = set(component)
        old = {previous.get(i) for i in component}
        if None not in old and set().union(*(members_of[c] for c in old)) == ids:
            continue
        reclustered += 1
        for cluster in old - {None}:
            replaced |= members_of[cluster]
        replaced |= ids
        clusters.extend(cluster_component([by_id[i] for i in component], config))
    return FusionPlan(clusters, replaced, len(found), reclustered)


def fuse_events(events: Sequence[Event], articles: Mapping[str, ArticleInfo],
                config: EventFusionConfig = EventFusionConfig()) -> list[FusedEvent]:
    """Every event in exactly one fused event (in memory, from scratch: tests, evaluations)."""
    events = lend_sentence_places(events)
    by_id = {e.id: e for e in events}
    plan = plan_fusion(events, None, config)
    fused = [fused_event([by_id[i] for i in cluster], articles) for cluster in plan.clusters]
    return sorted(fused, key=lambda f: (f.date_start is None, f.date_start or date.min, f.id))


"""The records passed between stages.

Every record that says something about an article carries the character span(s) of the
words it came from, so a reader can always be shown the evidence. Offsets are into
``Article.text`` (Python string indices, end exclusive).

Ownership: each stage owns its records below. A stage may add optional fields (with
defaults) to its own records; it never changes another stage's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

# --- the fixed value sets, one place for the store, the API and the exports -----------------

# where an article's publication date came from
PublishedSource = Literal["header", "metadata", "inferred", "none"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
# how a place was put on the map: by the gazetteer, by falling back to a place that contains it,
# or not at all
PlaceResolution = Literal["gazetteer", "contained-in", "unresolved"]
EntityKind = Literal[
    "person", "government", "military", "armed_group", "political_party", "igo", "ngo", "media", "country",
    "organisation",
]
Modality = Literal["reported", "claimed", "denied", "planned", "expected"]
ExtractionStatus = Literal["done", "failed", "duplicate", "language"]


@dataclass(frozen=True)
class Span:
    """A piece of an article's text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


# --- ingest -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Article:
    id: str  # hex sha256 of the normalised text: the same text always gets the same id
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    published_source: PublishedSource = "none"
    published_confidence: float = 0.0
    language: str | None = None
    ingested_at: datetime | None = None
    origin: str | None = None  # file (and line or entry) it was read from
    duplicate_of: str | None = None  # id of the article this one (nearly) repeats
    meta: dict = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class SearchHit:
    """An article found by a full-text search, with its score and the matching words."""

    article: Article
    score: float
    snippet: str  # the best matching passage, matches in [brackets]


@dataclass(frozen=True)
class Rejection:
    """An input the ingest could not take, with a reason a user can act on."""

    origin: str  # file, and line or entry where there is one
    reason: str


# --- time ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Timex:
    """A time expression normalised to a TIMEX3 value."""

    span: Span
    type: TimexType
    value: str  # TIMEX3 value: 2021-09-03, 2021-09-03TNI, 2021-W35, 2021-08, 199X, P2W, PAST_REF ...
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, MORE_THAN, LESS_THAN ...
    anchor: str | None = None  # the date the value was resolved against (DCT or narrative)
    # the calendar days the expression covers, where it covers a known stretch
    range_start: date | None = None
    range_end: date | None = None


# --- geo ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """A toponym in the text and where it is on the map."""

    span: Span
    name: str  # the resolved place's name (the text, when unresolved)
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    feature_class: str | None = None  # GeoNames class: P populated place, A admin, T terrain, S spot ...
    feature_code: str | None = None
    geonames_id: int | None = None
    population: int | None = None
    confidence: float = 0.0
    resolution: PlaceResolution = "unresolved"
    reason: str | None = None

    @property
    def names_a_state(self) -> bool:
        """A country or a national capital: a name that can stand for its government
        ("Pakistan accused Afghanistan", "Washington imposed sanctions"); a town cannot."""
        code = self.feature_code or ""
        return code.startswith("PCL") or code == "PPLC"


# --- entities -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Role:
    """A title or office an entity holds, as of an article's date."""

    title: str  # "First Vice President", "former Vice President"
    as_of: date | None
    article_id: str | None
    evidence: Span | None = None


@dataclass(frozen=True)
class Mention:
    """One mention of an entity in one article."""

    span: Span
    label: str  # spaCy label or the rule that found it: PERSON, ORG, NORP, GPE, DESCRIPTION ...
    # the entity it refers to: the article's own entity key (``ArticleEntity.key``) as the map
    # step writes it, the canonical entity's id once the reduce step has linked them
    entity_id: str | None = None
    kind: EntityKind | None = None


@dataclass(frozen=True)
class Entity:
    """A canonical actor across articles."""

    id: str
    name: str
    kind: EntityKind
    aliases: tuple[str, ...] = ()
    country_code: str | None = None
    roles: tuple[Role, ...] = ()


@dataclass(frozen=True)
class ArticleEntity:
    """An actor as one article names it: what the map step (one article alone) knows of it.
    The reduce step ties the article entities of a whole corpus to canonical ``Entity`` ids."""

    key: str  # "<first 16 characters of the article id>:<n>", unique in a store
    article_id: str
    kind: EntityKind
    names: tuple[str, ...]  # as written, fullest first
    aliases: tuple[str, ...] = ()  # acronyms and other forms the article gives
    country_code: str | None = None
    known: str | None = None  # name of the curated or user actor it matched
    fixed_id: str | None = None  # an id the lexicon fixes ("country:qa", "military:af")
    article_only: bool = False  # "the Ministry of Health" of no known country: this article's own
    roles: tuple[Role, ...] = ()

    @property
    def name(self) -> str:
        return self.names[0]


# --- events ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str  # "districts", "percent", "security personnel", "C-17 loads"
    span: Span
    qualifier: str | None = None  # "more than", "up to", "nearly", "about"
    category: str | None = None  # fatalities, injured, displaced, territory, equipment, people ...


@dataclass(frozen=True)
class Attribution:
    """Who asserts an event, and through which channel."""

    source: str  # the words naming the source: "a Taliban spokesman"
    span: Span
    entity_id: str | None = None
    channel: str | None = None  # "told CNN", "Twitter post", "statement", "video message", "news briefing"
    channel_span: Span | None = None
    # where a pronoun or description ("he", "the group") was resolved to an earlier name,
    # the name's words; ``source`` then holds that name and ``span`` the pronoun
    antecedent: Span | None = None
    # a second-hand relay around the speaker: "Hekmatyar told supporters ..., according to
    # Afghan media" has source "Hekmatyar" and via "Afghan media"
    via: str | None = None
    via_span: Span | None = None
    verb: Span | None = None  # the reporting verb or phrase: "told", "said", "according to"


@dataclass(frozen=True)
class Actor:
    text: str
    span: Span
    entity_id: str | None = None
    role: str | None = None  # "source" or "target", or a finer role


@dataclass(frozen=True)
class Event:
    id: str
    article_id: str
    type: str  # PLOVER type or one of ours (TRANSPORT, HUMANITARIAN, STATEMENT ...)
    trigger: Span
    sentence: Span
    acled_type: str | None = None
    acled_subtype: str | None = None
    source_actor: Actor | None = None
    target_actor: Actor | None = None
    other_actors: tuple[Actor, ...] = ()
    # when: a TIMEX3 value and the calendar range it covers
    date_value: str | None = None
    date_start: date | None = None
    date_end: date | None = None
    date_span: Span | None = None
    date_inherited: bool = False  # True when taken from the article date, not from the text
    places: tuple[Place, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    attribution: Attribution | None = None
    modality: Modality = "reported"
    hedged: bool = False
    confidence: float = 0.0
    # the clause the event was read from (one event per trigger clause) and the lexicon cue
    clause: Span | None = None
    cue: str | None = None
    # True when the event's own clause names no place and the places are those of the rest of
    # the sentence (outside every other event's clause) or of the same kind of event just before
    # (an episode told over several sentences)
    place_inherited: bool = False
    # why the confidence is what it is: "date inherited from the article", "no actor named",
    # "headline or caption" ...; low-confidence events are marked here, never dropped
    notes: tuple[str, ...] = ()
    # which component gave the ACLED type and sub-type: "lexicon" (the cue word alone),
    # "classifier" (the learned event-type classifier, where the cue gives none or leaves it
    # open), "lexicon+classifier" (both agree); and the classifier's probability of that sub-type
    acled_source: str | None = None
    acled_confidence: float | None = None


@dataclass(frozen=True)
class Claim:
    """One source's figure for something several sources count differently."""

    about: str  # what is counted: "districts captured by the Taliban"
    value: float
    unit: str
    by: str  # who says so
    span: Span
    article_id: str
    qualifier: str | None = None
    event_id: str | None = None
    by_span: Span | None = None  # the words naming who says so
    by_entity_id: str | None = None
    category: str | None = None  # the quantity's category: territory, fatalities ...
    id: str | None = None  # given by the store: the same claim always gets the same id


# --- the map step's output ---------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleRecords:
    """Everything the map step reads out of one article alone: what the store writes for it and
    the reduce step (canonical entities, fusion) reads back. Entity references in mentions,
    actors, attributions and claims are the article's own entity keys."""

    article_id: str
    timexes: tuple[Timex, ...] = ()
    places: tuple[Place, ...] = ()
    entities: tuple[ArticleEntity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()

"""The record the fusion stage clusters: one mention of an event in one article.

It is deliberately small and not tied to any corpus: the ECB+ reader (``dateline.eval.coref``)
fills it from gold markables, and the pipeline will fill it from dateline's own ``Event``
records (trigger, sentence, date, place, actors). Every optional field that is left empty is
simply not used as evidence; an empty field never separates two mentions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dateline.model import Place, Quantity, Span


@dataclass(frozen=True)
class PlacePoint:
    """Where an event happened, as far as its report says: a name, a point and the kind of place.

    ``kind`` decides how far apart two reports of one event may put it (a town is a point, a
    country a large area): see ``FuseConfig.place_radius_km``.
    """

    name: str
    lat: float | None = None
    lon: float | None = None
    kind: str = "town"  # town | region | country | facility


@dataclass(frozen=True)
class EventMention:
    """One event mention: its trigger in its sentence, in its document, with optional arguments.

    ``date_start``/``date_end`` are the first and last day (ISO ``YYYY-MM-DD``) the event's date
    may cover, so a date known only to the month spans the whole month: the date window respects
    each event's own precision. ``entities`` are names, numbers and times read in the sentence
    (for ECB+ from spaCy's entity recogniser), used as shared-argument evidence.
    """

    mention_id: str
    doc_id: str
    sentence: str
    trigger: str
    trigger_start: int  # character offsets of the trigger in ``sentence``
    trigger_end: int
    lemma: str  # the trigger's head lemma, lower case
    type_family: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    place: PlacePoint | None = None
    actors: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    # the trigger's own arguments as dateline's role reading gives them (``mention_arguments``):
    # who did it, to whom, and the time and places of its own clause; they tell apart
    # two happenings told with one word ("arrested" said of two different people)
    arguments: MentionArguments | None = None


@dataclass(frozen=True)
class MentionArguments:
    """What an event's own clause says of it, as words (compared word by word across reports,
    so "Lohan" and "Lindsay Lohan" agree). Empty fields are no evidence either way."""

    doer: str | None = None
    patient: str | None = None
    when: str | None = None  # a TIMEX3 value read in the clause itself (not the article's date)
    places: tuple[str, ...] = ()  # place names of the clause itself (not lent by another clause)


# --- what fusion makes of dateline's own events --------------------------------------------------


@dataclass(frozen=True)
class Report:
    """One source report of a fused event: one extracted event of one article, with the article's
    outlet and date, and the words every field was read from."""

    event_id: str
    article_id: str
    outlet: str | None
    published: date | None
    type: str
    trigger: Span
    sentence: Span
    date_value: str | None = None
    date_start: date | None = None
    date_end: date | None = None
    date_inherited: bool = False
    date_span: Span | None = None
    place: str | None = None
    place_span: Span | None = None
    modality: str = "reported"
    attribution: str | None = None
    quantities: tuple[Quantity, ...] = ()
    actor_ids: tuple[str, ...] = ()  # canonical entity ids of the doer, the target and the others


@dataclass(frozen=True)
class Variant:
    """One value some reports gave for a field of the fused event, and which reports gave it.
    ``field`` is "date", "place", "type", "modality" or "quantity:<category>"."""

    field: str
    value: str
    event_ids: tuple[str, ...]
    article_ids: tuple[str, ...]


@dataclass(frozen=True)
class FusedEvent:
    """One real-world event with every report of it: the best date and place (with the reports
    that support them) and the spread of what the reports said (``variants``)."""

    id: str
    type: str
    reports: tuple[Report, ...]
    date_value: str | None = None
    date_start: date | None = None
    date_end: date | None = None
    date_support: tuple[str, ...] = ()  # event ids of the reports giving the best date
    place: Place | None = None
    place_support: tuple[str, ...] = ()
    variants: tuple[Variant, ...] = ()

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.article_id for r in self.reports))

    @property
    def sources(self) -> int:
        """Independent sources: distinct articles reporting it."""
        return len(self.article_ids)


@dataclass(frozen=True)
class ClaimSide:
    """One source's figure in a group of claims about one thing."""

    value: float
    unit: str
    by: str  # who says so (the attribution, else the outlet)
    article_id: str
    evidence: Span
    qualifier: str | None = None
    outlet: str | None = None
    published: date | None = None
    event_id: str | None = None
    claim_id: str | None = None
    modality: str | None = None

    @property
    def figure(self) -> str:
        return f"{self.qualifier + ' ' if self.qualifier else ''}{self.value:g} {self.unit}"


@dataclass(frozen=True)
class ClaimGroup:
    """Claims about the same thing (one fused event's toll, or one measure such as districts
    captured) across articles; a contradiction when sources' figures or modalities disagree."""

    id: str
    about: str
    unit: str
    sides: tuple[ClaimSide, ...]
    contradiction: bool
    category: str | None = None
    fused_event_id: str | None = None

    @property
    def agreement(self) -> str:
        """"3 sources: 90 percent" when they agree, else each figure with its number of sources."""
        figures: dict[str, set[str]] = {}
        for side in self.sides:
            figures.setdefault(side.figure, set()).add(side.by.lower() or side.article_id)
        return "; ".join(f"{len(by)} source{'s' if len(by) > 1 else ''}: {figure}" for figure, by in figures.items())

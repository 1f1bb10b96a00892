"""The record the fusion stage clusters: one mention of an event in one article.

It is deliberately small and not tied to any corpus: the ECB+ reader (``dateline.eval.coref``)
fills it from gold markables, and the pipeline will fill it from dateline's own ``Event``
records (trigger, sentence, date, place, actors). Every optional field that is left empty is
simply not used as evidence; an empty field never separates two mentions.
"""

from __future__ import annotations

from dataclasses import dataclass


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

"""The API's response bodies: the records of ``dateline.model`` themselves (pydantic reads
their dataclasses, so the API's schema is the one ``serialise`` and the exports use), wrapped in
pages, and the few shapes the API adds (counts, evidence, errors, write results)."""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, Field

from dateline.model import Article, Claim, Entity, Event, Rejection, Span
from dateline.store.entities import EntitySummary

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a longer list: ``items`` from ``offset`` on, and ``total`` matches. When
    ``total_exact`` is false, ``total`` is a lower bound ("at least"): an event list counts its
    matches only where that costs little (a filter of type, dates and country only, whose
    counts the store keeps) or ``exact_total=true`` asks; otherwise it reads one event past
    the page, and ``total`` is ``offset + limit + 1`` when there is one (the next page is not
    empty), exact when there is none."""

    total: int = Field(description="Matches of the list when total_exact is true; otherwise a lower bound "
                                   "(offset + limit + 1: the list goes on past this page).")
    total_exact: bool = Field(True, description="Whether total is the number of matches or only a lower bound "
                                                "(an event list asked without exact_total, whose filter the "
                                                "store keeps no counts for).")
    limit: int
    offset: int
    items: list[T]


class Evidence(BaseModel):
    """One field of an event and the words of the article it was read from (offsets into the
    article's text, Python string indices, end exclusive)."""

    field: str  # trigger, sentence, source_actor, places[0], quantities[1], attribution.channel ...
    start: int
    end: int
    text: str


class EventDetail(BaseModel):
    """An event as read from one report, with the article it came from and every evidence span."""

    event: Event
    article: Article | None
    evidence: list[Evidence]
    claims: list[Claim]


class EntityDetail(BaseModel):
    entity: Entity
    events: Page[Event]  # the first events it takes part in or is the source of


class Bucket(BaseModel):
    key: str  # a day (YYYY-MM-DD), a type, a modality, an outlet, an ISO country code or a place name
    count: int
    lat: float | None = None  # a place's point and country (by=place only)
    lon: float | None = None
    country: str | None = None


class Counts(BaseModel):
    """How many events match the filters per ``by``, for charts."""

    by: str
    total: int  # events matching the filters, counted to 10,000 at most unless exact_total (then total_exact false)
    total_exact: bool = True
    buckets: list[Bucket]


class IngestResult(BaseModel):
    read: int
    new: int
    duplicates: int
    rejected: list[Rejection]
    extracted: int | None = None  # articles read for events, when extraction was asked for


class EntityCorrection(BaseModel):
    """An entity to add or correct, appended to the user's entities file (read by the next
    ``dateline extract``): the same fields as ``dateline-entities.yaml``."""

    name: str = Field(min_length=1, max_length=200, pattern=r"^[^\x00-\x1f]*\S[^\x00-\x1f]*$")
    kind: str = Field("organisation", max_length=24)
    aliases: list[str] = Field(default_factory=list, max_length=50)
    country: str | None = Field(None, pattern=r"^[A-Za-z]{2}$")
    id: str | None = Field(None, max_length=200, pattern=r"^[a-z_]+:[^\x00-\x1f\s]+$")


class CorrectionResult(BaseModel):
    file: str
    entities: int  # entities in the file now
    added: EntityCorrection


class ErrorBody(BaseModel):
    """Every error: a one-line message; ``detail`` lists the parameters a request got wrong."""

    error: str
    status: int
    detail: list[dict] | None = None


__all__ = ["Article", "Bucket", "Claim", "CorrectionResult", "Counts", "Entity", "EntityCorrection", "EntityDetail",
           "EntitySummary", "ErrorBody", "Event", "EventDetail", "Evidence", "IngestResult", "Page", "Span"]

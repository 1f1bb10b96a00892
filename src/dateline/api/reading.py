"""The read-only endpoints: articles, events, entities, places, claims, counts for charts.

Every list is paged (``limit``, ``offset``) and bounded; every record is the store's own
(``dateline.model``), as ``dateline events --format jsonl`` writes it.
"""

from __future__ import annotations

import inspect
import json
from typing import Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response

from dateline.api.params import MAX_OFFSET, MAX_PAGE, TOTAL_CAP, event_page_filter, filter_fields
from dateline.api.responses import Counts, EntityDetail, EventDetail, Evidence, Page
from dateline.model import Article, ArticleRecords, Claim, EntityKind, Event, SearchHit, Span
from dateline.store import EventFilter, FilterError, Store
from dateline.store.entities import EntitySummary
from dateline.store.filters import MAX_TEXT
from dateline.store.gazetteer import PlaceRow

router = APIRouter(prefix="/api")
ID = {"max_length": 200}


def get_store(request: Request) -> Store:
    return request.app.state.store


def _no_nul(name: str, value: str | None) -> str | None:
    if value is not None and "\x00" in value:
        raise FilterError(f"{name}: a NUL character cannot be in it")
    return value


# --- articles ----------------------------------------------------------------------------------


@router.get("/articles", response_model=Page[Article], summary="Articles, newest first")
def list_articles(
    limit: int = Query(20, ge=0, le=MAX_PAGE), offset: int = Query(0, ge=0, le=MAX_OFFSET),
    originals_only: bool = Query(False, description="Leave out near duplicates."),
    store: Store = Depends(get_store),
):
    items = store.articles(limit, offset=offset, originals_only=originals_only)
    return Page[Article](total=store.count_articles(), limit=limit, offset=offset, items=items)


@router.get("/search", response_model=Page[SearchHit], summary="Full-text search over articles")
def search_articles(
    q: str = Query(..., min_length=1, max_length=500,
                   description='Words, "a phrase", OR, -word (web-search style).'),
    limit: int = Query(20, ge=0, le=200), offset: int = Query(0, ge=0, le=1000),
    store: Store = Depends(get_store),
):
    """Best first, each with its score and the best matching passage (matches in [brackets]);
    ``total`` is the number of hits up to ``offset + limit``."""
    hits = store.search(_no_nul("q", q), limit=offset + limit)
    return Page[SearchHit](total=len(hits), limit=limit, offset=offset, items=hits[offset:])


@router.get("/articles/{article_id}", response_model=Article, summary="One article, with its text")
def get_article(article_id: str, store: Store = Depends(get_store)):
    """The article with this id (or a unique id prefix of at least 6 characters), with its full
    text: the offsets of every evidence span point into ``text``."""
    article = store.get_article(_no_nul("article_id", article_id)[:64])
    if article is None:
        raise HTTPException(404, f"no article {article_id[:80]!r}")
    return article


@router.get("/articles/{article_id}/records", response_model=ArticleRecords,
            summary="Everything extraction read out of one article")
def get_article_records(article_id: str, store: Store = Depends(get_store)):
    article = store.get_article(_no_nul("article_id", article_id)[:64])
    if article is None:
        raise HTTPException(404, f"no article {article_id[:80]!r}")
    return store.article_records(article.id)


# --- events ----------------------------------------------------------------------------------------
# TODO(fusion): fused events (one per real-world event, with its reports) come with the fusion
# store methods; these endpoints serve events as read from each report.


EXACT_TOTAL = Query(False, description="Count every match. By default a list counts its matches only when that costs "
                                       "little (a filter of type, dates and country only); otherwise total_exact is "
                                       "false and total is a lower bound: offset + limit + 1 when a match follows "
                                       "the page.")
EXACT_COUNT_TOTAL = Query(False, description=f"Count every match; by default counting stops past {TOTAL_CAP:,} "
                                             "(total_exact false: 'at least total').")


@router.get("/events", response_model=Page[Event], summary="Events, filtered, sorted and paged")
def list_events(query: EventFilter = Depends(event_page_filter), exact_total: bool = EXACT_TOTAL,
                store: Store = Depends(get_store)):
    """The filters of ``dateline events``; ``items`` is the page. ``total`` counts the matches
    when ``total_exact`` is true; otherwise the list is longer than the page and ``total`` is
    a lower bound (``exact_total=true`` counts them all, which takes seconds on a large store)."""
    page = store.event_page_documents(query, exact_total=exact_total)
    return page_of_documents(Page[Event](total=page.total, total_exact=page.total_exact, limit=query.limit,
                                         offset=query.offset, items=[]), page.documents)


def quick_answers(store: Store) -> dict:
    """For ``api.shortcut``: per path, whether a request's checked values make a quick answer,
    to be run on the event loop, where a slow one would hold up every other request of the
    process. On SQLite only (a PostgreSQL query waits on another process, and its wait is better
    spent answering others): an event page that is one index range read in list order
    (``Store.page_reads_one_range``), chart counts summed from the tallies. A value the store
    refuses is the endpoint's to answer, in a thread as before."""
    if store.engine.dialect.name != "sqlite":
        return {}

    def filter_of(values: dict) -> dict:
        return filter_fields(**{name: values[name] for name in FILTER_FIELDS})

    def events(values: dict) -> bool:
        if values["exact_total"]:
            return False
        try:
            query = EventFilter(**filter_of(values), limit=values["limit"], offset=values["offset"],
                                sort=values["sort"])
        except FilterError:
            return False
        return store.page_reads_one_range(query)

    def counts(values: dict) -> bool:
        try:
            query = EventFilter(**filter_of(values))
        except FilterError:
            return False
        return store.counts_are_kept(query, (values["by"],))

    return {"/api/events": events, "/api/counts": counts}


FILTER_FIELDS = tuple(inspect.signature(filter_fields).parameters)


def page_of_documents(empty: Page, documents: list[str]) -> Response:
    """A page whose items are JSON documents already written (``store.documents``): pydantic
    writes the page around no items, and the documents go between the brackets of its ``items``
    (the last field), the bytes ``json_body`` would give for the page of records."""
    if empty.items:
        raise ValueError("page_of_documents: a page with no items")
    return documents_into(empty, documents)


def documents_into(model, documents: list[str]) -> Response:
    """The model's JSON as pydantic writes it, whose last field is a page with no items yet
    (the model itself or its last field's), with the documents between that page's brackets: the
    bytes ``json_body`` would give for the model holding the records."""
    head = model.model_dump_json()
    closing = '"items":[]}' if isinstance(model, Page) else '"items":[]}}'
    if not head.endswith(closing):
        raise ValueError("documents_into: a model whose last field is a page with no items")
    body = "".join((head[:-(len(closing) - len('"items":['))], ",".join(documents), closing[len('"items":['):]))
    return Response(content=body.encode(), media_type="application/json")


def json_body(model, **options) -> Response:
    """The model's JSON, written by pydantic in one pass: the hot lists skip FastAPI's check of a
    response it built itself and its dict-then-JSON encoding (a page of 50 events on the
    1M-event store: 30 -> 24 ms of CPU, client included); ``response_model`` still documents
    the body."""
    return Response(content=model.model_dump_json(**options), media_type="application/json")


def evidence_of(event: Event) -> list[Evidence]:
    """Every span of an event, named by the field it supports, in the order of the text."""
    found: list[tuple[str, Span | None]] = [
        ("trigger", event.trigger), ("sentence", event.sentence), ("clause", event.clause), ("date", event.date_span),
        ("source_actor", event.source_actor.span if event.source_actor else None),
        ("target_actor", event.target_actor.span if event.target_actor else None),
    ]
    found += [(f"other_actors[{n}]", actor.span) for n, actor in enumerate(event.other_actors)]
    found += [(f"places[{n}]", place.span) for n, place in enumerate(event.places)]
    found += [(f"quantities[{n}]", quantity.span) for n, quantity in enumerate(event.quantities)]
    a = event.attribution
    if a is not None:
        found += [("attribution", a.span), ("attribution.channel", a.channel_span),
                  ("attribution.antecedent", a.antecedent), ("attribution.via", a.via_span),
                  ("attribution.verb", a.verb)]
    spans = [Evidence(field=name, start=s.start, end=s.end, text=s.text) for name, s in found if s is not None]
    return sorted(spans, key=lambda e: (e.start, -e.end))


@router.get("/events/{event_id}", response_model=EventDetail, summary="One event, its article and evidence")
def get_event(event_id: str, store: Store = Depends(get_store)):
    event = store.event(_no_nul("event_id", event_id)[:80])
    if event is None:
        raise HTTPException(404, f"no event {event_id[:80]!r}")
    return EventDetail(event=event, article=store.get_article(event.article_id), evidence=evidence_of(event),
                       claims=store.claims(event_id=event.id, limit=200))


@router.get("/counts", response_model=Counts, response_model_exclude_none=True,
            summary="Event counts by day, type, country or place, for charts")
def count_events(
    by: Literal["day", "type", "acled_type", "modality", "outlet", "country", "place"] = Query("day"),
    fields: dict = Depends(filter_fields),
    limit: int = Query(5000, ge=1, le=100_000, description="At most this many buckets (the largest; by day the first)."),
    exact_total: bool = EXACT_COUNT_TOTAL,
    store: Store = Depends(get_store),
):
    """The same filters as ``/api/events``. An event placed in two countries counts once in
    each; an undated event has no day. A place's bucket has its point (``lat``, ``lon``) and
    ``country``: two places of one name are two buckets."""
    query = EventFilter(**fields)
    kept = store.counts_are_kept(query)  # the tallies' total is exact and costs a few hundred rows
    rows, total = store.chart_counts(query, by=by, limit=limit, total_cap=None if exact_total or kept else TOTAL_CAP)
    exact = exact_total or kept or total <= TOTAL_CAP
    if by != "place":
        return Response(content=counts_json(by, total if exact else TOTAL_CAP, exact, rows),
                        media_type="application/json")
    # plain dicts, checked by the Counts model once (a Bucket built per row cost as much again)
    buckets = [{"key": row["name"], "count": row["events"], "lat": row["lat"], "lon": row["lon"],
                "country": row["country"]} for row in rows]
    return json_body(Counts(by=by, total=total if exact else TOTAL_CAP, total_exact=exact, buckets=buckets),
                     exclude_none=True)


def counts_json(by: str, total: int, exact: bool, rows: list[dict]) -> str:
    """The ``Counts`` JSON of buckets that are a text key and a count, as pydantic writes it
    (compact, UTF-8 as is), written by the json module from the rows: a year by day is 365
    buckets, and checking each against the model before writing it cost about 1 ms of CPU
    (tests/api/test_reading.py compares the two)."""
    buckets = [{"key": _key(row[by]), "count": row["events"]} for row in rows]
    return json.dumps({"by": by, "total": total, "total_exact": exact, "buckets": buckets},
                      separators=(",", ":"), ensure_ascii=False)


def _key(value) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


# --- entities, places, claims ----------------------------------------------------------------------


@router.get("/entities", response_model=Page[EntitySummary], summary="Actors, the most mentioned first")
def list_entities(
    kind: EntityKind | None = Query(None), name: str | None = Query(None, max_length=MAX_TEXT),
    limit: int = Query(50, ge=0, le=MAX_PAGE), offset: int = Query(0, ge=0, le=MAX_OFFSET),
    store: Store = Depends(get_store),
):
    """Canonical entities with their dated roles (``entity.roles``: title, as of, article and
    evidence span), mention and article counts."""
    items = store.entities(kind=kind, name=name, limit=limit, offset=offset)
    total = store.count_entities(kind=kind, name=name)
    return Page[EntitySummary](total=total, limit=limit, offset=offset, items=items)


@router.get("/entities/{entity_id:path}", response_model=EntityDetail, summary="One actor, its roles and events")
def get_entity(entity_id: str, limit: int = Query(20, ge=0, le=MAX_PAGE), offset: int = Query(0, ge=0, le=MAX_OFFSET),
               store: Store = Depends(get_store)):
    entity = store.entity(_no_nul("entity_id", entity_id)[:200])
    if entity is None:
        raise HTTPException(404, f"no entity {entity_id[:80]!r}")
    # the page's kept documents (``store.documents``), as the event list reads them, where its
    # events were read back from their rows (five statements) and serialised again
    page = store.event_page_documents(EventFilter(actor=entity.id, limit=limit, offset=offset))
    events = Page[Event](total=page.total, total_exact=page.total_exact, limit=limit, offset=offset, items=[])
    return documents_into(EntityDetail(entity=entity, events=events), page.documents)


@router.get("/places", response_model=list[PlaceRow], summary="Places the articles name, most mentioned first")
def list_places(
    name: str | None = Query(None, max_length=MAX_TEXT), country: str | None = Query(None, max_length=MAX_TEXT),
    limit: int = Query(50, ge=0, le=MAX_PAGE), store: Store = Depends(get_store),
):
    return store.places(name=name, country=country, limit=limit)


@router.get("/claims", response_model=list[Claim], summary="Figures sources give differently, with who says so")
def list_claims(
    article_id: str | None = Query(None, **ID), event_id: str | None = Query(None, **ID),
    limit: int = Query(100, ge=0, le=MAX_PAGE), offset: int = Query(0, ge=0, le=MAX_OFFSET),
    store: Store = Depends(get_store),
):
    # TODO(fusion): claim groups and contradictions across reports come with the fusion store methods
    return store.claims(article_id=_no_nul("article_id", article_id), event_id=_no_nul("event_id", event_id),
                        limit=limit, offset=offset)

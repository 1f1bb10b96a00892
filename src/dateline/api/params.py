"""The query parameters of event lists, counts and downloads: the filters of ``dateline
events``, bounded, turned into one ``EventFilter`` (which checks them again)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from fastapi import Depends, Query

from dateline.store.filters import MAX_LIMIT, MAX_TEXT, EventFilter, FilterError

MAX_PAGE = 1000  # events in one page of the API
MAX_OFFSET = 10_000_000
# matches counted for a page's total, at most, unless exact_total is asked for: past it the total
# says "at least" (an exact count of half a million matches takes seconds; a page, milliseconds)
TOTAL_CAP = 10_000
Sort = Literal["date", "-date", "confidence", "-confidence", "type", "-type"]
TEXT = {"max_length": MAX_TEXT}


def parse_bbox(raw: str | None) -> tuple[float, float, float, float] | None:
    if raw is None or not raw.strip():
        return None
    try:
        west, south, east, north = (float(x) for x in raw.split(","))
    except ValueError:
        raise FilterError(f"bbox: west,south,east,north in degrees (got {raw[:60]!r})") from None
    return west, south, east, north


def filter_fields(
    type: str | None = Query(None, description="Event type: ASSAULT, CONSULT, TRANSPORT ...", **TEXT),
    acled_type: str | None = Query(None, description="ACLED event type: Battles, Protests ...", **TEXT),
    actor: str | None = Query(None, description="Words or canonical entity id of an actor (or of the source).", **TEXT),
    place: str | None = Query(None, description="Words of a place name.", **TEXT),
    country: str | None = Query(None, description="ISO code of a place's country (AF).", **TEXT),
    bbox: str | None = Query(None, description="west,south,east,north in degrees: events with a place inside.",
                             max_length=100),
    since: date | None = Query(None, description="Events whose days reach this date or later (YYYY-MM-DD)."),
    until: date | None = Query(None, description="Events whose days begin on this date or earlier."),
    modality: str | None = Query(None, description="reported, claimed, denied, planned or expected.", **TEXT),
    article_id: str | None = Query(None, description="Only the events of this article.", **TEXT),
    min_confidence: float | None = Query(None, ge=0, le=1, description="Hide events below this confidence."),
) -> dict:
    return {"type": type, "acled_type": acled_type, "actor": actor, "place": place, "country": country,
            "bbox": parse_bbox(bbox), "since": since, "until": until, "modality": modality,
            "article_id": article_id, "min_confidence": min_confidence}


def event_page_filter(
    fields: dict = Depends(filter_fields),
    limit: int = Query(50, ge=0, le=MAX_PAGE, description="Events in the page."),
    offset: int = Query(0, ge=0, le=MAX_OFFSET, description="Events skipped before the page."),
    sort: Sort = Query("date", description="date (undated last), confidence or type; '-' first: descending."),
) -> EventFilter:
    return EventFilter(**fields, limit=limit, offset=offset, sort=sort)


def export_filter(
    fields: dict = Depends(filter_fields),
    limit: int | None = Query(None, ge=0, le=MAX_LIMIT, description="At most this many records (default: all)."),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    sort: Sort = Query("date"),
) -> EventFilter:
    return EventFilter(**fields, limit=limit, offset=offset, sort=sort)

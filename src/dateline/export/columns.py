"""The flat rows an export writes: which columns, of which type, made from which record.

Events have three column sets:

- ``dateline``: ``serialise.EVENT_COLUMNS``, the columns of ``dateline events --format csv``
  (documented in the README);
- ``acled``: ACLED's export columns for what we can fill (``event_id_cnty``, ``event_date``,
  ``time_precision``, ``event_type``, ``sub_event_type``, ``actor1``, ``actor2``, ``iso``,
  ``country``, ``admin1``, ``location``, ``latitude``, ``longitude``, ``geo_precision``,
  ``source``, ``notes``, ``fatalities``): see ``ACLED_COLUMNS`` for where each comes from;
- ``plover``: POLECAT's (PLOVER-coded event data) column names, snake-cased, for what we fill.

Entities, places and claims have one column set each. Every column has a type (``str``,
``int``, ``float``, ``bool``, ``date``), so Parquet gets a typed schema and GeoJSON numbers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import pycountry

from dateline.model import Claim, Event
from dateline.serialise import EVENT_COLUMNS, event_row

COLUMN_SETS = ("dateline", "acled", "plover")


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = "str"  # str, int, float, bool, date
    about: str = ""  # where the value comes from (the ACLED and PLOVER mappings)


_DATELINE_KINDS = {"latitude": "float", "longitude": "float", "confidence": "float", "date_inherited": "bool",
                   "hedged": "bool", "date_start": "date", "date_end": "date"}
DATELINE_COLUMNS = [Column(name, _DATELINE_KINDS.get(name, "str")) for name in EVENT_COLUMNS]

ACLED_COLUMNS = [
    Column("event_id_cnty", "str", "the event's id"),
    Column("event_date", "date", "the first day the event covers (date_start)"),
    Column("time_precision", "int", "1 a day, 2 a week or a stretch of up to 31 days, 3 longer (ACLED's codes)"),
    Column("event_type", "str", "ACLED event type, where one applies (acled_type)"),
    Column("sub_event_type", "str", "ACLED sub-event type (acled_subtype)"),
    Column("actor1", "str", "the source actor: its canonical entity's name, else the words naming it"),
    Column("actor2", "str", "the target actor, likewise"),
    Column("iso", "int", "ISO 3166 numeric code of the first placed country"),
    Column("country", "str", "that country's name"),
    Column("admin1", "str", "the first placed place's first-order region"),
    Column("location", "str", "the first placed place's name"),
    Column("latitude", "float", "its latitude"),
    Column("longitude", "float", "its longitude"),
    Column("geo_precision", "int", "1 a town or a spot, 2 a region or a district, 3 a country or wider"),
    Column("source", "str", "the outlet that published the report"),
    Column("notes", "str", "the sentence the event was read from, and who says so"),
    Column("fatalities", "int", "the largest fatalities figure given for the event, 0 when none"),
]

PLOVER_COLUMNS = [
    Column("event_id", "str", "the event's id"),
    Column("event_date", "date", "the first day the event covers"),
    Column("event_type", "str", "PLOVER type (or one of dateline's: TRANSPORT, HUMANITARIAN, STATEMENT ...)"),
    Column("event_mode", "str", "the ACLED sub-type where one applies (PLOVER modes are not coded)"),
    Column("modality", "str", "reported, claimed, denied, planned or expected"),
    Column("actor_name", "str", "the source actor: canonical name, else its words"),
    Column("actor_country", "str", "its country (ISO alpha-2), where the entity has one"),
    Column("recipient_name", "str", "the target actor: canonical name, else its words"),
    Column("recipient_country", "str", "its country"),
    Column("placename", "str", "the first placed place's name"),
    Column("country", "str", "its country (ISO alpha-2)"),
    Column("latitude", "float", "its latitude"),
    Column("longitude", "float", "its longitude"),
    Column("geonames_id", "int", "its GeoNames id"),
    Column("source", "str", "the outlet"),
    Column("publication_date", "date", "the article's publication date"),
    Column("headline", "str", "the article's title"),
    Column("text", "str", "the sentence the event was read from"),
]

ENTITY_COLUMNS = [Column("id"), Column("name"), Column("kind"), Column("country_code"), Column("aliases"),
                  Column("roles"), Column("mentions", "int"), Column("articles", "int")]
PLACE_COLUMNS = [Column("name"), Column("latitude", "float"), Column("longitude", "float"), Column("country_code"),
                 Column("admin1"), Column("feature_code"), Column("geonames_id", "int"), Column("resolution"),
                 Column("mentions", "int"), Column("articles", "int"), Column("confidence", "float"),
                 Column("written_as")]
CLAIM_COLUMNS = [Column("id"), Column("article_id"), Column("event_id"), Column("about"), Column("value", "float"),
                 Column("unit"), Column("qualifier"), Column("category"), Column("by"), Column("by_entity_id"),
                 Column("words"), Column("start", "int"), Column("end", "int")]

EVENT_COLUMN_SETS = {"dateline": DATELINE_COLUMNS, "acled": ACLED_COLUMNS, "plover": PLOVER_COLUMNS}


@lru_cache(maxsize=512)
def _country(code: str | None):
    if not code:
        return None
    return pycountry.countries.get(alpha_2=code.upper())


def _time_precision(event: Event) -> int | None:
    if event.date_start is None:
        return None
    days = ((event.date_end or event.date_start) - event.date_start).days + 1
    return 1 if days <= 1 else 2 if days <= 31 else 3


def _geo_precision(feature_code: str | None) -> int:
    code = feature_code or ""
    if code.startswith("PCL") or code in ("CONT", "RGN"):
        return 3
    return 2 if code.startswith("ADM") else 1


def _fatalities(event: Event) -> int:
    figures = [q.value for q in event.quantities if q.category == "fatalities"]
    return int(max(figures)) if figures else 0


class Lookups:
    """What a row needs from outside its event (the article's outlet and title, an entity's
    name), read once per article and entity."""

    def __init__(self, store):
        self.store = store
        self._articles: dict = {}
        self._entities: dict = {}

    def article(self, article_id: str):
        if article_id not in self._articles:
            self._articles[article_id] = self.store.get_article(article_id)
        return self._articles[article_id]

    def entity(self, entity_id: str | None):
        if not entity_id:
            return None
        if entity_id not in self._entities:
            self._entities[entity_id] = self.store.entity(entity_id)
        return self._entities[entity_id]

    def actor_name(self, actor) -> str | None:
        if actor is None:
            return None
        entity = self.entity(actor.entity_id)
        return entity.name if entity else actor.text

    def actor_country(self, actor) -> str | None:
        entity = self.entity(actor.entity_id) if actor else None
        return entity.country_code if entity else None


def _first_point(event: Event):
    return next((p for p in event.places if p.lat is not None and p.lon is not None), None)


def acled_row(event: Event, lookups: Lookups) -> dict:
    point = _first_point(event)
    country = _country(point.country_code if point else None)
    article = lookups.article(event.article_id)
    notes = event.sentence.text
    if event.attribution is not None:
        notes += f" (according to {event.attribution.source})"
    return {
        "event_id_cnty": event.id, "event_date": event.date_start, "time_precision": _time_precision(event),
        "event_type": event.acled_type, "sub_event_type": event.acled_subtype,
        "actor1": lookups.actor_name(event.source_actor), "actor2": lookups.actor_name(event.target_actor),
        "iso": int(country.numeric) if country else None, "country": country.name if country else None,
        "admin1": point.admin1 if point else None, "location": point.name if point else None,
        "latitude": point.lat if point else None, "longitude": point.lon if point else None,
        "geo_precision": _geo_precision(point.feature_code) if point else None,
        "source": article.outlet if article else None, "notes": notes, "fatalities": _fatalities(event),
    }


def plover_row(event: Event, lookups: Lookups) -> dict:
    point = _first_point(event)
    article = lookups.article(event.article_id)
    return {
        "event_id": event.id, "event_date": event.date_start, "event_type": event.type,
        "event_mode": event.acled_subtype, "modality": event.modality,
        "actor_name": lookups.actor_name(event.source_actor), "actor_country": lookups.actor_country(event.source_actor),
        "recipient_name": lookups.actor_name(event.target_actor),
        "recipient_country": lookups.actor_country(event.target_actor),
        "placename": point.name if point else None, "country": point.country_code if point else None,
        "latitude": point.lat if point else None, "longitude": point.lon if point else None,
        "geonames_id": point.geonames_id if point else None,
        "source": article.outlet if article else None, "publication_date": article.published if article else None,
        "headline": article.title if article else None, "text": event.sentence.text,
    }


def dateline_row(event: Event, lookups: Lookups) -> dict:
    row = event_row(event)
    for name in ("date_start", "date_end"):
        row[name] = getattr(event, name)
    return row


EVENT_ROW_MAKERS: dict[str, Callable[[Event, Lookups], dict]] = {
    "dateline": dateline_row, "acled": acled_row, "plover": plover_row,
}


def entity_row(summary) -> dict:
    entity = summary.entity
    roles = "; ".join(f"{r.title} ({r.as_of})" if r.as_of else r.title for r in entity.roles)
    return {"id": entity.id, "name": entity.name, "kind": entity.kind, "country_code": entity.country_code,
            "aliases": "; ".join(entity.aliases), "roles": roles, "mentions": summary.mentions,
            "articles": summary.articles}


def place_row(place) -> dict:
    return {"name": place.name, "latitude": place.lat, "longitude": place.lon, "country_code": place.country_code,
            "admin1": place.admin1, "feature_code": place.feature_code, "geonames_id": place.geonames_id,
            "resolution": place.resolution, "mentions": place.mentions, "articles": place.articles,
            "confidence": place.confidence, "written_as": "; ".join(place.texts)}


def claim_row(claim: Claim) -> dict:
    return {"id": claim.id, "article_id": claim.article_id, "event_id": claim.event_id, "about": claim.about,
            "value": claim.value, "unit": claim.unit, "qualifier": claim.qualifier, "category": claim.category,
            "by": claim.by, "by_entity_id": claim.by_entity_id, "words": claim.span.text, "start": claim.span.start,
            "end": claim.span.end}


def typed(row: dict, columns: list[Column]) -> dict:
    """The row with every value of its column's type, or None ("" from a flat row is None)."""
    out = {}
    for column in columns:
        value = row.get(column.name)
        if value == "" or value is None:
            value = None if column.kind != "str" or value is None else ""
        elif column.kind == "float":
            value = float(value)
        elif column.kind == "int":
            value = int(value)
        elif column.kind == "bool":
            value = bool(value)
        elif column.kind == "date" and not isinstance(value, date):
            value = date.fromisoformat(str(value))
        out[column.name] = value
    return out

"""Tables for what the pipeline reads out of articles: processed marks, events with one row per
argument and its evidence span, timexes, places, mentions, entities and their roles, claims.

SQLAlchemy Core, so the same tables work on SQLite and PostgreSQL. The tables are created by
the store's migration mechanism (``create_event_tables`` is the migration step); each event
is also kept whole as JSON (``record``) so that it comes back exactly as it was written.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Engine,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    and_,
    delete,
    exists,
    func,
    or_,
    select,
)
from sqlalchemy.engine import Connection

from dateline.model import Actor, Attribution, Claim, Entity, Event, Mention, Place, Quantity, Role, Span, Timex

MIGRATION_NAME = "events_001_tables"

metadata = MetaData()

processed_articles = Table(
    "processed_articles",
    metadata,
    Column("article_id", String(64), primary_key=True),
    Column("status", String(16), nullable=False),  # done, failed, duplicate
    Column("error", Text),
    Column("events", Integer, nullable=False, default=0),
    Column("processed_at", DateTime(timezone=True)),
)

events = Table(
    "events",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("article_id", String(64), nullable=False, index=True),
    Column("type", String(24), nullable=False, index=True),
    Column("acled_type", String(64)),
    Column("acled_subtype", String(80)),
    Column("trigger_text", Text, nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("source_text", Text),
    Column("source_entity_id", String(200), index=True),
    Column("target_text", Text),
    Column("target_entity_id", String(200), index=True),
    Column("date", String(40)),
    Column("date_start", Date, index=True),
    Column("date_end", Date, index=True),
    Column("date_inherited", Boolean, nullable=False, default=False),
    Column("places_text", Text),  # the place names, for filtering and listing
    Column("attribution_source", Text),
    Column("modality", String(16), nullable=False, index=True),
    Column("hedged", Boolean, nullable=False, default=False),
    Column("confidence", Float, nullable=False),
    Column("record", Text, nullable=False),  # the whole Event as JSON
)

event_arguments = Table(
    "event_arguments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(40), nullable=False, index=True),
    Column("article_id", String(64), nullable=False, index=True),
    # trigger, sentence, clause, source, target, other:<role>, date, place, quantity,
    # attribution, attribution-channel, attribution-via
    Column("role", String(40), nullable=False),
    Column("text", Text),
    Column("entity_id", String(200), index=True),
    Column("value", Text),  # a date value, a place name, a count, a unit ...
    Column("start", Integer),
    Column("end", Integer),
)

timexes = Table(
    "timexes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(64), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", String(12), nullable=False),
    Column("value", String(60), nullable=False),
    Column("mod", String(20)),
    Column("anchor", String(40)),
    Column("range_start", Date),
    Column("range_end", Date),
)

places = Table(
    "places",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(64), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("lat", Float),
    Column("lon", Float),
    Column("country_code", String(4)),
    Column("admin1", Text),
    Column("feature_code", String(12)),
    Column("geonames_id", Integer),
    Column("confidence", Float),
    Column("resolution", String(20)),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(64), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("label", String(20), nullable=False),
    Column("entity_id", String(200), index=True),
    Column("kind", String(24)),
)

entities = Table(
    "entities",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(24), nullable=False),
    Column("aliases", Text),  # JSON list
    Column("country_code", String(4)),
)

entity_roles = Table(
    "entity_roles",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entity_id", String(200), nullable=False, index=True),
    Column("title", Text, nullable=False),
    Column("as_of", Date),
    Column("article_id", String(64)),
    Column("start", Integer),
    Column("end", Integer),
    Column("text", Text),
)

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(64), nullable=False, index=True),
    Column("event_id", String(40), index=True),
    Column("about", Text, nullable=False),
    Column("value", Float, nullable=False),
    Column("unit", Text, nullable=False),
    Column("qualifier", String(40)),
    Column("by", Text, nullable=False),
    Column("by_entity_id", String(200)),
    Column("category", String(40)),
    Column("record", Text, nullable=False),
)

PER_ARTICLE_TABLES = (event_arguments, events, timexes, places, mentions, claims)


def create_event_tables(connection: Connection) -> None:
    """The migration step: create the tables (and their indexes) that do not exist yet."""
    metadata.create_all(connection, checkfirst=True)


def ensure_event_tables(engine: Engine) -> None:
    """For stores opened before the migration was registered: same effect, idempotent."""
    with engine.begin() as connection:
        create_event_tables(connection)


# --- records <-> JSON --------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def record_to_dict(record: Any) -> dict:
    return _plain(record)


def _span(raw: dict | None) -> Span | None:
    return Span(**raw) if raw else None


def _day(raw: str | None) -> date | None:
    return date.fromisoformat(raw) if raw else None


def _actor(raw: dict | None) -> Actor | None:
    if not raw:
        return None
    return Actor(text=raw["text"], span=_span(raw["span"]), entity_id=raw.get("entity_id"), role=raw.get("role"))


def _place(raw: dict) -> Place:
    fields = {f.name for f in dataclasses.fields(Place)}
    data = {k: v for k, v in raw.items() if k in fields}
    data["span"] = _span(raw["span"])
    return Place(**data)


def _quantity(raw: dict) -> Quantity:
    fields = {f.name for f in dataclasses.fields(Quantity)}
    data = {k: v for k, v in raw.items() if k in fields}
    data["span"] = _span(raw["span"])
    return Quantity(**data)


def _attribution(raw: dict | None) -> Attribution | None:
    if not raw:
        return None
    fields = {f.name for f in dataclasses.fields(Attribution)}
    data = {k: v for k, v in raw.items() if k in fields}
    for key in ("span", "channel_span", "antecedent", "via_span", "verb"):
        if key in data:
            data[key] = _span(data[key])
    return Attribution(**data)


def event_from_dict(raw: dict) -> Event:
    fields = {f.name for f in dataclasses.fields(Event)}
    data = {k: v for k, v in raw.items() if k in fields}
    for key in ("trigger", "sentence", "date_span", "clause"):
        if key in data:
            data[key] = _span(data[key])
    for key in ("date_start", "date_end"):
        if key in data:
            data[key] = _day(data[key])
    data["source_actor"] = _actor(data.get("source_actor"))
    data["target_actor"] = _actor(data.get("target_actor"))
    data["other_actors"] = tuple(_actor(a) for a in data.get("other_actors") or ())
    data["places"] = tuple(_place(p) for p in data.get("places") or ())
    data["quantities"] = tuple(_quantity(q) for q in data.get("quantities") or ())
    data["attribution"] = _attribution(data.get("attribution"))
    data["notes"] = tuple(data.get("notes") or ())
    return Event(**data)


# --- writing -----------------------------------------------------------------------------------------


def _argument_rows(event: Event) -> list[dict]:
    """One row per field with the words it came from: every field links to its evidence."""
    rows = []

    def add(role: str, span: Span | None, text: str | None = None, entity_id: str | None = None, value: Any = None):
        rows.append({
            "event_id": event.id,
            "article_id": event.article_id,
            "role": role,
            "text": text if text is not None else (span.text if span else None),
            "entity_id": entity_id,
            "value": None if value is None else str(value),
            "start": span.start if span else None,
            "end": span.end if span else None,
        })

    add("trigger", event.trigger, value=event.type)
    add("sentence", event.sentence)
    if event.clause is not None:
        add("clause", event.clause)
    for actor, role in ((event.source_actor, "source"), (event.target_actor, "target")):
        if actor is not None:
            add(role, actor.span, actor.text, actor.entity_id)
    for actor in event.other_actors:
        add(f"other:{actor.role or 'actor'}", actor.span, actor.text, actor.entity_id)
    if event.date is not None:
        add("date", event.date_span, value=event.date)
    for place in event.places:
        add("place", place.span, place.span.text, value=place.name)
    for quantity in event.quantities:
        add("quantity", quantity.span, value=f"{quantity.qualifier + ' ' if quantity.qualifier else ''}{quantity.value:g} {quantity.unit}")
    if event.attribution is not None:
        a = event.attribution
        add("attribution", a.span, a.source, a.entity_id)
        if a.channel_span is not None:
            add("attribution-channel", a.channel_span, value=a.channel)
        if a.via_span is not None:
            add("attribution-via", a.via_span, a.via)
    return rows


def _event_row(event: Event) -> dict:
    return {
        "id": event.id,
        "article_id": event.article_id,
        "type": event.type,
        "acled_type": event.acled_type,
        "acled_subtype": event.acled_subtype,
        "trigger_text": event.trigger.text,
        "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end,
        "sentence_start": event.sentence.start,
        "sentence_end": event.sentence.end,
        "source_text": event.source_actor.text if event.source_actor else None,
        "source_entity_id": event.source_actor.entity_id if event.source_actor else None,
        "target_text": event.target_actor.text if event.target_actor else None,
        "target_entity_id": event.target_actor.entity_id if event.target_actor else None,
        "date": event.date,
        "date_start": event.date_start,
        "date_end": event.date_end,
        "date_inherited": event.date_inherited,
        "places_text": "; ".join(dict.fromkeys(p.name for p in event.places)) or None,
        "attribution_source": event.attribution.source if event.attribution else None,
        "modality": event.modality,
        "hedged": event.hedged,
        "confidence": event.confidence,
        "record": json.dumps(record_to_dict(event), ensure_ascii=False, sort_keys=True),
    }


def save_article(
    connection: Connection,
    article_id: str,
    article_events: list[Event],
    article_timexes: list[Timex] = (),
    article_places: list[Place] = (),
    article_mentions: list[Mention] = (),
    article_claims: list[Claim] = (),
) -> None:
    """Replace everything stored for one article with these records and mark it done."""
    forget_article(connection, article_id)
    if article_events:
        connection.execute(events.insert(), [_event_row(e) for e in article_events])
        rows = [r for e in article_events for r in _argument_rows(e)]
        connection.execute(event_arguments.insert(), rows)
    if article_timexes:
        connection.execute(timexes.insert(), [
            {"article_id": article_id, "start": t.span.start, "end": t.span.end, "text": t.span.text, "type": t.type,
             "value": t.value, "mod": t.mod, "anchor": t.anchor, "range_start": t.range_start, "range_end": t.range_end}
            for t in article_timexes
        ])
    if article_places:
        connection.execute(places.insert(), [
            {"article_id": article_id, "start": p.span.start, "end": p.span.end, "text": p.span.text, "name": p.name,
             "lat": p.lat, "lon": p.lon, "country_code": p.country_code, "admin1": p.admin1,
             "feature_code": p.feature_code, "geonames_id": p.geonames_id, "confidence": p.confidence,
             "resolution": p.resolution}
            for p in article_places
        ])
    if article_mentions:
        connection.execute(mentions.insert(), [
            {"article_id": article_id, "start": m.span.start, "end": m.span.end, "text": m.span.text, "label": m.label,
             "entity_id": m.entity_id, "kind": m.kind}
            for m in article_mentions
        ])
    if article_claims:
        connection.execute(claims.insert(), [
            {"article_id": article_id, "event_id": c.event_id, "about": c.about, "value": c.value, "unit": c.unit,
             "qualifier": c.qualifier, "by": c.by, "by_entity_id": c.by_entity_id, "category": c.category,
             "record": json.dumps(record_to_dict(c), ensure_ascii=False, sort_keys=True)}
            for c in article_claims
        ])
    mark_processed(connection, article_id, "done", events=len(article_events))


def forget_article(connection: Connection, article_id: str) -> None:
    for table in PER_ARTICLE_TABLES:
        connection.execute(delete(table).where(table.c.article_id == article_id))
    connection.execute(delete(processed_articles).where(processed_articles.c.article_id == article_id))


def mark_processed(connection: Connection, article_id: str, status: str, error: str | None = None, events: int = 0) -> None:
    connection.execute(delete(processed_articles).where(processed_articles.c.article_id == article_id))
    connection.execute(processed_articles.insert().values(
        article_id=article_id, status=status, error=error, events=events, processed_at=datetime.now(timezone.utc)
    ))


def save_entities(connection: Connection, found: Iterable[Entity]) -> None:
    """Upsert canonical entities and their roles (the resolver's state across articles)."""
    for entity in found:
        connection.execute(delete(entities).where(entities.c.id == entity.id))
        connection.execute(delete(entity_roles).where(entity_roles.c.entity_id == entity.id))
        connection.execute(entities.insert().values(
            id=entity.id, name=entity.name, kind=entity.kind, aliases=json.dumps(list(entity.aliases), ensure_ascii=False),
            country_code=entity.country_code,
        ))
        if entity.roles:
            connection.execute(entity_roles.insert(), [
                {"entity_id": entity.id, "title": r.title, "as_of": r.as_of, "article_id": r.article_id,
                 "start": r.evidence.start if r.evidence else None, "end": r.evidence.end if r.evidence else None,
                 "text": r.evidence.text if r.evidence else None}
                for r in entity.roles
            ])


# --- reading -----------------------------------------------------------------------------------------


def processed_ids(engine: Engine, statuses: tuple[str, ...] = ("done", "duplicate")) -> set[str]:
    with engine.connect() as connection:
        rows = connection.execute(select(processed_articles.c.article_id).where(processed_articles.c.status.in_(statuses)))
        return {r[0] for r in rows}


def load_entities(engine: Engine) -> list[Entity]:
    with engine.connect() as connection:
        roles: dict[str, list[Role]] = {}
        for r in connection.execute(select(entity_roles)).mappings():
            evidence = Span(r["start"], r["end"], r["text"]) if r["start"] is not None else None
            roles.setdefault(r["entity_id"], []).append(Role(r["title"], r["as_of"], r["article_id"], evidence))
        return [
            Entity(id=r["id"], name=r["name"], kind=r["kind"], aliases=tuple(json.loads(r["aliases"] or "[]")),
                   country_code=r["country_code"], roles=tuple(roles.get(r["id"], ())))
            for r in connection.execute(select(entities).order_by(entities.c.id)).mappings()
        ]


def query_events(
    engine: Engine,
    type: str | None = None,
    actor: str | None = None,
    place: str | None = None,
    since: date | None = None,
    until: date | None = None,
    modality: str | None = None,
    article_id: str | None = None,
    min_confidence: float | None = None,
    limit: int | None = None,
) -> list[Event]:
    """Events matching every filter given, in date order (undated last), then by position.

    ``actor`` matches an actor's words or entity id (case-insensitive substring), ``place`` a
    place's name or words; ``since``/``until`` keep events whose period overlaps the range.
    """
    query = select(events.c.record)
    conditions = []
    if type:
        conditions.append(func.upper(events.c.type) == type.upper())
    if modality:
        conditions.append(events.c.modality == modality.lower())
    if article_id:
        conditions.append(events.c.article_id == article_id)
    if min_confidence is not None:
        conditions.append(events.c.confidence >= min_confidence)
    if since:
        conditions.append(func.coalesce(events.c.date_end, events.c.date_start) >= since)
    if until:
        conditions.append(events.c.date_start <= until)
    for needle, roles in ((actor, ("source", "target", "attribution")), (place, ("place",))):
        if not needle:
            continue
        pattern = f"%{needle.lower()}%"
        argument = event_arguments.c
        role_match = or_(argument.role.in_(roles), argument.role.like("other:%")) if "source" in roles else argument.role.in_(roles)
        conditions.append(exists().where(and_(
            argument.event_id == events.c.id,
            role_match,
            or_(func.lower(argument.text).like(pattern), func.lower(argument.entity_id).like(pattern),
                func.lower(argument.value).like(pattern)),
        )))
    if conditions:
        query = query.where(and_(*conditions))
    query = query.order_by(events.c.date_start.is_(None), events.c.date_start, events.c.article_id, events.c.trigger_start)
    if limit:
        query = query.limit(limit)
    with engine.connect() as connection:
        return [event_from_dict(json.loads(row[0])) for row in connection.execute(query)]


def iter_event_rows(engine: Engine) -> Iterator[dict]:
    with engine.connect() as connection:
        yield from connection.execute(select(events)).mappings()


# --- export --------------------------------------------------------------------------------------

CSV_COLUMNS = [
    "id", "article_id", "type", "acled_type", "acled_subtype", "trigger", "source", "source_entity_id", "target",
    "target_entity_id", "other_actors", "date", "date_start", "date_end", "date_inherited", "places", "quantities",
    "attribution", "channel", "modality", "hedged", "confidence", "notes", "sentence",
]


def event_summary(event: Event) -> dict:
    """One flat row per event (for CSV and the table)."""
    return {
        "id": event.id,
        "article_id": event.article_id,
        "type": event.type,
        "acled_type": event.acled_type or "",
        "acled_subtype": event.acled_subtype or "",
        "trigger": event.trigger.text,
        "source": event.source_actor.text if event.source_actor else "",
        "source_entity_id": (event.source_actor.entity_id or "") if event.source_actor else "",
        "target": event.target_actor.text if event.target_actor else "",
        "target_entity_id": (event.target_actor.entity_id or "") if event.target_actor else "",
        "other_actors": "; ".join(f"{a.text} ({a.role})" for a in event.other_actors),
        "date": event.date or "",
        "date_start": event.date_start.isoformat() if event.date_start else "",
        "date_end": event.date_end.isoformat() if event.date_end else "",
        "date_inherited": event.date_inherited,
        "places": "; ".join(dict.fromkeys(p.name for p in event.places)),
        "quantities": "; ".join(
            f"{q.qualifier + ' ' if q.qualifier else ''}{q.value:g} {q.unit}" for q in event.quantities
        ),
        "attribution": event.attribution.source if event.attribution else "",
        "channel": (event.attribution.channel or "") if event.attribution else "",
        "modality": event.modality + (" (hedged)" if event.hedged else ""),
        "hedged": event.hedged,
        "confidence": event.confidence,
        "notes": "; ".join(event.notes),
        "sentence": event.sentence.text,
    }


def events_to_jsonl(found: Iterable[Event]) -> str:
    return "".join(json.dumps(record_to_dict(e), ensure_ascii=False, sort_keys=True) + "\n" for e in found)


def events_to_csv(found: Iterable[Event]) -> str:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for event in found:
        writer.writerow(event_summary(event))
    return buffer.getvalue()

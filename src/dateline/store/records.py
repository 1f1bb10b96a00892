"""Records to rows and back: what the map step read out of one article is written to the
relational tables (``store/tables.py``), and events, claims, mentions, places and timexes are
read back from those rows, with entity references turned into canonical entity ids.

Row ids are made from the article id and the record's position in the map step's output, so
reading an article again writes the same ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import fields
from datetime import datetime, timezone

from sqlalchemy import bindparam, delete, select
from sqlalchemy.engine import Connection

from dateline.model import (
    Actor,
    ArticleEntity,
    ArticleRecords,
    Attribution,
    Claim,
    Event,
    Mention,
    Place,
    Quantity,
    Role,
    Span,
    Timex,
)
from dateline.store import tables as t
from dateline.store import documents, entity_events, place_events, tallies
from dateline.store.tables import span_from, span_values

CHUNK = 500  # ids per IN (...) list
LONG_STRETCH_DAYS = 31


def is_long_stretch(start, end) -> bool:
    """A period longer than a month; a date-range query looks for these apart (store/filters.py)."""
    return start is not None and end is not None and (end - start).days > LONG_STRETCH_DAYS


def _short(article_id: str) -> str:
    return article_id[:16]


# --- writing -----------------------------------------------------------------------------------------


def _place_row(place_id: str, article_id: str, place: Place) -> dict:
    return {
        "id": place_id, "article_id": article_id, **span_values(place.span), "name": place.name,
        "lat": place.lat, "lon": place.lon, "country_code": place.country_code, "admin1": place.admin1,
        "admin2": place.admin2, "feature_class": place.feature_class, "feature_code": place.feature_code,
        "geonames_id": place.geonames_id, "population": place.population, "confidence": place.confidence,
        "resolution": place.resolution, "reason": place.reason,
    }


def _event_rows(event: Event, place_id_of, rows: dict) -> None:
    rows[t.events].append({
        "id": event.id, "article_id": event.article_id, "type": event.type, "acled_type": event.acled_type,
        "acled_subtype": event.acled_subtype, "acled_source": event.acled_source,
        "acled_confidence": event.acled_confidence, "cue": event.cue,
        **span_values(event.trigger, "trigger_"), **span_values(event.sentence, "sentence_"),
        **span_values(event.clause, "clause_"), "date_value": event.date_value, "date_start": event.date_start,
        "date_end": event.date_end, **span_values(event.date_span, "date_span_"), "date_inherited": event.date_inherited,
        "long_stretch": is_long_stretch(event.date_start, event.date_end), "place_inherited": event.place_inherited, "modality": event.modality, "hedged": event.hedged,
        "confidence": event.confidence, "notes": "\n".join(event.notes) or None,
    })
    actors = [("source", event.source_actor), ("target", event.target_actor)]
    actors += [("other", actor) for actor in event.other_actors]
    for position, (slot, actor) in enumerate(actors):
        if actor is not None:
            rows[t.event_actors].append({
                "event_id": event.id, "position": position, "slot": slot, "role": actor.role,
                "name": actor.text, **span_values(actor.span), "entity_key": actor.entity_id,
            })
    for position, place in enumerate(event.places):
        rows[t.event_places].append({"event_id": event.id, "position": position, "place_id": place_id_of(place)})
    for position, quantity in enumerate(event.quantities):
        rows[t.event_quantities].append({
            "event_id": event.id, "position": position, "value": quantity.value, "unit": quantity.unit,
            "category": quantity.category, "qualifier": quantity.qualifier, **span_values(quantity.span),
        })
    a = event.attribution
    if a is not None:
        rows[t.attributions].append({
            "event_id": event.id, "source": a.source, **span_values(a.span), "entity_key": a.entity_id,
            "channel": a.channel, **span_values(a.channel_span, "channel_"),
            **span_values(a.antecedent, "antecedent_"), "via": a.via, **span_values(a.via_span, "via_"),
            **span_values(a.verb, "verb_"),
        })


def article_rows(records: ArticleRecords) -> dict:
    """Every row one article's records make, by table (parents before children)."""
    article_id, short = records.article_id, _short(records.article_id)
    order = (t.timexes, t.places, t.article_entities, t.article_entity_names, t.article_entity_roles, t.mentions,
             t.events, t.event_actors, t.event_places, t.event_quantities, t.attributions, t.claims)
    rows: dict = {table: [] for table in order}
    for n, timex in enumerate(records.timexes):
        rows[t.timexes].append({
            "id": f"tx-{short}-{n}", "article_id": article_id, **span_values(timex.span), "type": timex.type,
            "value": timex.value, "mod": timex.mod, "anchor": timex.anchor, "range_start": timex.range_start,
            "range_end": timex.range_end,
        })
    place_ids: dict[Place, str] = {}
    for n, place in enumerate(records.places):
        if place not in place_ids:
            place_ids[place] = f"pl-{short}-{n}"
            rows[t.places].append(_place_row(place_ids[place], article_id, place))

    def place_id_of(place: Place) -> str:
        # an event's place is one the article names; one it does not (none today) gets a row too
        if place not in place_ids:
            place_ids[place] = f"pl-{short}-e{len(place_ids)}"
            rows[t.places].append(_place_row(place_ids[place], article_id, place))
        return place_ids[place]

    for entity in records.entities:
        rows[t.article_entities].append({
            "key": entity.key, "article_id": article_id, "kind": entity.kind, "country_code": entity.country_code,
            "known": entity.known, "fixed_id": entity.fixed_id, "article_only": entity.article_only,
        })
        names = [(name, False) for name in entity.names] + [(alias, True) for alias in entity.aliases]
        rows[t.article_entity_names].extend(
            {"entity_key": entity.key, "position": position, "name": name, "is_alias": is_alias}
            for position, (name, is_alias) in enumerate(names)
        )
        rows[t.article_entity_roles].extend(
            {"entity_key": entity.key, "position": position, "title": role.title, "as_of": role.as_of,
             **span_values(role.evidence)}
            for position, role in enumerate(entity.roles)
        )
    for n, mention in enumerate(records.mentions):
        rows[t.mentions].append({
            "id": f"mn-{short}-{n}", "article_id": article_id, **span_values(mention.span), "label": mention.label,
            "entity_key": mention.entity_id, "kind": mention.kind,
        })
    for event in records.events:
        _event_rows(event, place_id_of, rows)
    for n, claim in enumerate(records.claims):
        rows[t.claims].append({
            "id": claim.id or f"cl-{short}-{n}", "article_id": article_id, "event_id": claim.event_id,
            "about": claim.about, "value": claim.value, "unit": claim.unit, "qualifier": claim.qualifier,
            "category": claim.category, "by": claim.by, **span_values(claim.span), **span_values(claim.by_span, "by_"),
            "entity_key": claim.by_entity_id,
        })
    return rows


def forget_article(connection: Connection, article_id: str) -> None:
    """Remove everything extraction wrote for one article (children go by cascade), its events
    counted out of the tallies first."""
    tallies.untally_articles(connection, [article_id])
    _delete_article_rows(connection, [article_id])


def _delete_article_rows(connection: Connection, article_ids: Sequence[str]) -> None:
    """One DELETE per table for a chunk of articles, not one per table and article: a batch's
    statements were most of the write's cost, even on an empty store."""
    for chunk in _chunks(list(article_ids)):
        for table in t.PER_ARTICLE_TABLES:
            connection.execute(delete(table).where(table.c.article_id.in_(chunk)))
        connection.execute(delete(t.extractions).where(t.extractions.c.article_id.in_(chunk)))


def mark_extracted(connection: Connection, article_id: str, status: str, error: str | None = None,
                   events: int = 0) -> None:
    connection.execute(delete(t.extractions).where(t.extractions.c.article_id == article_id))
    connection.execute(t.extractions.insert().values(
        article_id=article_id, status=status, error=error, events=events, processed_at=datetime.now(timezone.utc)
    ))


def save_articles(connection: Connection, batch: Sequence[ArticleRecords]) -> None:
    """Replace what is stored for each article of the batch with its records, and mark it done.
    The tallies change once, by what the batch removes and adds together: one sorted upsert, so
    two writers on PostgreSQL take the rows' locks in one order (no deadlock)."""
    ids = [records.article_id for records in batch]
    removed = tallies.article_tallies(connection, ids)
    merged: dict = {}
    _delete_article_rows(connection, ids)
    for records in batch:
        for table, rows in article_rows(records).items():
            merged.setdefault(table, []).extend(rows)
    for table, rows in merged.items():  # dict order: parents before children
        if rows:
            connection.execute(table.insert(), rows)
    changes = tallies.article_tallies(connection, ids)
    changes.subtract(removed)  # (not ``-``: a Counter's difference drops what falls below 1)
    tallies.apply_changes(connection, changes)
    entity_events.link_articles(connection, ids)
    place_events.link_articles(connection, ids)
    documents.write_for_articles(connection, ids)
    mark_all_done(connection, batch)


def mark_all_done(connection: Connection, batch: Sequence[ArticleRecords]) -> None:
    """``mark_extracted(..., "done")`` for every article of the batch, in one delete and one
    insert (two statements an article were a tenth of a batch's writes)."""
    rows = {records.article_id: {"article_id": records.article_id, "status": "done", "error": None,
                                 "events": len(records.events), "processed_at": datetime.now(timezone.utc)}
            for records in batch}  # (an article given twice is marked once, as its last reading)
    for chunk in _chunks(list(rows)):
        connection.execute(delete(t.extractions).where(t.extractions.c.article_id.in_(chunk)))
    if rows:
        connection.execute(t.extractions.insert(), list(rows.values()))


# --- reading -----------------------------------------------------------------------------------------


def _chunks(items: Sequence, size: int = CHUNK) -> Iterable[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def canonical_ids(connection: Connection, keys: Iterable[str | None]) -> dict[str, str]:
    """Article entity key -> canonical entity id, for the keys the reduce step has linked."""
    wanted = sorted({k for k in keys if k})
    found: dict[str, str] = {}
    for chunk in _chunks(wanted):
        query = select(t.entity_links.c.entity_key, t.entity_links.c.entity_id).where(
            t.entity_links.c.entity_key.in_(chunk))
        found.update({key: entity_id for key, entity_id in connection.execute(query)})
    return found


def place_from_row(row, prefix: str = "") -> Place:
    return Place(
        span=span_from(row, prefix), name=row[f"{prefix}name"], lat=row[f"{prefix}lat"], lon=row[f"{prefix}lon"],
        country_code=row[f"{prefix}country_code"], admin1=row[f"{prefix}admin1"], admin2=row[f"{prefix}admin2"],
        feature_class=row[f"{prefix}feature_class"], feature_code=row[f"{prefix}feature_code"],
        geonames_id=row[f"{prefix}geonames_id"], population=row[f"{prefix}population"],
        confidence=row[f"{prefix}confidence"], resolution=row[f"{prefix}resolution"], reason=row[f"{prefix}reason"],
    )


# The child rows of a batch of events, one statement per table, built once: a statement object
# keeps its cache key, so each page compiles nothing and builds no SQL (building and keying these
# four selects cost about as much CPU as SQLite's reading of their rows). Only the columns the
# records take, as plain tuples, the canonical entity id joined in (no extra look-up).
_IDS = bindparam("ids", expanding=True)
_SPAN = ("start", "end", "text")


def _spans(table, *prefixes: str) -> list:
    return [table.c[f"{prefix}{part}"] for prefix in prefixes for part in _SPAN]


_ACTOR_LINKS = t.entity_links.alias("actor_links")
_ACTORS = (select(t.event_actors.c.event_id, t.event_actors.c.slot, t.event_actors.c.name, *_spans(t.event_actors, ""),
                  _ACTOR_LINKS.c.entity_id, t.event_actors.c.role)
           .select_from(t.event_actors.outerjoin(_ACTOR_LINKS, _ACTOR_LINKS.c.entity_key == t.event_actors.c.entity_key))
           .where(t.event_actors.c.event_id.in_(_IDS))
           .order_by(t.event_actors.c.event_id, t.event_actors.c.position))
_PLACE_FIELDS = ("name", "lat", "lon", "country_code", "admin1", "admin2", "feature_class", "feature_code",
                 "geonames_id", "population", "confidence", "resolution", "reason")
_PLACES = (select(t.event_places.c.event_id, *_spans(t.places, ""), *[t.places.c[f] for f in _PLACE_FIELDS])
           .select_from(t.event_places.join(t.places, t.places.c.id == t.event_places.c.place_id))
           .where(t.event_places.c.event_id.in_(_IDS))
           .order_by(t.event_places.c.event_id, t.event_places.c.position))
_QUANTITIES = (select(t.event_quantities.c.event_id, t.event_quantities.c.value, t.event_quantities.c.unit,
                      *_spans(t.event_quantities, ""), t.event_quantities.c.qualifier, t.event_quantities.c.category)
               .where(t.event_quantities.c.event_id.in_(_IDS))
               .order_by(t.event_quantities.c.event_id, t.event_quantities.c.position))
_SOURCE_LINKS = t.entity_links.alias("source_links")
_ATTRIBUTIONS = (select(t.attributions.c.event_id, t.attributions.c.source, *_spans(t.attributions, ""),
                        _SOURCE_LINKS.c.entity_id, t.attributions.c.channel,
                        *_spans(t.attributions, "channel_", "antecedent_"), t.attributions.c.via,
                        *_spans(t.attributions, "via_", "verb_"))
                 .select_from(t.attributions.outerjoin(_SOURCE_LINKS,
                                                       _SOURCE_LINKS.c.entity_key == t.attributions.c.entity_key))
                 .where(t.attributions.c.event_id.in_(_IDS)))
# the columns of an event row, by name: rows are read by position (a tuple index, where a
# mapping's key look-up costs ten times as much and a page of 50 events reads 1,600 of them)
_EVENT_FIELDS = [column.name for column in t.events.c]
if [f.name for f in fields(Place)] != ["span", *_PLACE_FIELDS]:  # places are built by position
    raise ImportError("store.records: _PLACE_FIELDS is out of step with model.Place")


def _span(start, end, text) -> Span | None:
    return None if start is None else Span(start, end, text)


# Their SQL, by dialect, statement and number of ids: run on the driver's own cursor. SQLAlchemy's
# execute of a cached statement still keys it, expands its IN list and wraps each row (about
# 1.5 ms of CPU for the four statements of a page of 50 events on the 1M-event store, as much
# as SQLite's reading of their rows); the columns are plain strings, integers and floats, which
# the drivers return as the records take them.
_DRIVER_SQL: dict[tuple[str, int, int], str] = {}
_POSTCOMPILED_IDS = "IN (__[POSTCOMPILE_ids])"


def _driver_sql(connection: Connection, statement, count: int) -> str:
    key = (connection.dialect.name, id(statement), count)
    sql = _DRIVER_SQL.get(key)
    if sql is None:
        compiled = str(statement.compile(dialect=connection.dialect))
        if _POSTCOMPILED_IDS not in compiled:
            raise RuntimeError(f"store.records: no {_POSTCOMPILED_IDS} in {compiled[:200]}")
        if connection.dialect.paramstyle == "qmark":  # SQLite
            ids = "IN (" + ", ".join("?" * count) + ")"
        elif connection.dialect.paramstyle == "pyformat":  # psycopg: one array parameter, any length
            ids, count = "= ANY(%(ids)s)", 0
        else:
            raise RuntimeError(f"store.records: no driver SQL for paramstyle {connection.dialect.paramstyle}")
        sql = _DRIVER_SQL[key] = _DRIVER_SQL[(key[0], key[1], count)] = compiled.replace(_POSTCOMPILED_IDS, ids)
    return sql


def by_event(connection: Connection, statement, ids: Sequence[str]) -> dict[str, list[tuple]]:
    """The rows of a prebuilt statement (its first column the event id, an expanding ``ids``
    parameter its only one) for these events, by event, run on the driver's cursor."""
    found: dict[str, list[tuple]] = {}
    cursor = connection.connection.cursor()  # the driver's cursor, in the connection's transaction
    try:
        for chunk in _chunks(ids):
            chunk = list(chunk)
            sql = _driver_sql(connection, statement, len(chunk))
            cursor.execute(sql, chunk if connection.dialect.paramstyle == "qmark" else {"ids": chunk})
            for row in cursor.fetchall():
                found.setdefault(row[0], []).append(row)
    finally:
        cursor.close()
    return found


def _event_tuples(event_rows: Sequence) -> tuple[dict[str, int], list[tuple]]:
    """The rows as tuples and the position of each column: rows of ``select(t.events)`` (tuples
    in table order) or mappings of any select of the event columns."""
    if not event_rows:
        return {}, []
    first = event_rows[0]
    if hasattr(first, "keys") and not hasattr(first, "_fields"):  # a RowMapping (or a dict)
        names = list(first.keys())
        return {name: n for n, name in enumerate(names)}, [tuple(row[name] for name in names) for row in event_rows]
    names = list(getattr(first, "_fields", _EVENT_FIELDS))
    return {name: n for n, name in enumerate(names)}, list(event_rows)


# the event columns ``events_from_rows`` reads: the values, then the spans
_EVENT_VALUES = ("id", "article_id", "type", "acled_type", "acled_subtype", "date_value", "date_start", "date_end",
                 "date_inherited", "modality", "hedged", "confidence", "cue", "place_inherited", "notes",
                 "acled_source", "acled_confidence")
EVENT_READ_COLUMNS = [t.events.c[name] for name in _EVENT_VALUES] + [
    t.events.c[f"{prefix}{part}"] for prefix in ("trigger_", "sentence_", "clause_", "date_span_") for part in _SPAN]


def events_from_rows(connection: Connection, event_rows: Sequence) -> list[Event]:
    """Whole events, in the order of ``event_rows`` (rows of the events table: tuples or
    mappings), with their actors, places, quantities and attribution read from their tables,
    one query per table for the batch, and entity references made canonical."""
    at, rows = _event_tuples(event_rows)
    if not rows:
        return []
    ids = [row[at["id"]] for row in rows]
    actors = by_event(connection, _ACTORS, ids)
    places = by_event(connection, _PLACES, ids)
    quantities = by_event(connection, _QUANTITIES, ids)
    attributions = by_event(connection, _ATTRIBUTIONS, ids)
    (i_id, i_article, i_type, i_acled, i_subtype, i_date_value, i_date_start, i_date_end, i_inherited, i_modality,
     i_hedged, i_confidence, i_cue, i_place_inherited, i_notes, i_acled_source, i_acled_confidence) = (
        at[name] for name in _EVENT_VALUES)
    spans = {prefix: (at[f"{prefix}start"], at[f"{prefix}end"], at[f"{prefix}text"])
             for prefix in ("trigger_", "sentence_", "clause_", "date_span_")}
    (t0, t1, t2), (s0, s1, s2), (c0, c1, c2), (d0, d1, d2) = spans.values()
    found = []
    for row in rows:
        event_id = row[i_id]
        source = target = None
        others = []
        for _, slot, name, start, end, text, entity_id, role in actors.get(event_id, ()):
            actor = Actor(text=name, span=Span(start, end, text), entity_id=entity_id, role=role)
            if slot == "source":
                source = source or actor
            elif slot == "target":
                target = target or actor
            else:
                others.append(actor)
        attribution = None
        for a in attributions.get(event_id, ()):
            attribution = Attribution(
                source=a[1], span=Span(a[2], a[3], a[4]), entity_id=a[5], channel=a[6],
                channel_span=_span(a[7], a[8], a[9]), antecedent=_span(a[10], a[11], a[12]), via=a[13],
                via_span=_span(a[14], a[15], a[16]), verb=_span(a[17], a[18], a[19]),
            )
        found.append(Event(
            id=event_id, article_id=row[i_article], type=row[i_type], trigger=_span(row[t0], row[t1], row[t2]),
            sentence=_span(row[s0], row[s1], row[s2]), acled_type=row[i_acled], acled_subtype=row[i_subtype],
            source_actor=source, target_actor=target, other_actors=tuple(others), date_value=row[i_date_value],
            date_start=row[i_date_start], date_end=row[i_date_end], date_span=_span(row[d0], row[d1], row[d2]),
            date_inherited=bool(row[i_inherited]),
            places=tuple(Place(Span(p[1], p[2], p[3]), *p[4:]) for p in places.get(event_id, ())),
            quantities=tuple(Quantity(value=q[1], unit=q[2], span=Span(q[3], q[4], q[5]), qualifier=q[6],
                                      category=q[7]) for q in quantities.get(event_id, ())),
            attribution=attribution, modality=row[i_modality], hedged=bool(row[i_hedged]),
            confidence=row[i_confidence], clause=_span(row[c0], row[c1], row[c2]), cue=row[i_cue],
            place_inherited=bool(row[i_place_inherited]), notes=tuple((row[i_notes] or "").splitlines()),
            acled_source=row[i_acled_source], acled_confidence=row[i_acled_confidence],
        ))
    return found


def claims_from_rows(connection: Connection, rows: Sequence) -> list[Claim]:
    links = canonical_ids(connection, [r["entity_key"] for r in rows])
    return [
        Claim(about=r["about"], value=r["value"], unit=r["unit"], by=r["by"], span=span_from(r),
              article_id=r["article_id"], qualifier=r["qualifier"], event_id=r["event_id"],
              by_span=span_from(r, "by_"), by_entity_id=links.get(r["entity_key"]), category=r["category"],
              id=r["id"])
        for r in rows
    ]


def article_records(connection: Connection, article_id: str) -> ArticleRecords:
    """Everything stored for one article, as the map step wrote it (entity keys, not ids)."""
    def rows(table, order):
        return connection.execute(select(table).where(table.c.article_id == article_id).order_by(order)).mappings().all()

    entities = tuple(_article_entities(connection, rows(t.article_entities, t.article_entities.c.key)))
    events = events_from_rows(connection, rows(t.events, t.events.c.trigger_start))
    return ArticleRecords(
        article_id=article_id,
        timexes=tuple(Timex(span=span_from(r), type=r["type"], value=r["value"], mod=r["mod"], anchor=r["anchor"],
                            range_start=r["range_start"], range_end=r["range_end"])
                      for r in rows(t.timexes, t.timexes.c.start)),
        places=tuple(place_from_row(r) for r in rows(t.places, t.places.c.start)),
        entities=entities,
        mentions=tuple(Mention(span=span_from(r), label=r["label"], entity_id=r["entity_key"], kind=r["kind"])
                       for r in rows(t.mentions, t.mentions.c.start)),
        events=tuple(events),
        claims=tuple(claims_from_rows(connection, rows(t.claims, t.claims.c.id))),
    )


def _article_entity(row, names: Sequence, roles: Sequence) -> ArticleEntity:
    return ArticleEntity(
        key=row["key"], article_id=row["article_id"], kind=row["kind"],
        names=tuple(n["name"] for n in names if not n["is_alias"]),
        aliases=tuple(n["name"] for n in names if n["is_alias"]),
        country_code=row["country_code"], known=row["known"], fixed_id=row["fixed_id"],
        article_only=bool(row["article_only"]),
        roles=tuple(Role(title=r["title"], as_of=r["as_of"], article_id=row["article_id"], evidence=span_from(r))
                    for r in roles),
    )


def _article_entities(connection: Connection, entity_rows: Sequence) -> list[ArticleEntity]:
    keys = [r["key"] for r in entity_rows]
    names: dict[str, list] = {}
    roles: dict[str, list] = {}
    for chunk in _chunks(keys):
        for table, found in ((t.article_entity_names, names), (t.article_entity_roles, roles)):
            query = select(table).where(table.c.entity_key.in_(chunk)).order_by(table.c.entity_key, table.c.position)
            for r in connection.execute(query).mappings():
                found.setdefault(r["entity_key"], []).append(r)
    return [_article_entity(r, names.get(r["key"], ()), roles.get(r["key"], ())) for r in entity_rows]


def iter_article_entities(connection: Connection, batch: int = 5000) -> Iterable[ArticleEntity]:
    """Every article entity of the store (the reduce step's input), page by page."""
    last = ""
    while True:
        page = connection.execute(select(t.article_entities).where(t.article_entities.c.key > last)
                                  .order_by(t.article_entities.c.key).limit(batch)).mappings().all()
        if not page:
            return
        yield from _article_entities(connection, page)
        last = page[-1]["key"]

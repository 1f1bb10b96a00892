"""Step 9: event counts kept at write time, for chart counts and list totals on big stores
(measured with ``python -m dateline.bench.api``):

- ``event_tallies`` (key, date_start, day_end, type, n): every event once, by its start day, its
  last day (``COALESCE(date_end, date_start)``) and type;
- ``event_country_tallies`` (key, country_code, date_start, day_end, type, n): every pair of an
  event and a country of its places once;
- ``event_actors_by_entity_event`` (entity_key, event_id) and ``attributions_by_entity_event``
  (entity_key, event_id): a canonical entity's events from the index alone;
- ``events_by_date_order`` and ``events_by_type_date_order``: the whole order of an event list.

``key`` is the other columns joined by ``|`` (an empty text for a missing day; the country
first). The step builds both from the rows already stored, so an upgraded store counts right.

Frozen: the tables below are the schema as this step creates it; never edit this file, change
the schema with a new step.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import Column, Date, Index, Integer, MetaData, String, Table, func, select
from sqlalchemy.engine import Connection

NAME = "api_003_event_tallies"

metadata = MetaData()
event_tallies = Table(
    "event_tallies",
    metadata,
    Column("key", String(80), primary_key=True),
    Column("date_start", Date),
    Column("day_end", Date),
    Column("type", String(24), nullable=False),
    Column("n", Integer, nullable=False),
)
Index("event_tallies_by_type_date", event_tallies.c.type, event_tallies.c.date_start, event_tallies.c.day_end,
      event_tallies.c.n)
Index("event_tallies_by_date", event_tallies.c.date_start, event_tallies.c.day_end, event_tallies.c.type,
      event_tallies.c.n)

event_country_tallies = Table(
    "event_country_tallies",
    metadata,
    Column("key", String(80), primary_key=True),
    Column("country_code", String(4), nullable=False),
    Column("date_start", Date),
    Column("day_end", Date),
    Column("type", String(24), nullable=False),
    Column("n", Integer, nullable=False),
)
Index("event_country_tallies_by_country", event_country_tallies.c.country_code, event_country_tallies.c.type,
      event_country_tallies.c.date_start, event_country_tallies.c.day_end, event_country_tallies.c.n)
Index("event_country_tallies_by_date", event_country_tallies.c.date_start, event_country_tallies.c.day_end,
      event_country_tallies.c.country_code, event_country_tallies.c.type, event_country_tallies.c.n)

# an entity's events from its article entity keys without reading the actor or attribution rows
# (``store.filters``: an actor filter that is a canonical entity's id)
INDEXES = {
    "event_actors_by_entity_event": "event_actors (entity_key, event_id)",
    "attributions_by_entity_event": "attributions (entity_key, event_id)",
    # the whole order of an event list (date, article, position, id): a page of a common filter
    # checked per event stops after its rows instead of checking and sorting every event of its
    # first day (1,370 a day at 1M events)
    "events_by_date_order": "events (date_start, article_id, trigger_start, id)",
    "events_by_type_date_order": "events (type, date_start, article_id, trigger_start, id)",
}

# the earlier steps' tables as far as the counting reads them
_read = MetaData()
events = Table("events", _read, Column("id", String(40)), Column("type", String(24)), Column("date_start", Date),
               Column("date_end", Date))
event_places = Table("event_places", _read, Column("event_id", String(40)), Column("place_id", String(40)))
places = Table("places", _read, Column("id", String(40)), Column("country_code", String(4)))

BATCH = 5000


def _key(*parts) -> str:
    return "|".join(p.isoformat() if hasattr(p, "isoformat") else ("" if p is None else p) for p in parts)


def _insert(connection: Connection, table: Table, counts: Counter, country: bool) -> None:
    rows = []
    for parts, n in counts.items():
        values = dict(zip(("country_code", "date_start", "day_end", "type") if country
                          else ("date_start", "day_end", "type"), parts))
        rows.append({"key": _key(*parts), **values, "n": n})
    for start in range(0, len(rows), BATCH):
        connection.execute(table.insert(), rows[start:start + BATCH])


def apply(connection: Connection) -> None:
    metadata.create_all(connection, checkfirst=True)
    for name, columns in INDEXES.items():
        connection.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {columns}")
    e = events.c
    every: Counter = Counter()
    for day, end, kind, n in connection.execute(select(e.date_start, e.date_end, e.type, func.count())
                                                .group_by(e.date_start, e.date_end, e.type)):
        every[(day, end if end is not None else day, kind)] += n
    _insert(connection, event_tallies, every, country=False)
    pairs = (select(e.id, e.date_start, e.date_end, e.type, places.c.country_code)
             .select_from(events.join(event_places, event_places.c.event_id == e.id)
                          .join(places, places.c.id == event_places.c.place_id))
             .where(places.c.country_code.is_not(None)).distinct().subquery())
    p = pairs.c
    by_country: Counter = Counter()
    for country, day, end, kind, n in connection.execute(select(p.country_code, p.date_start, p.date_end, p.type,
                                                                func.count())
                                                         .group_by(p.country_code, p.date_start, p.date_end, p.type)):
        by_country[(country, day, end if end is not None else day, kind)] += n
    _insert(connection, event_country_tallies, by_country, country=True)

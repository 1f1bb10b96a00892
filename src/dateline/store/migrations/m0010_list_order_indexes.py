"""Step 10: what the API's event pages read on big stores (measured with
``python -m dateline.bench.api`` on a million events):

- ``events_by_date_order_desc``: the whole order of a list newest first (``sort=-date``: date
  descending, undated last, then article, position and id ascending). PostgreSQL cannot read the
  ascending list-order index backwards for it (backwards gives undated first and the ties
  descending), so a country's newest page sorted every event of the country (0.6-1.8 s); SQLite
  sorted each day's events in a temporary B-tree. SQLite puts NULL lowest, so ``DESC`` there is
  already "undated last"; PostgreSQL needs ``NULLS LAST`` said.
- ``entity_events`` (entity_id, event_id, date_start, article_id, trigger_start): every pair of a
  canonical entity and an event one of whose actors or whose source is linked to it, with the
  event's list-order columns, kept at write time (``store/entity_events.py``). An actor filter
  that is an entity's id reads its page off ``entity_events_by_entity_order`` (or ``..._desc``)
  and stops after 50 rows; before, a common entity's events were checked one by one (0.2-0.9 s a
  page) and a rarer one's were all collected and sorted. The step builds it from the rows.
- ``place_points`` (key, lat, lon, n): how many place rows lie at each point, kept at write time
  with the tallies (``store/tallies.py``): a box's points are a few rows of it (where its places
  are hundreds of thousands when a crowded point shares its latitudes), so ``query_hints`` counts
  a box's places from it and a box's places are found point by point (``places_by_point_id``).
  The step builds it from the rows.
- ``places_by_id_point`` (id, lat, lon): whether an event's place lies in a box without reading
  the place row (a box filter checked per event in date order); ``places_by_point_id`` (lat, lon,
  id): the places in a box, and how many, without reading their rows (a box's places were read
  row by row for their ids: 0.05-0.9 s for one box on SQLite).

What it costs writes (a small store of 400 articles, 10,000 events, 4 linked entities an
article, every place at a point of its own, the worst case for ``place_points``; the median of 3
runs against step 9, machine loaded): SQLite row path 3.96 -> 4.04 s of CPU, bulk load 2.48 ->
3.55 s, the reduce step's links 0.02 -> 0.17 s; PostgreSQL bulk load 10.5 -> 14.3 s wall, row path
25.7 -> 24.4 s wall (noise), links 0.3 -> 1.9 s wall. The upgrade of the million-event bench store:
SQLite 70 s of CPU (625 s wall at nice 19 on a loaded machine), PostgreSQL 266 s wall.

Frozen: the tables below are the schema as this step creates it; never edit this file, change the
schema with a new step.
"""

from __future__ import annotations

from sqlalchemy import Column, Date, Float, ForeignKey, Integer, MetaData, String, Table, func, select, union
from sqlalchemy.engine import Connection

NAME = "api_004_list_order"

metadata = MetaData()
# the earlier steps' tables as far as this step reads them (and the foreign keys point at)
events = Table("events", metadata, Column("id", String(40), primary_key=True), Column("article_id", String(64)),
               Column("date_start", Date), Column("trigger_start", Integer))
entities = Table("entities", metadata, Column("id", String(200), primary_key=True))
event_actors = Table("event_actors", metadata, Column("event_id", String(40)), Column("entity_key", String(40)))
attributions = Table("attributions", metadata, Column("event_id", String(40)), Column("entity_key", String(40)))
entity_links = Table("entity_links", metadata, Column("entity_key", String(40)), Column("entity_id", String(200)))

entity_events = Table(
    "entity_events",
    metadata,
    Column("entity_id", String(200), ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True),
    Column("event_id", String(40), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("date_start", Date),
    Column("article_id", String(64), nullable=False),
    Column("trigger_start", Integer, nullable=False),
)

place_points = Table(
    "place_points",
    metadata,
    Column("key", String(60), primary_key=True),  # repr(lat)|repr(lon): exact, one row a point
    Column("lat", Float, nullable=False),
    Column("lon", Float, nullable=False),
    Column("n", Integer, nullable=False),
)
places = Table("places", metadata, Column("id", String(40), primary_key=True), Column("lat", Float),
               Column("lon", Float))

INDEXES = {
    "place_points_by_point": "place_points (lat, lon, n)",
    "entity_events_by_event": "entity_events (event_id)",  # the cascade from a deleted event
    "entity_events_by_entity_order": "entity_events (entity_id, date_start, article_id, trigger_start, event_id)",
    "places_by_id_point": "places (id, lat, lon)",
    "places_by_point_id": "places (lat, lon, id)",
}
NEWEST_FIRST = {  # undated last: said on PostgreSQL, the default of DESC on SQLite
    "postgresql": {
        "events_by_date_order_desc": "events (date_start DESC NULLS LAST, article_id, trigger_start, id)",
        "entity_events_by_entity_order_desc":
            "entity_events (entity_id, date_start DESC NULLS LAST, article_id, trigger_start, event_id)",
    },
    "sqlite": {
        "events_by_date_order_desc": "events (date_start DESC, article_id, trigger_start, id)",
        "entity_events_by_entity_order_desc":
            "entity_events (entity_id, date_start DESC, article_id, trigger_start, event_id)",
    },
}


REPLACED = ("places_by_point",)  # (lat, lon): a prefix of places_by_point_id, one index less to write


def apply(connection: Connection) -> None:
    entity_events.create(connection, checkfirst=True)
    place_points.create(connection, checkfirst=True)
    for name in REPLACED:
        connection.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
    for name, on in {**INDEXES, **NEWEST_FIRST[connection.dialect.name]}.items():
        connection.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {on}")
    linked = union(
        select(entity_links.c.entity_id, event_actors.c.event_id)
        .join(entity_links, entity_links.c.entity_key == event_actors.c.entity_key),
        select(entity_links.c.entity_id, attributions.c.event_id)
        .join(entity_links, entity_links.c.entity_key == attributions.c.entity_key)).subquery()
    e = events.c
    rows = select(linked.c.entity_id, linked.c.event_id, e.date_start, e.article_id, e.trigger_start).join(
        events, e.id == linked.c.event_id)
    connection.execute(entity_events.insert().from_select(
        ["entity_id", "event_id", "date_start", "article_id", "trigger_start"], rows))
    rows = [{"key": f"{lat!r}|{lon!r}", "lat": lat, "lon": lon, "n": n} for lat, lon, n in connection.execute(
        select(places.c.lat, places.c.lon, func.count()).where(places.c.lat.is_not(None), places.c.lon.is_not(None))
        .group_by(places.c.lat, places.c.lon))]
    for start in range(0, len(rows), 5000):
        connection.execute(place_points.insert(), rows[start:start + 5000])

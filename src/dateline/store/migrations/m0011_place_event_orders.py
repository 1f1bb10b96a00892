"""Step 11: what a country's page and a box's page read on big stores (measured with
``python -m dateline.bench.api`` on a million events, 50 drawings of each question):

- ``country_events`` (country_code, event_id, date_start, article_id, trigger_start): every pair
  of an event and a country of its places, with the event's list-order columns, kept at write
  time (``store/place_events.py``). A country filter reads its page off
  ``country_events_by_country_order`` (or ``..._desc``) and stops after the page; before, a
  country's page walked the whole date order checking each event's places (a rare country
  newest first: hundreds of ms on PostgreSQL), or collected and sorted every event of a rarer one.
- ``point_events`` (event_id, lat, lon, date_start, day_end, article_id, trigger_start): every
  pair of an event and a point of its places, with its days and list-order columns, kept at write
  time likewise. A box's events of a month are range reads of ``point_events_by_point_date``
  (lat, lon, date_start, article_id, trigger_start, event_id, day_end) for each of its points
  (``place_points``), and when the box and the days are the whole filter the page is sorted from
  those index rows alone, its 50 events read after; a box of many pairs in its days reads
  ``point_events_by_date_order`` (date_start, article_id, trigger_start, event_id, lat, lon,
  day_end) in list order, checking each row's point, until its page is full. Before, a box's
  places found its events of every day (a box of many places but few in the month: 0.2-1.5 s a
  page), or the events of the month were read and checked one by one (an event row and a look-up
  each: 0.3-0.9 s when those pages were not in memory).
- ``ANALYZE`` of the tables the API reads, so the planner knows the new indexes and those of
  steps 8-10 (a store from the bench generator had statistics from before them).

What it costs writes (a small store of 400 articles, 10,000 events, every event placed at a point
of its own, the worst case for ``point_events``; the median of 3 runs, with and without the pairs
written, interleaved, machine loaded: load 8-12 on 2 cores): SQLite row path 3.93 -> 4.37 s of
CPU, bulk load 2.14 -> 2.59 s of CPU; PostgreSQL row path 29.5 -> 30.5 s wall (runs 22-37 s: in
the noise), bulk load 8.5 -> 8.6 s wall. Space on the million-event bench store: SQLite 2.57 ->
3.43 GB (both tables, their indexes and the statistics); PostgreSQL country_events 469 MB,
point_events 503 MB (the events table is 669 MB). The upgrade of the bench store (load
about 9): SQLite 277 s wall, 75 s of CPU; PostgreSQL 292 s wall.

Frozen: the tables below are the schema as this step creates it; never edit this file, change
the schema with a new step.
"""

from __future__ import annotations

from sqlalchemy import Column, Date, Float, ForeignKey, Integer, MetaData, String, Table, func, select
from sqlalchemy.engine import Connection

NAME = "api_005_place_event_orders"

metadata = MetaData()
# the earlier steps' tables as far as this step reads them (and the foreign keys point at)
events = Table("events", metadata, Column("id", String(40), primary_key=True), Column("article_id", String(64)),
               Column("date_start", Date), Column("date_end", Date), Column("trigger_start", Integer))
event_places = Table("event_places", metadata, Column("event_id", String(40)), Column("place_id", String(40)))
places = Table("places", metadata, Column("id", String(40), primary_key=True), Column("lat", Float),
               Column("lon", Float), Column("country_code", String(4)))

country_events = Table(
    "country_events",
    metadata,
    Column("country_code", String(4), primary_key=True),
    Column("event_id", String(40), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("date_start", Date),
    Column("article_id", String(64), nullable=False),
    Column("trigger_start", Integer, nullable=False),
)
point_events = Table(
    "point_events",
    metadata,
    Column("event_id", String(40), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("lat", Float, primary_key=True),
    Column("lon", Float, primary_key=True),
    Column("date_start", Date),
    Column("day_end", Date),
    Column("article_id", String(64), nullable=False),
    Column("trigger_start", Integer, nullable=False),
)

INDEXES = {
    "country_events_by_event": "country_events (event_id)",  # the cascade from a deleted event
    "country_events_by_country_order": "country_events (country_code, date_start, article_id, trigger_start, event_id)",
    "point_events_by_point_date": "point_events (lat, lon, date_start, article_id, trigger_start, event_id, day_end)",
    "point_events_by_date_order":
        "point_events (date_start, article_id, trigger_start, event_id, lat, lon, day_end)",
}
NEWEST_FIRST = {  # undated last: said on PostgreSQL, the default of DESC on SQLite
    "postgresql": {"country_events_by_country_order_desc":
                   "country_events (country_code, date_start DESC NULLS LAST, article_id, trigger_start, event_id)"},
    "sqlite": {"country_events_by_country_order_desc":
               "country_events (country_code, date_start DESC, article_id, trigger_start, event_id)"},
}
ANALYZED = ("events", "places", "event_places", "event_tallies", "event_country_tallies", "entity_events",
            "place_points", "country_events", "point_events")


def apply(connection: Connection) -> None:
    country_events.create(connection, checkfirst=True)
    point_events.create(connection, checkfirst=True)
    e, p = events.c, places.c
    placed = events.join(event_places, event_places.c.event_id == e.id).join(places, p.id == event_places.c.place_id)
    # the rows first, the indexes after: one sort each instead of a million index inserts
    connection.execute(country_events.insert().from_select(
        ["country_code", "event_id", "date_start", "article_id", "trigger_start"],
        select(p.country_code, e.id, e.date_start, e.article_id, e.trigger_start).select_from(placed)
        .where(p.country_code.is_not(None)).distinct()))
    connection.execute(point_events.insert().from_select(
        ["event_id", "lat", "lon", "date_start", "day_end", "article_id", "trigger_start"],
        select(e.id, p.lat, p.lon, e.date_start, func.coalesce(e.date_end, e.date_start), e.article_id,
               e.trigger_start).select_from(placed)
        .where(p.lat.is_not(None), p.lon.is_not(None)).distinct()))
    for name, on in {**INDEXES, **NEWEST_FIRST[connection.dialect.name]}.items():
        connection.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {on}")
    for table in ANALYZED:
        connection.exec_driver_sql(f"ANALYZE {table}")

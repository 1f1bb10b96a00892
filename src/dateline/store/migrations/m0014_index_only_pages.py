"""Step 14: a page of events with a ``since`` read from index rows alone (measured with
``python -m dateline.bench.api`` on a million events).

An event overlaps a range when ``COALESCE(date_end, date_start) >= since``. The list-order
indexes held ``date_start`` but not ``date_end``, so a page read in list order off them read the
event row of every candidate to check that: 50-250 rows scattered over the events table (a 5 GB
file on SQLite), a random read each when they are not in memory, the dearest part of the page
("type + a quarter", "actor + since" in the bench).

- ``events_by_type_date_order`` and ``events_by_date_order``: ``date_end`` added last, so the
  index rows hold the whole condition (and the order): the page is an index-only scan.
- ``entity_events`` gains ``day_end`` (the event's ``COALESCE(date_end, date_start)``, kept at
  write time with the other list-order columns: ``store/entity_events.py``), and
  ``entity_events_by_entity_order`` / ``..._desc`` end with it: an entity's page with a
  ``since`` (and no other filter) reads its pairs' index rows alone, no event row. The step fills
  it from the events.

The indexes are dropped and made again under their names (a name is what the plans and the tests
look for). ``ANALYZE`` of the tables changed. On PostgreSQL the UPDATE leaves each pair's old row
version to autovacuum, and an index-only scan reads the table's visibility map, which that vacuum
sets again (it ran within a minute of the upgrade on the bench store).

What it cost (the bench store: a million events, 1.23 million pairs): the upgrade 48 s wall and
26 s of CPU on SQLite, 154 s wall on PostgreSQL; writes (``bench.store_query``'s generator and
its pairs, tallies and documents, 40,000 events, SQLite, twice each in turn, load 5): 10.5 / 10.5
s of CPU before, 9.8 / 9.9 after (no cost seen beside the noise). What it gave: the SQL of a
type and a quarter's page (median of 20 drawings, warm) 0.6 -> 0.1 ms (page 1) and 1.5 -> 0.2-0.5
ms (page 5) on SQLite, 2.3-12.4 -> 0.4-0.7 ms (page 5) on PostgreSQL; of an entity's page with a
since 1.3 -> 0.2-0.3 (SQLite) and 2.1-6.7 -> 0.3-0.4 ms (PostgreSQL).

Frozen: the tables below are the schema as this step leaves it; never edit this file, change the
schema with a new step.
"""

from __future__ import annotations

from sqlalchemy import Column, Date, MetaData, String, Table, func, select, update
from sqlalchemy.engine import Connection

NAME = "api_index_only_pages"

metadata = MetaData()
# the tables as far as this step reads and writes them
events = Table("events", metadata, Column("id", String(40), primary_key=True), Column("date_start", Date),
               Column("date_end", Date))
entity_events = Table("entity_events", metadata, Column("entity_id", String(200), primary_key=True),
                      Column("event_id", String(40), primary_key=True), Column("day_end", Date))

INDEXES = {
    "events_by_type_date_order": "events (type, date_start, article_id, trigger_start, id, date_end)",
    "events_by_date_order": "events (date_start, article_id, trigger_start, id, date_end)",
    "entity_events_by_entity_order":
        "entity_events (entity_id, date_start, article_id, trigger_start, event_id, day_end)",
}
NEWEST_FIRST = {  # undated last: said on PostgreSQL, the default of DESC on SQLite (as step 10)
    "postgresql": {"entity_events_by_entity_order_desc":
                   "entity_events (entity_id, date_start DESC NULLS LAST, article_id, trigger_start, event_id, "
                   "day_end)"},
    "sqlite": {"entity_events_by_entity_order_desc":
               "entity_events (entity_id, date_start DESC, article_id, trigger_start, event_id, day_end)"},
}
ANALYZED = ("events", "entity_events")


def apply(connection: Connection) -> None:
    connection.exec_driver_sql("ALTER TABLE entity_events ADD COLUMN day_end DATE")
    e = events.c
    connection.execute(update(entity_events).values(day_end=select(func.coalesce(e.date_end, e.date_start)).where(
        e.id == entity_events.c.event_id).scalar_subquery()))
    for name, on in {**INDEXES, **NEWEST_FIRST[connection.dialect.name]}.items():
        connection.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
        connection.exec_driver_sql(f"CREATE INDEX {name} ON {on}")
    for table in ANALYZED:
        connection.exec_driver_sql(f"ANALYZE {table}")

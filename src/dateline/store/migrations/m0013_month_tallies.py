"""Event counts by start month beside the counts by day of step 9, so a chart count or a list
total over whole months or a whole country sums tens of rows where the day rows were hundreds to
thousands (the bench store, 1M events: every (country, day, type) row of a country is 14,600 rows,
its (country, month, type) rows 480; a month of every country 2,208 day rows, 800 month rows):

- ``event_month_tallies`` (key, month, type, n): every event once, by the first day of the month
  it starts in (NULL: undated) and its type;
- ``event_country_month_tallies`` (key, country_code, month, type, n): every pair of an event and a
  country of its places once, by country too.

A range's whole months are read from these; its partial months at either end, and the events
that start before it and reach into it, from the day rows (``store/tallies.py``). ``key`` is the
other columns joined by ``|`` (an empty text for an undated month; the country first). The step
builds both from the day rows of step 9 (a few tens of thousands of rows, not the events).

Frozen: the tables below are the schema as this step creates it; never edit this file, change
the schema with a new step.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import Column, Date, Index, Integer, MetaData, String, Table, func, select
from sqlalchemy.engine import Connection

NAME = "api_month_tallies"

metadata = MetaData()
event_month_tallies = Table(
    "event_month_tallies",
    metadata,
    Column("key", String(80), primary_key=True),
    Column("month", Date),
    Column("type", String(24), nullable=False),
    Column("n", Integer, nullable=False),
)
Index("event_month_tallies_by_type_month", event_month_tallies.c.type, event_month_tallies.c.month,
      event_month_tallies.c.n)
Index("event_month_tallies_by_month", event_month_tallies.c.month, event_month_tallies.c.type,
      event_month_tallies.c.n)

event_country_month_tallies = Table(
    "event_country_month_tallies",
    metadata,
    Column("key", String(80), primary_key=True),
    Column("country_code", String(4), nullable=False),
    Column("month", Date),
    Column("type", String(24), nullable=False),
    Column("n", Integer, nullable=False),
)
Index("event_country_month_tallies_by_country", event_country_month_tallies.c.country_code,
      event_country_month_tallies.c.type, event_country_month_tallies.c.month, event_country_month_tallies.c.n)
Index("event_country_month_tallies_by_month", event_country_month_tallies.c.month,
      event_country_month_tallies.c.country_code, event_country_month_tallies.c.type, event_country_month_tallies.c.n)

# step 9's day rows, as far as this step reads them
_read = MetaData()
event_tallies = Table("event_tallies", _read, Column("date_start", Date), Column("type", String(24)),
                      Column("n", Integer))
event_country_tallies = Table("event_country_tallies", _read, Column("country_code", String(4)),
                              Column("date_start", Date), Column("type", String(24)), Column("n", Integer))

BATCH = 5000


def _key(*parts) -> str:
    return "|".join(p.isoformat() if hasattr(p, "isoformat") else ("" if p is None else p) for p in parts)


def _insert(connection: Connection, table: Table, counts: Counter, columns: tuple[str, ...]) -> None:
    rows = [{"key": _key(*parts), **dict(zip(columns, parts)), "n": n} for parts, n in counts.items() if n]
    for start in range(0, len(rows), BATCH):
        connection.execute(table.insert(), rows[start:start + BATCH])


def apply(connection: Connection) -> None:
    metadata.create_all(connection, checkfirst=True)
    # the months summed in Python from the day rows grouped by (day, type): the same on both
    # dialects, and a few tens of thousands of rows at a million events
    d = event_tallies.c
    every: Counter = Counter()
    for day, kind, n in connection.execute(select(d.date_start, d.type, func.sum(d.n))
                                           .group_by(d.date_start, d.type)):
        every[(day.replace(day=1) if day is not None else None, kind)] += int(n)
    _insert(connection, event_month_tallies, every, ("month", "type"))
    c = event_country_tallies.c
    by_country: Counter = Counter()
    for country, day, kind, n in connection.execute(select(c.country_code, c.date_start, c.type, func.sum(c.n))
                                                    .group_by(c.country_code, c.date_start, c.type)):
        by_country[(country, day.replace(day=1) if day is not None else None, kind)] += int(n)
    _insert(connection, event_country_month_tallies, by_country, ("country_code", "month", "type"))
    for table in ("event_month_tallies", "event_country_month_tallies"):
        connection.exec_driver_sql(f"ANALYZE {table}")

"""Event counts kept at write time: ``event_tallies`` (every event once, by start day, last day
and type) and ``event_country_tallies`` (every pair of an event and a country of its places once,
by country too), and ``place_points`` (how many place rows lie at each point: a box's points,
``store.filters``). Chart counts and list totals whose filter is only type, dates and country are
summed from them: a few hundred rows where counting the events reads tens of thousands (a month
of a million events: 0.6 s of CPU on SQLite; a common country's events: seconds).

Every write of an article's events keeps them right: ``untally_articles`` before its rows go,
``tally_articles`` after its new rows are in, in the same transaction (``store.records``,
``store.bulk``). A store upgraded to step 9 (10 for the points) has them built from its rows by that step;
``rebuild_tallies`` builds them again from the events (the bench generator writes rows straight
into the tables).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select

from dateline.store import tables as t

if TYPE_CHECKING:  # store.filters reads store.records, which writes through this module
    from dateline.store.filters import EventFilter

CHUNK = 500  # article ids in one IN list
# the filter fields and count keys the tallies can answer; any other filter counts the events
TALLIED_FILTERS = ("type", "country", "since", "until")
TALLIED_KEYS = ("day", "type", "country")


def _day(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


def tally_key(date_start: date | None, day_end: date | None, kind: str, country: str | None = None) -> str:
    """The text key of a tally row (the same in the migration step that built the first rows)."""
    parts = [_day(date_start), _day(day_end), kind]
    return "|".join(parts if country is None else [country, *parts])


def point_key(lat: float, lon: float) -> str:
    """The text key of a ``place_points`` row (exact: a float's repr reads back as itself)."""
    return f"{float(lat)!r}|{float(lon)!r}"


def article_tallies(connection: Connection, article_ids: Sequence[str]) -> Counter:
    """What these articles' stored events add to each tally row: {(table, row values): n}."""
    e = t.events.c
    found: Counter = Counter()
    for start in range(0, len(article_ids), CHUNK):
        chunk = list(article_ids[start:start + CHUNK])
        rows = connection.execute(select(e.date_start, e.date_end, e.type, func.count())
                                  .where(e.article_id.in_(chunk)).group_by(e.date_start, e.date_end, e.type))
        for day, end, kind, n in rows:
            found[(t.event_tallies, (None, day, end if end is not None else day, kind))] += n
        # an event counts once in each country of its places (two places in one country: once)
        pairs = (select(e.id, e.date_start, e.date_end, e.type, t.places.c.country_code)
                 .select_from(t.events.join(t.event_places, t.event_places.c.event_id == e.id)
                              .join(t.places, t.places.c.id == t.event_places.c.place_id))
                 .where(e.article_id.in_(chunk), t.places.c.country_code.is_not(None)).distinct().subquery())
        p = pairs.c
        rows = connection.execute(select(p.country_code, p.date_start, p.date_end, p.type, func.count())
                                  .group_by(p.country_code, p.date_start, p.date_end, p.type))
        for country, day, end, kind, n in rows:
            found[(t.event_country_tallies, (country, day, end if end is not None else day, kind))] += n
        pl = t.places.c
        rows = connection.execute(select(pl.lat, pl.lon, func.count()).where(
            pl.article_id.in_(chunk), pl.lat.is_not(None), pl.lon.is_not(None)).group_by(pl.lat, pl.lon))
        for lat, lon, n in rows:
            found[(t.place_points, (lat, lon))] += n
    return found


def apply_changes(connection: Connection, changes: Counter) -> None:
    """Add each change to its tally row (made when new), and drop rows that reach 0. Keys in
    sorted order: concurrent writers on PostgreSQL take the rows' locks in one order."""
    insert = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
    by_table: dict = {}
    for (table, parts), n in changes.items():
        if not n:
            continue
        if table is t.place_points:
            lat, lon = parts
            values = {"key": point_key(lat, lon), "lat": lat, "lon": lon, "n": n}
        else:
            country, day, end, kind = parts
            values = {"key": tally_key(day, end, kind, country), "date_start": day, "day_end": end, "type": kind,
                      "n": n}
            if country is not None:
                values["country_code"] = country
        by_table.setdefault(table, []).append(values)
    for table, rows in by_table.items():
        rows.sort(key=lambda r: r["key"])
        statement = insert(table)
        statement = statement.on_conflict_do_update(index_elements=[table.c.key],
                                                    set_={"n": table.c.n + statement.excluded.n})
        for start in range(0, len(rows), CHUNK):
            connection.execute(statement, rows[start:start + CHUNK])
        emptied = [r["key"] for r in rows if r["n"] < 0]
        for start in range(0, len(emptied), CHUNK):
            connection.execute(delete(table).where(table.c.key.in_(emptied[start:start + CHUNK]), table.c.n <= 0))


def tally_articles(connection: Connection, article_ids: Sequence[str]) -> None:
    """Count these articles' stored events in (after their rows are written)."""
    apply_changes(connection, article_tallies(connection, article_ids))


def untally_articles(connection: Connection, article_ids: Sequence[str]) -> None:
    """Count these articles' stored events out (before their rows are deleted)."""
    apply_changes(connection, Counter({k: -n for k, n in article_tallies(connection, article_ids).items()}))


def rebuild_tallies(connection: Connection) -> None:
    """Both tables built again from every stored event."""
    connection.execute(delete(t.event_tallies))
    connection.execute(delete(t.event_country_tallies))
    connection.execute(delete(t.place_points))
    ids = [r[0] for r in connection.execute(select(t.events.c.article_id).union(select(t.places.c.article_id)))]
    for start in range(0, len(ids), 20 * CHUNK):
        tally_articles(connection, ids[start:start + 20 * CHUNK])


# --- reading ----------------------------------------------------------------------------------------


def answerable(query: EventFilter, by: Sequence[str] = ()) -> bool:
    """Whether the tallies hold the answer: a filter of type, dates and country only, counted by
    day, type or country."""
    others = [name for name in ("acled_type", "actor", "place", "bbox", "modality", "article_id", "outlet",
                                "min_confidence") if getattr(query, name) is not None]
    return not others and all(key in TALLIED_KEYS for key in by)


def _source(connection: Connection, query: EventFilter, by: Sequence[str], starts_from: date | None = None):
    """The tally table for this question and the conditions of its filter (``starts_from``: the
    ``earliest_start`` of the filter's ``since``, when the caller has it already)."""
    country = "country" in by or query.country is not None
    from dateline.store.filters import earliest_start

    table = t.event_country_tallies if country else t.event_tallies
    c = table.c
    conditions = []
    if query.country:
        conditions.append(c.country_code == query.country.upper())
    if query.type:
        conditions.append(c.type == query.type.upper())
    if query.since:
        # as the events' filter: the days overlap the range; the earliest start bounds the index
        conditions.append(c.day_end >= query.since)
        conditions.append(c.date_start >= (starts_from or earliest_start(connection, query.since)))
    if query.until:
        conditions.append(c.date_start <= query.until)
    return table, conditions


def tallied_counts_select(connection: Connection, query: EventFilter, by: Sequence[str],
                          limit: int | None = None, starts_from: date | None = None) -> Select:
    """The rows ``store.counts.event_counts_select`` gives (same keys, ``events``, same order),
    summed from the tallies; only when ``answerable``."""
    table, conditions = _source(connection, query, by, starts_from)
    c = table.c
    column = {"day": c.date_start, "type": c.type, "country": getattr(c, "country_code", None)}
    group = [column[key] for key in by]
    conditions += [c.date_start.is_not(None)] if "day" in by else []
    events = func.sum(c.n).label("events")
    statement = (select(*[column[key].label(key) for key in by], events).where(*conditions)
                 .group_by(*group))
    statement = statement.order_by(*group) if "day" in by else statement.order_by(events.desc(), *group)
    return statement.limit(limit) if limit is not None else statement


def tallied_counts(connection: Connection, query: EventFilter, by: Sequence[str],
                   limit: int | None = None, starts_from: date | None = None) -> list[dict]:
    result = connection.execute(tallied_counts_select(connection, query, by, limit, starts_from))
    # rows as tuples zipped with the keys: a year by day is 365 rows, and a mapping per row cost
    # more than summing them
    # (``all()``: one fetch of every row, where iterating the result fetches them one by one: a
    # year by day, 0.4 ms of CPU less)
    keys = (*by, "events")
    return [dict(zip(keys, (*row[:-1], int(row[-1])))) for row in result.all()]


def tallied_total_select(connection: Connection, query: EventFilter, starts_from: date | None = None) -> Select:
    """The sum of the kept counts ``tallied_total`` reads (only when ``answerable``)."""
    table, conditions = _source(connection, query, (), starts_from)
    return select(func.coalesce(func.sum(table.c.n), 0)).where(*conditions)


def tallied_total(connection: Connection, query: EventFilter, starts_from: date | None = None) -> int:
    """How many events match (only when ``answerable``)."""
    return int(connection.execute(tallied_total_select(connection, query, starts_from)).scalar_one())

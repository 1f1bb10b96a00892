"""``country_events`` and ``point_events`` kept at write time: every pair of an event and a
country of its places, with the event's list-order columns (start day, article, position), and
every pair of an event and a point (lat, lon) of its places, with its days and list-order columns. A country's page
is then a range read of its (country, list order) index that stops after the page, newest first
as well as oldest (``store.filters``); a box's events of some days are range reads of its points'
(point, day) index, where the places alone found every event of the box on every day; when the
box and the days are the whole filter, its page is sorted from those index rows alone.

What changes them: an article's events written (``link_articles`` after its new rows are in, in
the same transaction: ``store.records``, ``store.bulk``). An article's places are written and
deleted with its events, so nothing else moves them; a deleted event takes its rows with it
(foreign keys, cascade). A store upgraded to step 11 has them built from its rows by that step.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, func, select
from sqlalchemy.engine import Connection

from dateline.store import tables as t

CHUNK = 500  # article ids in one IN list
COUNTRY_COLUMNS = ["country_code", "event_id", "date_start", "article_id", "trigger_start"]
POINT_COLUMNS = ["event_id", "lat", "lon", "date_start", "day_end", "article_id", "trigger_start"]


def _placed(*columns, article_ids: Sequence[str] | None):
    e, p = t.events.c, t.places.c
    statement = (select(*columns).select_from(t.events.join(t.event_places, t.event_places.c.event_id == e.id)
                                               .join(t.places, p.id == t.event_places.c.place_id)).distinct())
    # (an event with two places in one country, or at one point, is one row)
    return statement.where(e.article_id.in_(article_ids)) if article_ids is not None else statement


def country_rows(article_ids: Sequence[str] | None = None):
    """The (country, event) pairs of these articles' events, or of every event."""
    e, p = t.events.c, t.places.c
    return _placed(p.country_code, e.id, e.date_start, e.article_id, e.trigger_start,
                   article_ids=article_ids).where(p.country_code.is_not(None))


def point_rows(article_ids: Sequence[str] | None = None):
    """The (event, point) pairs of these articles' events, or of every event."""
    e, p = t.events.c, t.places.c
    return _placed(e.id, p.lat, p.lon, e.date_start, func.coalesce(e.date_end, e.date_start), e.article_id,
                   e.trigger_start, article_ids=article_ids).where(
        p.lat.is_not(None), p.lon.is_not(None))


def link_articles(connection: Connection, article_ids: Sequence[str]) -> None:
    """The rows of these articles' stored events, after their rows are written (the rows of their
    earlier events went with those events, by cascade)."""
    for start in range(0, len(article_ids), CHUNK):
        chunk = list(article_ids[start:start + CHUNK])
        connection.execute(t.country_events.insert().from_select(COUNTRY_COLUMNS, country_rows(chunk)))
        connection.execute(t.point_events.insert().from_select(POINT_COLUMNS, point_rows(chunk)))


def rebuild(connection: Connection) -> None:
    """Both built again from every event (rows written straight into the tables)."""
    connection.execute(delete(t.country_events))
    connection.execute(delete(t.point_events))
    connection.execute(t.country_events.insert().from_select(COUNTRY_COLUMNS, country_rows()))
    connection.execute(t.point_events.insert().from_select(POINT_COLUMNS, point_rows()))

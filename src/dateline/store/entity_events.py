"""``entity_events`` kept at write time: every pair of a canonical entity and an event one of
whose actors or whose source is linked to it (``entity_links``), with the event's list-order
columns (start day, article, position) and its last day (``day_end``, step 14: what a ``since``
compares), so an actor filter that is an entity's id reads a page
of its events in list order off one index and stops after the page, a ``since`` checked in the
index rows (``store.filters``).

What changes it: an article's events written (``link_articles`` after its new rows are in, in the
same transaction: ``store.records``, ``store.bulk``), or the links replaced by the reduce step
(``relink_all``). A deleted event or entity takes its rows with it (foreign keys, cascade). A
store upgraded to step 10 has it built from its rows by that step.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, func, select, union
from sqlalchemy.engine import Connection

from dateline.store import tables as t

CHUNK = 500  # article ids in one IN list
COLUMNS = ["entity_id", "event_id", "date_start", "article_id", "trigger_start", "day_end"]


def _linked_rows(article_ids: Sequence[str] | None = None):
    """The pairs (and the event's order columns) of these articles' events, or of every event."""
    link, actor, source, e = t.entity_links.c, t.event_actors.c, t.attributions.c, t.events.c
    by_actor = select(link.entity_id, actor.event_id).join(t.entity_links, link.entity_key == actor.entity_key)
    by_source = select(link.entity_id, source.event_id).join(t.entity_links, link.entity_key == source.entity_key)
    if article_ids is not None:  # (each part bounded by the articles' events, found by their index)
        of_articles = select(e.id).where(e.article_id.in_(article_ids))
        by_actor = by_actor.where(actor.event_id.in_(of_articles))
        by_source = by_source.where(source.event_id.in_(of_articles))
    linked = union(by_actor, by_source).subquery()
    return select(linked.c.entity_id, linked.c.event_id, e.date_start, e.article_id, e.trigger_start,
                  func.coalesce(e.date_end, e.date_start)).join(t.events, e.id == linked.c.event_id)


def link_articles(connection: Connection, article_ids: Sequence[str]) -> None:
    """The rows of these articles' stored events, after their rows are written (the rows of their
    earlier events went with those events, by cascade)."""
    for start in range(0, len(article_ids), CHUNK):
        chunk = list(article_ids[start:start + CHUNK])
        connection.execute(t.entity_events.insert().from_select(COLUMNS, _linked_rows(chunk)))


def relink_all(connection: Connection) -> None:
    """Built again from every event (the links changed)."""
    connection.execute(delete(t.entity_events))
    connection.execute(t.entity_events.insert().from_select(COLUMNS, _linked_rows()))

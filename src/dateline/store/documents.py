"""``event_documents`` kept at write time: each event's JSON, exactly the bytes the API writes for
it in a list page (``Page[Event]``), so a page of events is its ids (the list query), one read of
their documents by primary key and a join of bytes, where reading the event back cost five
statements and the records made and serialised again (about 4 ms of CPU for a page of 50 on the
million-event store: most of what a server on two cores can spend on a request).

A document is made by reading the event back from its rows (``records.events_from_rows``, the
list's own read path) and serialising it with pydantic, so it cannot differ from the read-back
page: what the rows hold, and the canonical entity id of each actor and of the source as
``entity_links`` gives it at that moment. Only the event columns the records take are read
(``records.EVENT_READ_COLUMNS``), so a later step that adds a column to ``events`` for its
queries leaves the upgrade step that builds these documents working on older stores.

What changes them:
- an article's events written (``write_for_articles`` after its new rows are in, in the same
  transaction: ``store.records`` (row path, re-reads), ``store.bulk``), but only of the events
  whose entities are linked already or that name none; the others wait for the reduce step's
  links (``write_after_links``), so each is made once; a deleted event (a re-read,
  a failed re-read, a duplicate) takes its document with it (foreign key, cascade);
- the links replaced by the reduce step (``store.entities.replace_entities``): the documents of
  the events whose actors or source are linked to another entity, or to none, are made again, and
  those of events still without one are made (``write_after_links``). Entity corrections (API and CLI) go into the entities file and reach
  the store through that step. Whole documents rather than a stable part joined at read time with
  the ids: a page then reads one table, and a reduce step rewrites only the events of the keys it
  links differently (a new article's keys, an entity merged or split), not every event.

``version`` says which release's JSON a document holds (a fingerprint of the Event schema): a page
reads only documents of this release's version and reads the others back from their rows, so a
release that changes the event JSON serves it right before its step rebuilds the documents.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence

from pydantic import TypeAdapter
from sqlalchemy import bindparam, delete, literal_column, select, union
from sqlalchemy.engine import Connection

from dateline.model import Event
from dateline.store import records
from dateline.store import tables as t

CHUNK = 500  # ids in one IN list
REBUILD_BATCH = 2000  # events read back at a time when every document is made again

_EVENT_JSON = TypeAdapter(Event)
# the JSON's shape: the Event schema as pydantic describes it (field names, types, nesting)
VERSION = hashlib.sha256(json.dumps(_EVENT_JSON.json_schema(), sort_keys=True).encode()).hexdigest()[:16]


def event_document(event: Event) -> str:
    """The event's JSON as a list page holds it (``Page[Event].model_dump_json``'s item)."""
    return _EVENT_JSON.dump_json(event).decode()


def _write(connection: Connection, events: Sequence[Event]) -> None:
    if events:
        connection.execute(t.event_documents.insert(),
                           [{"event_id": e.id, "version": VERSION, "document": event_document(e)} for e in events])


def write_for_articles(connection: Connection, article_ids: Sequence[str]) -> None:
    """The documents of these articles' stored events, after their rows are written (the documents
    of their earlier events went with those events, by cascade): of the events whose actors and
    source are linked already, or name no article entity. An event naming an entity the reduce
    step has not linked yet gets its document there (``write_after_links``), once, with its
    canonical ids: made here it would be made again (the pipeline's map step writes, its reduce
    step links, every new article's events: twice the CPU, measured 3.8 ms an article)."""
    for start in range(0, len(article_ids), CHUNK):
        chunk = list(article_ids[start:start + CHUNK])
        waiting = _waiting_for_links(connection, chunk)
        rows = [row for row in connection.execute(select(*records.EVENT_READ_COLUMNS)
                                                  .where(t.events.c.article_id.in_(chunk))).all()
                if row.id not in waiting]
        _write(connection, records.events_from_rows(connection, rows))


def _waiting_for_links(connection: Connection, article_ids: Sequence[str]) -> set[str]:
    """The events of these articles one of whose actors or whose source is an article entity with
    no link yet."""
    linked = select(t.entity_links.c.entity_key)
    found: set[str] = set()
    for slot in (t.event_actors.c, t.attributions.c):
        query = (select(slot.event_id).join(t.events, t.events.c.id == slot.event_id)
                 .where(t.events.c.article_id.in_(article_ids), slot.entity_key.is_not(None),
                        slot.entity_key.not_in(linked)))
        found.update(row[0] for row in connection.execute(query))
    return found


def write_after_links(connection: Connection, changed_keys: Iterable[str]) -> int:
    """After the reduce step replaced the links: the documents of the events whose keys are linked
    otherwise, and of every event still without one of this release (those whose entities were
    waiting for their links, and any a crash left out), made again; returns how many."""
    events = events_of_keys(connection, changed_keys)
    missing = (select(t.events.c.id).outerjoin(t.event_documents, t.event_documents.c.event_id == t.events.c.id)
               .where(t.event_documents.c.event_id.is_(None)))
    events.update(row[0] for row in connection.execute(missing))
    rewrite_events(connection, events)
    return len(events)


def rewrite_events(connection: Connection, event_ids: Iterable[str]) -> None:
    """These events' documents made again from their rows."""
    ids = sorted(set(event_ids))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        connection.execute(delete(t.event_documents).where(t.event_documents.c.event_id.in_(chunk)))
        rows = connection.execute(select(*records.EVENT_READ_COLUMNS).where(t.events.c.id.in_(chunk))).all()
        _write(connection, records.events_from_rows(connection, rows))


def events_of_keys(connection: Connection, keys: Iterable[str]) -> set[str]:
    """The events one of whose actors or whose source is this article entity key."""
    wanted = sorted(set(keys))
    found: set[str] = set()
    actor, source = t.event_actors.c, t.attributions.c
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start:start + CHUNK]
        query = union(select(actor.event_id).where(actor.entity_key.in_(chunk)),
                      select(source.event_id).where(source.entity_key.in_(chunk)))
        found.update(row[0] for row in connection.execute(query))
    return found


def rebuild(connection: Connection, batch: int = REBUILD_BATCH) -> int:
    """Every document made again from the rows, events in id order a batch at a time; returns how
    many."""
    connection.execute(delete(t.event_documents))
    last, written = "", 0
    while True:
        rows = connection.execute(select(*records.EVENT_READ_COLUMNS).where(t.events.c.id > last)
                                  .order_by(t.events.c.id).limit(batch)).all()
        if not rows:
            return written
        _write(connection, records.events_from_rows(connection, rows))
        written += len(rows)
        last = rows[-1].id


def read(connection: Connection, event_ids: Sequence[str]) -> dict[str, str]:
    """The kept documents of these events (of this release's version), by event id; an event
    without one is missing from the answer."""
    return {event_id: found[0][1] for event_id, found in records.by_event(connection, _DOCUMENTS, event_ids).items()}


# this release's documents of a page's ids (its version written into the SQL: hex, nothing to quote),
# run on the driver's cursor as the page's other reads are (``records.by_event``)
_DOCUMENTS = (select(t.event_documents.c.event_id, t.event_documents.c.document)
              .where(t.event_documents.c.event_id.in_(bindparam("ids", expanding=True)),
                     t.event_documents.c.version == literal_column(f"'{VERSION}'")))

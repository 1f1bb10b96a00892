"""Step 12: ``event_documents`` (event_id, version, document): each event's JSON exactly as an API
list page writes it, kept at write time (``store/documents.py``). A page of events is then its
ids (the list query, unchanged), one read of their documents by primary key and a join of bytes;
before, the page read its events back (the event rows, then actors, places, quantities and
attribution: four statements), made records of them and serialised them again: about 4 ms of
the server's CPU for a page of 50 on the million-event store, where 20 clients on two cores leave
a request about 5 ms.

The step builds the documents from the rows with the release's own read-back and serialiser
(``documents.rebuild``): a document is, by definition, the JSON of the release that wrote it
(its ``version``), so it cannot be made by frozen code. A later step that changes the event rows
or the event JSON rebuilds them again (a page reads documents of its own version only, and reads
any other event back from its rows meanwhile).

What it gives (the million-event bench store, a page of 50 events of the five list questions of
``bench.api``, the page's SQL and the body included, no HTTP; 200 pages each way, interleaved in
one process, machine loaded): SQLite 10.1 -> 5.8 ms of CPU a page, PostgreSQL 9.3 -> 5.4 ms (in
dateline's process; the database server's CPU aside). Reading the 50 documents is 0.2 ms of it.

What it costs writes (a small store of 400 articles, 10,000 events, each with two linked actors, a
place, a quantity and an attribution; SQLite, CPU seconds, the median of 3 runs with and without
the documents, interleaved, load 7-9 on 2 cores): row path 4.19 -> 5.69 s, bulk load 3.17 ->
4.94 s, the reduce step's links when every key is new (every document made again) 0.40 -> 2.32 s;
PostgreSQL, wall seconds (noisier): row path 13.7 -> 22.2 s, bulk load 8.4 -> 11.6 s, links 3.1-3.3
-> 5.0-7.7 s. In an extract run the documents are made twice (at the write, with no links yet, and
again by the reduce step), still small beside the reading of the texts.
Space on the million-event bench store: SQLite 3.43 -> 4.83 GB; PostgreSQL event_documents 1,302
MB (the events table is 669 MB). The upgrade of the bench store (load 5-9): SQLite 282 s wall,
139 s of CPU; PostgreSQL 531 s wall, 119 s of CPU in dateline's process.

A caution for later steps: this step reads the rows with the release's read-back, only the event
columns the records take (``records.EVENT_READ_COLUMNS``) and the child tables' columns they take:
a later step that adds a column for its own queries leaves it working, but one whose column the
records read (a new field of the event JSON) runs after this step on an older store, so it must
rebuild the documents itself, and this step must then be made to read only what it can find.

Frozen: the table below is the schema as this step creates it; never edit this file, change the
schema with a new step.
"""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, MetaData, String, Table, Text
from sqlalchemy.engine import Connection

NAME = "api_006_event_documents"

metadata = MetaData()
events = Table("events", metadata, Column("id", String(40), primary_key=True))
event_documents = Table(
    "event_documents",
    metadata,
    Column("event_id", String(40), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("version", String(16), nullable=False),
    Column("document", Text, nullable=False),
)


def apply(connection: Connection) -> None:
    from dateline.store import documents  # the release's JSON (see above)

    event_documents.create(connection, checkfirst=True)
    documents.rebuild(connection)
    connection.exec_driver_sql("ANALYZE event_documents")

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

What it costs (measured; see docs/benchmarks.md, API section): see the numbers stated there and
in the commit that added this step.

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

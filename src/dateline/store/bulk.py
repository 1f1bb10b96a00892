"""The bulk write path: the map step's records of a partition of articles staged as Parquet
files, then loaded into the store in one transaction, then the files removed.

A partition is a folder ``part-NNNNNN`` in the store's staging folder (``STORE.staging/`` next
to a SQLite file; a folder named after the database in the temporary directory for
PostgreSQL) with one Parquet file per table: the rows in the store's own layout, ids included
(``records.article_rows``, the same function the row path writes with), and the
``extractions`` rows saying what became of each article of the partition (done, failed,
duplicate, language). It is written under a temporary name and renamed whole, so a folder
without the ``.tmp`` suffix is complete.

Loading is one transaction: everything stored for the partition's articles is removed (one
statement per table and 500 ids), then each table's rows go in: the driver's executemany in
batches of ``LOAD_BATCH`` rows on SQLite, ``COPY ... FROM STDIN`` (psycopg) on PostgreSQL. A
partition is thus loaded whole or not at all: a run killed before the commit leaves its
articles unread (the next run reads them again), one killed after it leaves a folder that the
next run removes unloaded. Loading twice gives the rows once (the removal comes first).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import Boolean, Date, DateTime, Float, Integer, Table, delete
from sqlalchemy.engine import Connection, Engine

from dateline.model import ArticleRecords
from dateline.store import documents, entity_events, place_events, records, tallies
from dateline.store import tables as t

LOAD_BATCH = 5_000  # rows per executemany on SQLite
CHUNK = 500  # ids per IN (...) list
DEFAULT_PARTITION = 256  # articles per partition

# parents before children, as records.article_rows gives them; extractions last
TABLE_ORDER = (t.timexes, t.places, t.article_entities, t.article_entity_names, t.article_entity_roles, t.mentions,
               t.events, t.event_actors, t.event_places, t.event_quantities, t.attributions, t.claims, t.extractions)
_BY_NAME = {table.name: table for table in TABLE_ORDER}


def staging_folder(engine: Engine) -> Path:
    """Where a store's partitions are staged: next to a SQLite file, else in the temporary
    directory under a name made from the database's address (no password in it)."""
    url = engine.url
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database).with_name(Path(url.database).name + ".staging")
    where = url.render_as_string(hide_password=True)  # with its options: two schemas are two stores
    digest = hashlib.sha256(where.encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"dateline-staging-{url.database or 'store'}-{digest}"


def _arrow_type(column) -> pa.DataType:
    kind = column.type
    if isinstance(kind, Boolean):
        return pa.bool_()
    if isinstance(kind, Integer):
        return pa.int64()
    if isinstance(kind, Float):
        return pa.float64()
    if isinstance(kind, DateTime):
        return pa.timestamp("us", tz="UTC")
    if isinstance(kind, Date):
        return pa.date32()
    return pa.string()


def _schema(table: Table, names: Sequence[str]) -> pa.Schema:
    return pa.schema([pa.field(name, _arrow_type(table.c[name])) for name in names])


def partition_rows(results: Sequence[ArticleRecords], failures: Iterable[tuple[str, str]] = (),
                   duplicates: Iterable[str] = (), unreadable: Iterable[tuple[str, str]] = ()) -> dict[Table, list[dict]]:
    """Every row a partition writes, by table: the records of the articles read, and one
    ``extractions`` row for each article of the partition (read, failed, duplicate, language)."""
    rows: dict[Table, list[dict]] = {table: [] for table in TABLE_ORDER}
    now = datetime.now(timezone.utc)
    for article in results:
        for table, found in records.article_rows(article).items():
            rows[table].extend(found)
        rows[t.extractions].append({"article_id": article.article_id, "status": "done", "error": None,
                                    "events": len(article.events), "processed_at": now})
    marks = [(article_id, "duplicate", None) for article_id in duplicates]
    marks += [(article_id, "language", f"written in {language}") for article_id, language in unreadable]
    marks += [(article_id, "failed", reason[:2000]) for article_id, reason in failures]
    for article_id, status, error in marks:
        rows[t.extractions].append({"article_id": article_id, "status": status, "error": error, "events": 0,
                                    "processed_at": now})
    return rows


def stage_partition(folder: Path, number: int, rows: dict[Table, list[dict]]) -> Path:
    """Write a partition's rows as Parquet files in ``folder/part-NNNNNN`` (complete once it
    has that name) and return its path."""
    final = folder / f"part-{number:06d}"
    partial = folder / f"part-{number:06d}.tmp"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    for table, found in rows.items():
        if not found:
            continue
        names = list(found[0])
        columns = {name: [row[name] for row in found] for name in names}
        pq.write_table(pa.table(columns, schema=_schema(table, names)), partial / f"{table.name}.parquet")
    shutil.rmtree(final, ignore_errors=True)
    os.replace(partial, final)
    return final


def read_partition(path: Path) -> dict[Table, dict[str, list]]:
    """A staged partition's columns by table, in load order."""
    found = {}
    for table in TABLE_ORDER:
        file = path / f"{table.name}.parquet"
        if file.exists():
            found[table] = pq.read_table(file).to_pydict()
    return found


def load_partition(engine: Engine, path: Path) -> int:
    """Load a staged partition in one transaction; returns how many articles it held."""
    columns = read_partition(path)
    article_ids = sorted(set(columns.get(t.extractions, {}).get("article_id", ())))
    with engine.begin() as connection:
        _forget(connection, article_ids)
        for table, data in columns.items():
            if connection.dialect.name == "postgresql":
                _copy(connection, table, data)
            else:
                _insert(connection, table, data)
        tallies.tally_articles(connection, article_ids)
        entity_events.link_articles(connection, article_ids)
        place_events.link_articles(connection, article_ids)
        documents.write_for_articles(connection, article_ids)
    return len(article_ids)


def _forget(connection: Connection, article_ids: Sequence[str]) -> None:
    """Everything stored for these articles, gone (children by cascade): what loading replaces."""
    for start in range(0, len(article_ids), CHUNK):
        chunk = article_ids[start:start + CHUNK]
        tallies.untally_articles(connection, chunk)
        for table in (*t.PER_ARTICLE_TABLES, t.extractions):
            connection.execute(delete(table).where(table.c.article_id.in_(chunk)))


def _insert(connection: Connection, table: Table, data: dict[str, list]) -> None:
    """executemany on the driver's cursor, inside the transaction, with each value turned into
    what SQLAlchemy would bind for its column (dates as ISO text on SQLite, ...): the same rows
    as ``table.insert()``, without building a parameter dict per row."""
    dialect = connection.dialect
    names = list(data)
    processors = [table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names]
    columns = [[process(v) for v in values] if process else values for process, values in zip(processors, data.values())]
    quote = dialect.identifier_preparer.quote
    statement = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)}) "
                 f"VALUES ({', '.join('?' for _ in names)})")
    rows = list(zip(*columns))
    cursor = connection.connection.driver_connection.cursor()
    try:
        for start in range(0, len(rows), LOAD_BATCH):
            cursor.executemany(statement, rows[start:start + LOAD_BATCH])
    finally:
        cursor.close()


def _copy(connection: Connection, table: Table, data: dict[str, list]) -> None:
    quote = connection.dialect.identifier_preparer.quote
    names = ", ".join(quote(name) for name in data)
    driver = connection.connection.driver_connection  # psycopg's connection, inside this transaction
    with driver.cursor() as cursor, cursor.copy(f"COPY {quote(table.name)} ({names}) FROM STDIN") as copy:
        for row in zip(*data.values()):
            copy.write_row(row)


def clear_staging(folder: Path) -> None:
    """Remove what a run killed earlier left staged: its loaded partitions are in the store,
    its unloaded ones are read again (their articles are not marked read)."""
    shutil.rmtree(folder, ignore_errors=True)


class PartitionWriter:
    """Collects mapped batches into partitions of at least ``size`` articles; each full
    partition is staged and loaded (``flush``)."""

    def __init__(self, engine: Engine, size: int = DEFAULT_PARTITION, folder: Path | None = None):
        if size < 1:
            raise ValueError("a partition holds at least one article")
        self.engine = engine
        self.size = size
        self.folder = folder or staging_folder(engine)
        self.number = 0
        self.partitions = 0  # loaded so far
        self._results: list[ArticleRecords] = []
        self._failures: list[tuple[str, str]] = []
        self._duplicates: list[str] = []
        self._unreadable: list[tuple[str, str]] = []

    def start(self) -> None:
        clear_staging(self.folder)

    @property
    def pending(self) -> int:
        return len(self._results) + len(self._failures) + len(self._duplicates) + len(self._unreadable)

    def add(self, results=(), failures=(), duplicates=(), unreadable=()) -> bool:
        """Add a batch; True when the partition was full and has been loaded."""
        self._results += results
        self._failures += failures
        self._duplicates += duplicates
        self._unreadable += unreadable
        if self.pending >= self.size:
            self.flush()
            return True
        return False

    def flush(self) -> None:
        if not self.pending:
            return
        rows = partition_rows(self._results, self._failures, self._duplicates, self._unreadable)
        self.number += 1
        path = stage_partition(self.folder, self.number, rows)
        load_partition(self.engine, path)
        shutil.rmtree(path, ignore_errors=True)
        self.partitions += 1
        self._results, self._failures, self._duplicates, self._unreadable = [], [], [], []

    def finish(self) -> None:
        self.flush()
        clear_staging(self.folder)

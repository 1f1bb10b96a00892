"""Which database a store URL names, and an Engine set up for it.

SQLite (a file path, or ``sqlite:///path``): write-ahead logging, so readers never block the
writer and a killed process leaves the last committed transaction intact; ``BEGIN`` emitted by
us rather than by the sqlite3 module, so that schema changes are transactional too (the
SQLAlchemy recipe for pysqlite). PostgreSQL (``postgresql://...``): psycopg 3.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError

DEFAULT_STORE = "dateline.db"
SQLITE_MMAP_BYTES = 1 << 34  # asked for; SQLite caps it at its build's limit (2 GiB in Debian's)
SQLITE_BUSY_SECONDS = 60  # how long a writer waits for another's lock ($DATELINE_SQLITE_BUSY_SECONDS)


class StoreError(RuntimeError):
    """A store that cannot be opened; the message names it and says why."""


def resolve_url(url: str | os.PathLike | None) -> str:
    """The SQLAlchemy URL for what a user typed (None: $DATELINE_DB, else dateline.db)."""
    raw = str(url) if url is not None else os.environ.get("DATELINE_DB") or DEFAULT_STORE
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if raw.startswith(prefix):
            return "postgresql+psycopg://" + raw[len(prefix):]
    if raw.startswith("sqlite:"):
        return raw
    if "://" in raw:
        raise StoreError(f"{raw}: not a store (give a SQLite file path or a postgresql:// URL)")
    path = Path(raw).expanduser()
    if path.exists() and path.is_dir():
        raise StoreError(f"{raw}: is a folder, not a SQLite file")
    if not path.parent.exists():
        raise StoreError(f"{raw}: cannot create the store, folder {path.parent} does not exist")
    return f"sqlite:///{path}"


def display_url(url: str) -> str:
    """The URL with any password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


# connections per process: as many as the server's thread pool runs requests at once (anyio's 40),
# so a burst of requests waits on the database, not for a connection (5 + 10, SQLAlchemy's
# default, failed requests after 30 s with 20 clients on a million events)
POOL_SIZE, POOL_OVERFLOW = 10, 30


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        busy = float(os.environ.get("DATELINE_SQLITE_BUSY_SECONDS", SQLITE_BUSY_SECONDS))
        engine = create_engine(url, connect_args={"timeout": busy}, pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW)

        @event.listens_for(engine, "connect")
        def _sqlite_connect(dbapi_connection, _record):
            dbapi_connection.isolation_level = None  # we say BEGIN ourselves (see module doc)
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")  # with WAL: durable across process crashes
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={int(busy * 1000)}")
            # reads through a memory map rather than a read() and a copy per page: a page of 50
            # events from a 1.7 GB store reads a few hundred scattered pages (on the 1M-event
            # bench store: 3.8 -> 2.5 ms of CPU for a page's rows); address space, not memory
            cursor.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(connection):
            connection.exec_driver_sql("BEGIN")

        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW)

"""One extract at a time per store. Two runs on one store would both read every pending article
(the records come out right only because the second overwrites the first); the second one is
refused with a line naming the first one's process.

PostgreSQL: a session advisory lock, held on a connection of its own for the whole run, named
by the connection's ``application_name`` (which carries the holder's pid and host). SQLite: an
exclusive ``flock`` on ``STORE.extract.lock`` next to the file, which holds the holder's pid.
Both are let go by the operating system or the server when the holder dies, even by kill -9:
a crashed run never leaves a stale lock behind.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import socket
import zlib
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine

from dateline.store.database import StoreError, display_url

# pg_try_advisory_lock(int, int): the first key says "dateline extract" (other applications'
# advisory locks on the database are unlikely to use it), the second is the store's schema
# hashed, since stores in different schemas of one database are different stores.
ADVISORY_CLASS = zlib.crc32(b"dateline extract") & 0x7FFFFFFF
SCHEMA_KEY = "hashtext(current_schema())"
APPLICATION = "dateline extract"


class StoreBusy(StoreError):
    """Another run holds the store's extract lock."""


def _busy(url: str, holder: str | None) -> StoreBusy:
    return StoreBusy(f"another extract is running on {display_url(url)}" + (f" ({holder})" if holder else "")
                     + ": wait for it to finish, or stop it")


def _me() -> str:
    return f"pid {os.getpid()} on {socket.gethostname()}"


def _lock_file(database_path: str) -> Path:
    """The file a SQLite store's extract lock is taken on, next to the database."""
    return Path(database_path + ".extract.lock")


@contextlib.contextmanager
def sqlite_lock(url: str, database_path: str) -> Iterator[None]:
    path = _lock_file(database_path)
    handle = open(path, "a+", encoding="utf-8")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip()
            raise _busy(url, holder or None) from None
        handle.seek(0)
        handle.truncate()
        handle.write(_me() + "\n")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            handle.flush()
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        handle.close()


@contextlib.contextmanager
def postgresql_lock(url: str, engine: Engine) -> Iterator[None]:
    with engine.connect() as connection:
        connection.execute(text("SELECT set_config('application_name', :name, false)"),
                           {"name": f"{APPLICATION} {_me()}"})
        got = connection.execute(text(f"SELECT pg_try_advisory_lock(:key, {SCHEMA_KEY})"),
                                 {"key": ADVISORY_CLASS}).scalar_one()
        connection.commit()
        if not got:
            holder = _postgresql_holder(connection)
            connection.rollback()
            raise _busy(url, holder)
        try:
            yield
        finally:
            connection.execute(text(f"SELECT pg_advisory_unlock(:key, {SCHEMA_KEY})"), {"key": ADVISORY_CLASS})
            connection.commit()


def _postgresql_holder(connection) -> str | None:
    """The holder of the store's advisory lock ("pid N on HOST"), read from the server's lock
    table; None when nobody holds it. Reading takes no lock."""
    holder = connection.execute(text(
        "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
        "WHERE l.locktype = 'advisory' AND l.granted AND l.database = "
        "(SELECT oid FROM pg_database WHERE datname = current_database()) "
        f"AND l.objsubid = 2 AND l.classid::bigint = :key AND l.objid::bigint = ({SCHEMA_KEY})::oid::bigint "
        "LIMIT 1"), {"key": ADVISORY_CLASS}).scalar()
    if holder is None:
        return None
    return holder[len(APPLICATION) + 1:] if holder.startswith(APPLICATION) else holder


def postgresql_holder(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return _postgresql_holder(connection)


def sqlite_holder(database_path: str) -> str | None:
    """The holder written in the lock file, if that process is alive. Trying the flock to find
    out would hold it for a moment, and a run starting in that moment would be refused, so the
    file is read instead; a holder killed with -9 leaves its line behind, hence the liveness
    check (possible only for a process on this host)."""
    try:
        written = _lock_file(database_path).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    parts = written.split()
    if len(parts) != 4 or parts[0] != "pid" or not parts[1].isdigit():
        return None
    if parts[3] == socket.gethostname():
        try:
            os.kill(int(parts[1]), 0)
        except ProcessLookupError:
            return None
        except PermissionError:  # alive, someone else's
            pass
    return written

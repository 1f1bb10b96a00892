"""SQL written once per query shape, run on the database driver's own cursor with the request's
values: for the few statements every chart and list asks, where SQLAlchemy's execute of a new
statement builds it, keys it for its compiled cache and wraps each row (about 1 ms of CPU a
statement on this machine, more than summing a few hundred tally rows costs SQLite).

The SQL names its values ``:name``; for psycopg they become ``%(name)s``. Dates go to SQLite as
the ISO text SQLAlchemy stores them as (``Date`` on SQLite), and come back as that text
(``as_date``); psycopg takes and gives ``date`` itself.
"""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy.engine import Connection

_NAMED = re.compile(r"(?<![:\w]):(\w+)")
_PYFORMAT: dict[str, str] = {}


def _for_driver(connection: Connection, sql: str) -> str:
    if connection.dialect.name == "sqlite":  # sqlite3 takes :name itself
        return sql
    converted = _PYFORMAT.get(sql)
    if converted is None:
        converted = _PYFORMAT[sql] = _NAMED.sub(r"%(\1)s", sql.replace("%", "%%"))
    return converted


def rows(connection: Connection, sql: str, values: dict) -> list[tuple]:
    """Every row of ``sql`` with ``values``, as tuples, in the connection's transaction (begun
    here when it is not yet: on SQLite our BEGIN, so statements after this one read the same
    snapshot, as they do through SQLAlchemy)."""
    if not connection.in_transaction():
        connection.begin()
    if connection.dialect.name == "sqlite":
        values = {k: v.isoformat() if isinstance(v, date) else v for k, v in values.items()}
    cursor = connection.connection.cursor()
    try:
        cursor.execute(_for_driver(connection, sql), values)
        return cursor.fetchall()
    finally:
        cursor.close()


def as_date(value) -> date | None:
    """A date column's value as the driver gave it (SQLite: ISO text), as a date."""
    return date.fromisoformat(value) if isinstance(value, str) else value


_COMPILED: dict[tuple[str, int], str] = {}


def compiled(connection: Connection, statement) -> str:
    """A SQLAlchemy statement built once (its values ``bindparam``s by name) as this dialect's
    SQL naming its values ``:name``, compiled once per dialect; for ``rows``. Keep the statement
    alive (a module constant): it is cached by its identity."""
    key = (connection.dialect.name, id(statement))
    sql = _COMPILED.get(key)
    if sql is None:
        sql = _COMPILED[key] = str(statement.compile(dialect=named_dialect(connection)))
    return sql


def named_dialect(connection: Connection):
    """The connection's dialect naming its values ``:name``, with what the connected one learnt
    of the server that changes the SQL text: PostgreSQL's standard strings, where a LIKE's
    ``ESCAPE '\\'`` is one backslash (a new dialect assumes the old escaping and doubles it,
    which PostgreSQL refuses)."""
    dialect = type(connection.dialect)(paramstyle="named")
    if hasattr(connection.dialect, "_backslash_escapes"):
        dialect._backslash_escapes = connection.dialect._backslash_escapes
    return dialect

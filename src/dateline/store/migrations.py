"""Schema changes, in order, each applied once and recorded in ``schema_migrations``.

A stage that needs tables adds a module of its own under store/ with a function
``create_...(connection)`` and appends one line to MIGRATIONS below; never edit or reorder a
migration that has shipped (stores in the field have recorded it by name). Each migration runs
in its own transaction with its record, so a crash leaves it either applied or not at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Column, DateTime, MetaData, String, Table, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError

from dateline.store import articles, events
from dateline.store import gazetteer as gazetteer_tables


@dataclass(frozen=True)
class Migration:
    name: str
    apply: Callable[[Connection], None]


MIGRATIONS: list[Migration] = [
    Migration("articles_001_tables", articles.create_article_tables),
    Migration("articles_002_search", articles.create_article_search),
    Migration(events.MIGRATION_NAME, events.create_event_tables),
    Migration(gazetteer_tables.MIGRATION_NAME, gazetteer_tables.create_gazetteer_tables),
]

_metadata = MetaData()
schema_migrations = Table(
    "schema_migrations",
    _metadata,
    Column("name", String(200), primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)


def applied_migrations(engine: Engine) -> list[str]:
    with engine.connect() as connection:
        return [r[0] for r in connection.execute(select(schema_migrations.c.name))]


def apply_pending(engine: Engine) -> list[str]:
    """Apply every migration not yet recorded; returns the names applied now."""
    try:
        with engine.begin() as connection:
            _metadata.create_all(connection, checkfirst=True)
    except (IntegrityError, ProgrammingError, OperationalError):
        pass  # another process created it at the same moment
    done = set(applied_migrations(engine))
    applied = []
    for migration in MIGRATIONS:
        if migration.name in done:
            continue
        try:
            with engine.begin() as connection:
                if connection.dialect.name == "postgresql":
                    # one process migrates at a time; the others wait, then find it recorded
                    connection.exec_driver_sql("SELECT pg_advisory_xact_lock(7218450013)")
                already = connection.execute(
                    select(schema_migrations.c.name).where(schema_migrations.c.name == migration.name)
                ).first()
                if already:
                    continue
                migration.apply(connection)
                connection.execute(schema_migrations.insert().values(name=migration.name, applied_at=datetime.now(timezone.utc)))
        except IntegrityError:
            continue  # recorded by a concurrent process
        applied.append(migration.name)
    return applied

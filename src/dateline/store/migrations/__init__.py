"""Schema changes: numbered steps, each in a file of its own (``mNNNN_*.py`` with ``NAME`` and
``apply(connection)``), applied in order and recorded by name in ``schema_migrations``.

A step that has shipped is frozen: its file keeps the tables as that step made them, so a store
from any release upgrades through the same steps. Change the schema by adding a step, and keep
``store/tables.py`` describing the latest one. Steps run only when a store is opened for
writing, each in its own transaction with its record, so a crash leaves a step applied or not
at all; on PostgreSQL one process migrates at a time.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from datetime import datetime, timezone
from types import ModuleType

from sqlalchemy import Column, DateTime, MetaData, String, Table, inspect, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError

_metadata = MetaData()
schema_migrations = Table(
    "schema_migrations",
    _metadata,
    Column("name", String(200), primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    module: ModuleType

    def apply(self, connection: Connection) -> None:
        self.module.apply(connection)


def _steps() -> list[Migration]:
    steps = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("m") and info.name[1:5].isdigit():
            module = importlib.import_module(f"{__name__}.{info.name}")
            steps.append(Migration(int(info.name[1:5]), module.NAME, module))
    steps.sort(key=lambda m: m.number)
    if [m.number for m in steps] != list(range(1, len(steps) + 1)):
        raise RuntimeError(f"migration steps are not numbered 1..{len(steps)}: {[m.number for m in steps]}")
    return steps


MIGRATIONS: list[Migration] = _steps()


def applied_migrations(engine: Engine) -> list[str]:
    if not inspect(engine).has_table("schema_migrations"):
        return []
    with engine.connect() as connection:
        return [r[0] for r in connection.execute(select(schema_migrations.c.name))]


def pending_migrations(engine: Engine) -> list[str]:
    done = set(applied_migrations(engine))
    return [m.name for m in MIGRATIONS if m.name not in done]


def unknown_migrations(engine: Engine) -> list[str]:
    """Steps recorded in the store that this release does not have: a newer dateline wrote it."""
    known = {m.name for m in MIGRATIONS}
    return [name for name in applied_migrations(engine) if name not in known]


def apply_pending(engine: Engine) -> list[str]:
    """Apply every step not yet recorded; returns the names applied now."""
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

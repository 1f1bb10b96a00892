"""Store tests run on SQLite and on PostgreSQL (when $DATELINE_TEST_PG_URL names a server;
each test gets a schema of its own there, dropped afterwards)."""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text

PG_URL = os.environ.get("DATELINE_TEST_PG_URL")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    if not PG_URL:
        pytest.skip("PostgreSQL test: set DATELINE_TEST_PG_URL=postgresql://user@host:port/db to run it (CI does)")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    separator = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{separator}options=-csearch_path%3D{schema}"
    with admin.begin() as connection:
        connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


@pytest.fixture
def store(store_url):
    from dateline.store import open_store

    opened = open_store(store_url)
    yield opened
    opened.close()

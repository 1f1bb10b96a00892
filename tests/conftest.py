"""Shared test fixtures: where the seeds and evaluation corpora are."""

from __future__ import annotations

import json
import os
import uuid
from contextlib import contextmanager
from pathlib import Path

from collections import Counter

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DATELINE_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PG_URL = os.environ.get("DATELINE_TEST_PG_URL")
# CI sets this when the shared folder is there, so that no test of the seeds can skip quietly.
REQUIRE_SHARED = os.environ.get("DATELINE_REQUIRE_SHARED") == "1"


def _missing(what: str, path: Path):
    message = f"{what} not found at {path} (set DATELINE_SHARED)"
    if REQUIRE_SHARED:
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        _missing("seed articles", SEEDS)
    return SEEDS


@pytest.fixture(scope="session")
def seed_gold(seeds_dir: Path) -> dict:
    return json.loads((seeds_dir / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        _missing("shared folder", SHARED)
    return SHARED


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


# --- stores on SQLite and PostgreSQL ------------------------------------------------------------


@contextmanager
def fresh_store_url(kind: str, folder: Path):
    """The URL of an empty store: a SQLite file in ``folder``, or on PostgreSQL (when
    $DATELINE_TEST_PG_URL names a server) a schema of its own, dropped afterwards."""
    if kind == "sqlite":
        yield str(folder / "store.db")
        return
    if not PG_URL:
        pytest.skip("PostgreSQL test: set DATELINE_TEST_PG_URL=postgresql://user@host:port/db to run it (CI does)")
    from sqlalchemy import create_engine, text

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    separator = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{separator}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def build_hand_made_store(url: str) -> str:
    """The three hand-made reports of tests/fixtures/api/articles.jsonl, ingested and read."""
    from dateline.store import open_store

    with open_store(url) as store:
        store.ingest([FIXTURES / "api" / "articles.jsonl"])
        store.extract()
    return url


@pytest.fixture(scope="session", params=BACKENDS)
def hand_made_store_url(request, tmp_path_factory):
    """A store of the hand-made reports (Kandahar attack, Mombasa floods, Doha talks), built
    once per session on each backend; read it, never write to it."""
    with fresh_store_url(request.param, tmp_path_factory.mktemp(request.param)) as url:
        yield build_hand_made_store(url)


@pytest.fixture(scope="session")
def hand_made_sqlite_url(tmp_path_factory):
    """The same store on SQLite only."""
    with fresh_store_url("sqlite", tmp_path_factory.mktemp("sqlite-only")) as url:
        yield build_hand_made_store(url)


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path):
    """An empty store's URL, on SQLite and on PostgreSQL (a schema of its own per test)."""
    with fresh_store_url(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def store(store_url):
    from dateline.store import open_store

    opened = open_store(store_url)
    yield opened
    opened.close()


# --- how many inputs the fuzzing tests fed each property ----------------------------------------
# (tests/ingest/test_fuzz.py, tests/test_cli_filter_fuzz.py): counted here, printed at the end of
# the run; `make fuzz` records them in docs/reliability.md

FUZZ_COUNTS = pytest.StashKey[Counter]()


def pytest_configure(config):
    config.stash[FUZZ_COUNTS] = Counter()


@pytest.fixture(scope="session")
def fuzz_counts(request) -> Counter:
    return request.config.stash[FUZZ_COUNTS]


def pytest_terminal_summary(terminalreporter, config):
    counts = config.stash.get(FUZZ_COUNTS, None)
    if counts:
        terminalreporter.write_sep("-", "fuzzed inputs")
        for name, count in sorted(counts.items()):
            terminalreporter.write_line(f"{name}: {count:,}")

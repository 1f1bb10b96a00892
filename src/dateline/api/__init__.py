"""The HTTP API over a store: JSON with a generated OpenAPI document (``/openapi.json``,
``/docs``), the records of ``dateline.model`` as response bodies, and the exports as downloads.

    from dateline.api import create_app
    app = create_app("crisis.db")                    # read-only
    app = create_app("crisis.db", token="s3cret")    # POST needs 'Authorization: Bearer s3cret'

``dateline serve`` runs it with uvicorn on 127.0.0.1. The web UI (``dateline.web``) mounts its
pages on the app this returns; nothing here serves HTML.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from anyio import to_thread
from fastapi import FastAPI

from dateline.api import downloads, reading, writing
from dateline.api.errors import ERROR_RESPONSES, install_error_handlers
from dateline.api.shortcut import ShortcutMiddleware
from dateline.entities.user_file import DEFAULT_NAME, default_entities_path
from dateline.store import open_store

DEFAULT_MAX_UPLOAD = 10 * 1024 * 1024  # bytes of one POST of articles
# requests a process answers in threads at once; the rest wait their turn on the event loop.
# anyio's default of 40 let every waiting request in: with 20 clients on a million events and 2
# workers on 2 cores, their queries (and PostgreSQL's backends) then fought for the cores and the
# interpreter lock and the slowest answers waited longest (p95 of the PostgreSQL pages 99-167 ms
# at 40, 48-81 ms at 4; SQLite 57-73 at 40, 36-85 at 4; medians rise a little, throughput held)
DEFAULT_REQUEST_THREADS = 4

__all__ = ["DEFAULT_MAX_UPLOAD", "DEFAULT_REQUEST_THREADS", "create_app"]


def create_app(store_url: str | None, *, token: str | None = None, max_upload_bytes: int = DEFAULT_MAX_UPLOAD,
               entities_file: str | Path | None = None, web: bool = True, tile_url: str | None = None,
               request_threads: int = DEFAULT_REQUEST_THREADS) -> FastAPI:
    """The API over the store at ``store_url`` (a SQLite path or a postgresql:// URL), and the
    web UI at ``/`` unless ``web`` is False. Without a token the store is opened read-only and
    every write answers 403; with one, writes need ``Authorization: Bearer <token>``. At most
    ``request_threads`` requests are answered in threads at once (the event loop's own quick
    answers aside). Raises StoreError when the store cannot be opened."""
    store = open_store(store_url, write=bool(token))

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        to_thread.current_default_thread_limiter().total_tokens = request_threads
        yield
        store.close()

    app = FastAPI(
        title="dateline",
        summary="Sourced, dated, geolocated events from news reports, every field with its evidence span.",
        version="0.1.0",
        lifespan=lifespan,
        responses=ERROR_RESPONSES,
    )
    app.state.store = store
    app.state.token = token or None
    app.state.max_upload_bytes = max_upload_bytes
    app.state.entities_file = Path(entities_file or default_entities_path() or DEFAULT_NAME)
    install_error_handlers(app)
    # the hottest reads skip FastAPI's per-parameter solving when every parameter passes (the
    # same endpoints and Query declarations; anything else is FastAPI's to answer), the quick
    # ones on the event loop
    app.add_middleware(ShortcutMiddleware, routes={"/api/events": reading.list_events,
                                                   "/api/counts": reading.count_events},
                       on_the_loop=reading.quick_answers(store))
    app.include_router(reading.router)
    app.include_router(downloads.router)
    app.include_router(writing.router)
    if web:
        from dateline.web import create_web_router

        app.include_router(create_web_router(store=store, tile_url=tile_url, report_url="/report"))
    return app

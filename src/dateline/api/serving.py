"""Run the app with uvicorn: ``dateline serve``, in one process or in ``workers`` processes.

One process answers one request at a time with Python (a thread pool, one interpreter lock);
worker processes answer as many at once as there are workers, each with its own connections to
the store (SQLite in write-ahead mode and PostgreSQL both take concurrent readers). uvicorn
starts each worker afresh, so a worker builds its app from the settings the parent leaves in
``$DATELINE_SERVE_SETTINGS`` (the token stays in the variable the operator named; it is not
copied).

    serve(ServeSettings(db="crisis.db"), port=8000, workers=2)   # until interrupted
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass

from dateline.api import DEFAULT_MAX_UPLOAD, DEFAULT_REQUEST_THREADS, create_app

SETTINGS_VARIABLE = "DATELINE_SERVE_SETTINGS"
# how long a worker may take to answer uvicorn's health check: a new worker imports the library
# first (4 s of CPU), and on a loaded machine uvicorn's 5 s killed and restarted it over and over
# (2 workers on 2 cores at load 9 took 97 s to answer, 12 s for one process)
WORKER_START_SECONDS = 120


@dataclass(frozen=True)
class ServeSettings:
    db: str | None = None  # None: $DATELINE_DB, else dateline.db
    token_env: str | None = None  # the variable holding the token writes need; unset or empty: read-only
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD
    web: bool = True
    request_threads: int = DEFAULT_REQUEST_THREADS  # per worker process

    def token(self) -> str | None:
        return (os.environ.get(self.token_env) or None) if self.token_env else None

    def app(self):
        """The app these settings make; StoreError when the store cannot be opened."""
        return create_app(self.db, token=self.token(), max_upload_bytes=self.max_upload_bytes, web=self.web,
                          request_threads=self.request_threads)


def app_from_settings():
    """The uvicorn factory each worker process runs: the app of the settings the parent left."""
    return ServeSettings(**json.loads(os.environ[SETTINGS_VARIABLE])).app()


def serve(settings: ServeSettings, *, host: str = "127.0.0.1", port: int = 8000, workers: int = 1,
          log_level: str = "warning", started=None) -> None:
    """Serve until interrupted (no access log: at the warning level it wrote nothing, yet uvicorn
    made each request's client address and path for it). The store is opened here first, so a store that cannot be opened
    is one StoreError before anything listens, and a store opened for writing has its schema
    steps applied once, not by each worker at the same time; then ``started()`` is called."""
    import uvicorn

    app = settings.app()
    if started is not None:
        started()
    if workers <= 1:
        uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=False)
        return
    app.state.store.close()
    os.environ[SETTINGS_VARIABLE] = json.dumps(asdict(settings))
    uvicorn.run(f"{__name__}:app_from_settings", factory=True, host=host, port=port, workers=workers,
                log_level=log_level, timeout_worker_healthcheck=WORKER_START_SECONDS, access_log=False)

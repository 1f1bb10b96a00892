"""Downloads: the exports of ``dateline export`` over HTTP, with the same filters.

    GET /api/export/events.csv?country=AF&columns=acled
    GET /api/export/events.geojson?since=2021-08-15
    GET /api/export/places.parquet
"""

from __future__ import annotations

import io
import queue
import threading
from collections.abc import Callable, Iterator
from typing import Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import StreamingResponse

from dateline.api.errors import ERROR_RESPONSES
from dateline.api.params import export_filter
from dateline.api.reading import get_store
from dateline.export import MEDIA_TYPES, check_export, export
from dateline.store import EventFilter, Store

router = APIRouter(prefix="/api/export")
CHUNK = 1 << 16  # bytes handed to the response at a time
QUEUED = 16  # chunks written ahead of the client at most: a slow client slows the export, not the memory
_DONE = object()


class _Cancelled(Exception):
    """The client went away: the export stops at its next write."""


class _Pipe(io.RawIOBase):
    """A write-only file whose bytes go, a chunk at a time, to a queue the response reads."""

    def __init__(self, chunks: queue.Queue, stop: threading.Event):
        super().__init__()
        self.chunks, self.stop, self.pending, self.written = chunks, stop, bytearray(), 0

    def writable(self) -> bool:
        return True

    def tell(self) -> int:  # pyarrow asks where it is
        return self.written

    def write(self, data) -> int:
        self.pending += data
        self.written += len(data)
        if len(self.pending) >= CHUNK:
            self._hand_on()
        return len(data)

    def flush(self) -> None:
        if self.pending and not self.closed:
            self._hand_on()

    def close(self) -> None:  # only the export's own end flushes: a closed or dropped pipe sends nothing
        self.pending.clear()
        super().close()

    def _hand_on(self) -> None:
        chunk, self.pending = bytes(self.pending), bytearray()
        while not self.stop.is_set():
            try:
                self.chunks.put(chunk, timeout=0.5)
                return
            except queue.Full:
                continue
        raise _Cancelled


def streamed(write: Callable[[io.RawIOBase], object]) -> Iterator[bytes]:
    """The bytes ``write(file)`` writes, as they are written: the export runs in a thread of its
    own, at most QUEUED chunks ahead of the client. A client that goes away stops the export;
    an export that fails midway ends the response early (its status was sent with the first
    bytes), and the error is raised in the server's log."""
    chunks: queue.Queue = queue.Queue(maxsize=QUEUED)
    stop = threading.Event()
    failed: list[BaseException] = []

    def work() -> None:
        pipe = _Pipe(chunks, stop)
        try:
            write(pipe)
            pipe.flush()
        except _Cancelled:
            pass
        except BaseException as error:  # handed to the response's thread
            failed.append(error)
        finally:
            while not stop.is_set():
                try:
                    chunks.put(_DONE, timeout=0.5)
                    break
                except queue.Full:
                    continue

    thread = threading.Thread(target=work, name="export", daemon=True)
    thread.start()
    try:
        while (chunk := chunks.get()) is not _DONE:
            yield chunk
        if failed:
            raise failed[0]
    finally:
        stop.set()
        thread.join(timeout=30)


@router.get(
    "/{what}.{format}",
    summary="Download events, entities, places or claims as CSV, JSON Lines, GeoJSON or Parquet",
    response_class=StreamingResponse,
    responses={200: {"description": "the file", "content": {media.split(";")[0]: {} for media in MEDIA_TYPES.values()}},
               **ERROR_RESPONSES},
)
def download(
    what: Literal["events", "entities", "places", "claims"],
    format: Literal["csv", "jsonl", "geojson", "parquet"],
    columns: Literal["dateline", "acled", "plover"] | None = Query(
        None, description="Events' column set (csv, parquet, geojson; jsonl writes the records unless given)."),
    query: EventFilter = Depends(export_filter),
    store: Store = Depends(get_store),
):
    """The filters of ``/api/events`` select events; entities take ``actor`` (words of the name),
    places ``place`` and ``country``, claims ``article_id``. The file is streamed as it is
    written (no Content-Length): a download of millions of events starts at once."""
    check_export(what, format, columns)  # an export that cannot be made is an error, not a cut file
    headers = {"Content-Disposition": f'attachment; filename="{what}.{format}"'}
    return StreamingResponse(streamed(lambda out: export(store, out, what=what, format=format, query=query,
                                                         columns=columns)),
                             media_type=MEDIA_TYPES[format], headers=headers)

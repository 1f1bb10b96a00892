"""Downloads: the exports of ``dateline export`` over HTTP, with the same filters.

    GET /api/export/events.csv?country=AF&columns=acled
    GET /api/export/events.geojson?since=2021-08-15
    GET /api/export/places.parquet
"""

from __future__ import annotations

import tempfile
from typing import Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import StreamingResponse

from dateline.api.errors import ERROR_RESPONSES
from dateline.api.params import export_filter
from dateline.api.reading import get_store
from dateline.export import MEDIA_TYPES, export
from dateline.store import EventFilter, Store

router = APIRouter(prefix="/api/export")
CHUNK = 1 << 16
IN_MEMORY = 16 << 20  # bytes of an export kept in memory before it goes to a temporary file


def _chunks(spool):
    try:
        spool.seek(0)
        while chunk := spool.read(CHUNK):
            yield chunk
    finally:
        spool.close()


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
    places ``place`` and ``country``, claims ``article_id``."""
    spool = tempfile.SpooledTemporaryFile(max_size=IN_MEMORY)
    try:
        export(store, spool, what=what, format=format, query=query, columns=columns)
    except BaseException:
        spool.close()
        raise
    headers = {"Content-Disposition": f'attachment; filename="{what}.{format}"'}
    return StreamingResponse(_chunks(spool), media_type=MEDIA_TYPES[format], headers=headers)

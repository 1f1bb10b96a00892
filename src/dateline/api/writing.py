"""The endpoints that change things, open only with ``Authorization: Bearer <token>`` where the
operator started the server with a token:

- ``POST /api/articles``: a JSON article, a JSON list of them or JSON Lines (the fields
  ``dateline ingest`` reads from .jsonl: text, title, date, url, source ...), at most
  ``max_upload_bytes``; ``?extract=true`` reads the new articles for events at once.
- ``POST /api/entities``: an entity to add or correct, appended to the user's entities file
  (``dateline-entities.yaml``), which the next extraction reads.
"""

from __future__ import annotations

import hmac
import os
import tempfile
import threading
from pathlib import Path

import yaml
from fastapi import APIRouter, Depends, HTTPException, Query, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from dateline.api.errors import WRITE_RESPONSES
from dateline.api.reading import get_store
from dateline.api.responses import CorrectionResult, EntityCorrection, IngestResult
from dateline.entities.lexicon import KINDS
from dateline.entities.user_file import EntitiesFileError, read_user_entities
from dateline.ingest.assemble import ReadOptions
from dateline.ingest.jsonl import read_jsonl
from dateline.model import Rejection
from dateline.store import Store

router = APIRouter(prefix="/api", responses=WRITE_RESPONSES)
bearer = HTTPBearer(auto_error=False, description="The token the operator started the server with.")
UPLOAD_TYPES = ("application/json", "application/x-ndjson", "application/jsonl", "application/x-jsonlines",
                "text/plain")
_entities_file_lock = threading.Lock()


def require_token(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> None:
    expected = request.app.state.token
    if not expected:
        raise HTTPException(status.HTTP_403_FORBIDDEN,
                            "writes are off: the server was started without a token (dateline serve --token-env NAME)")
    given = credentials.credentials if credentials is not None else ""
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "a write needs the header 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})


async def _read_limited(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"upload of {declared} bytes, over the limit of {limit} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > limit:
            raise HTTPException(413, f"upload over the limit of {limit} bytes")
    return bytes(body)


UPLOAD_BODY = {"requestBody": {"required": True, "description": "A JSON article, a JSON list of articles, or JSON Lines.",
                               "content": {"application/json": {"schema": {"type": "object"}},
                                           "application/x-ndjson": {"schema": {"type": "string"}}}}}


@router.post("/articles", response_model=IngestResult, status_code=201, dependencies=[Depends(require_token)],
             summary="Upload articles to ingest (token needed)", openapi_extra=UPLOAD_BODY)
async def upload_articles(request: Request, extract: bool = Query(False, description="Read them for events now."),
                          store: Store = Depends(get_store)):
    media = request.headers.get("content-type", "application/json").split(";")[0].strip().lower()
    if media not in UPLOAD_TYPES:
        raise HTTPException(415, f"send JSON or JSON Lines ({', '.join(UPLOAD_TYPES[:2])}), not {media[:60]!r}")
    body = await _read_limited(request, request.app.state.max_upload_bytes)
    if not body.strip():
        raise HTTPException(400, "the upload is empty")
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(_ingest, store, body, extract, request.app.state.max_upload_bytes)


def _ingest(store: Store, body: bytes, extract: bool, limit: int) -> IngestResult:
    articles, rejected = [], []
    for found in read_jsonl(body, "upload", ReadOptions(max_bytes=limit)):
        (rejected if isinstance(found, Rejection) else articles).append(found)
    added = store.add_articles(articles)
    result = IngestResult(read=len(articles), new=len(added.new), duplicates=len(added.exact) + len(added.near),
                          rejected=rejected[:100])
    if extract and added.new:
        report = store.extract()
        result.extracted = getattr(report, "articles", None) or len(added.new)
    return result


def _append_entity(path: Path, correction: EntityCorrection) -> int:
    """Append to the entities file (created if need be), written whole to a temporary file and
    moved over the old one, so a reader never sees half a file. Returns the entities in it."""
    with _entities_file_lock:
        raw = {}
        if path.exists():
            read_user_entities(path)  # a file that is broken already stays untouched
            raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        item = {"name": correction.name.strip(), "kind": correction.kind}
        if correction.aliases:
            item["aliases"] = correction.aliases
        if correction.country:
            item["country"] = correction.country.upper()
        if correction.id:
            item["id"] = correction.id
        raw.setdefault("entities", []).append(item)
        handle, temporary = tempfile.mkstemp(prefix=".entities-", suffix=".yaml", dir=path.parent)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            yaml.safe_dump(raw, out, allow_unicode=True, sort_keys=False)
        try:
            read_user_entities(Path(temporary))
        except EntitiesFileError:
            os.unlink(temporary)
            raise
        os.replace(temporary, path)
        return len(raw["entities"])


@router.post("/entities", response_model=CorrectionResult, status_code=201, dependencies=[Depends(require_token)],
             summary="Add or correct an entity in the user's entities file (token needed)")
def correct_entity(correction: EntityCorrection, request: Request):
    """Appended to the entities file the server was started with; the next ``dateline
    extract`` (its reduce step) applies it."""
    if correction.kind not in KINDS:
        raise HTTPException(422, f"kind: one of {', '.join(KINDS)} (got {correction.kind[:40]!r})")
    if any(not alias.strip() or len(alias) > 200 or any(ord(c) < 32 for c in alias) for alias in correction.aliases):
        raise HTTPException(422, "aliases: each a name of 1 to 200 characters, on one line")
    path: Path = request.app.state.entities_file
    try:
        count = _append_entity(path, correction)
    except EntitiesFileError as error:
        raise HTTPException(422, str(error)) from None
    return CorrectionResult(file=str(path), entities=count, added=correction)

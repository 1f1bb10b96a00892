"""Errors as JSON: ``{"error": "one line", "status": 404}``, never a traceback. A user's bad
value is 422 (or 400), a missing record 404, a write without the token 401/403, an upload over
the limit 413; anything else is 500 with the exception's kind only (the traceback goes to the
server's log)."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from dateline.api.responses import ErrorBody
from dateline.export import ExportError
from dateline.store import FilterError, StoreError

log = logging.getLogger("dateline.api")

ERROR_RESPONSES = {status: {"model": ErrorBody, "description": about} for status, about in (
    (400, "a request that cannot be read"),
    (404, "no such record"),
    (422, "a parameter out of bounds or of the wrong kind"),
    (500, "a fault of the server (the message names its kind)"),
)}
WRITE_RESPONSES = {**ERROR_RESPONSES, **{status: {"model": ErrorBody, "description": about} for status, about in (
    (401, "no token, or the wrong one"),
    (403, "writes are off: the server was started without a token"),
    (413, "an upload over the size limit"),
    (415, "an upload that is not JSON or JSON Lines"),
)}}


def error_response(status: int, message: str, detail: list | None = None, headers: dict | None = None) -> JSONResponse:
    body = {"error": message, "status": status}
    if detail is not None:
        body["detail"] = detail
    return JSONResponse(body, status_code=status, headers=headers)


def _validation_detail(error: RequestValidationError) -> list[dict]:
    detail = []
    for item in error.errors()[:20]:
        where = ".".join(str(part) for part in item.get("loc", ()))
        detail.append({"where": where, "message": str(item.get("msg", ""))[:300]})
    return detail


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, error: HTTPException):
        return error_response(error.status_code, str(error.detail), headers=getattr(error, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, error: RequestValidationError):
        detail = _validation_detail(error)
        first = detail[0] if detail else {"where": "request", "message": "not valid"}
        return error_response(422, f"{first['where']}: {first['message']}", detail)

    @app.exception_handler(FilterError)
    async def filter_error(_request: Request, error: FilterError):
        return error_response(422, str(error))

    @app.exception_handler(ExportError)
    async def export_error(_request: Request, error: ExportError):
        return error_response(422, str(error))

    @app.exception_handler(StoreError)
    async def store_error(_request: Request, error: StoreError):
        return error_response(503, str(error))

    @app.exception_handler(Exception)
    async def server_error(request: Request, error: Exception):
        log.exception("%s %s failed", request.method, request.url.path)
        return error_response(500, f"internal error ({type(error).__name__}); the server's log has the details")

"""A short way through FastAPI for the hottest reads (an event list, chart counts): the same
endpoint functions, their query parameters checked in one pydantic validation of a model made
from the very ``Query(...)`` declarations of the route (so the bounds, types and defaults are
the route's own, and the OpenAPI document, made from the route, still describes the answer).

FastAPI solves a route's dependencies and checks each parameter on its own, then hands the call
to a thread: about 3-4 ms of CPU a request for the 15 parameters of ``/api/events`` on this
machine, as much as reading the page's rows. Here a request whose parameters all pass goes
straight to the endpoint, in a thread still (a PostgreSQL query, or any query that may take
long, must not stop the event loop), or on the event loop itself when ``on_the_loop`` says the
answer is quick: a SQLite page read off one index range is a fraction of a millisecond, and the
hand-off to the thread pool and back cost more CPU than that (about a quarter of a request's
samples in a profile of the server; server CPU per request 1.4-1.5 -> 1.0-1.1 ms on the bench
store of a million events).
Anything else takes the ordinary way, so every error (a value out of bounds, a filter the store
refuses, a fault) is answered by FastAPI and its handlers exactly as before: a parameter that
fails here, an empty or repeated value, a body that is not a 200 ``Response``, an exception.
"""

from __future__ import annotations

import inspect
import typing
from collections.abc import Callable

from anyio import to_thread
from fastapi import params
from pydantic import BaseModel, ValidationError, create_model
from starlette.datastructures import QueryParams
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send


class _Call:
    """How to call one function of the dependency tree: each parameter is a query value (by
    name), another call (a ``Depends``) or the request."""

    def __init__(self, function: Callable, fields: dict):
        self.function = function
        hints = typing.get_type_hints(function)
        self.arguments: list[tuple[str, str, object]] = []
        for name, parameter in inspect.signature(function).parameters.items():
            default = parameter.default
            if isinstance(default, params.Depends):
                self.arguments.append((name, "call", _Call(default.dependency, fields)))
            elif hints.get(name) is Request:
                self.arguments.append((name, "request", None))
            elif isinstance(default, params.Query):
                if name in fields or default.alias not in (None, name):  # two of one name: not this way
                    raise TypeError(f"{function.__name__}: query parameter {name!r} twice or aliased")
                fields[name] = (hints[name], default)
                self.arguments.append((name, "query", None))
            else:
                raise TypeError(f"{function.__name__}: parameter {name!r} is neither a Query nor a Depends")

    def __call__(self, values: dict, request: Request):
        kwargs = {}
        for name, kind, call in self.arguments:
            kwargs[name] = values[name] if kind == "query" else request if kind == "request" else call(values, request)
        return self.function(**kwargs)


class ShortRoute:
    """One endpoint, its query parameters as one pydantic model."""

    def __init__(self, endpoint: Callable):
        fields: dict = {}
        self.call = _Call(endpoint, fields)
        self.model: type[BaseModel] = create_model(f"{endpoint.__name__}_query", **fields)
        self.names = frozenset(fields)

    def values(self, query_string: bytes) -> dict | None:
        """The checked values of the route's parameters, or None when FastAPI should answer."""
        query = QueryParams(query_string)
        raw = {}
        for name, value in query.multi_items():
            if name in self.names:
                if name in raw or value == "":  # FastAPI's own rules for these, not ours
                    return None
                raw[name] = value
        try:
            return dict(self.model.model_validate(raw))
        except ValidationError:
            return None


class ShortcutMiddleware:
    """Answers ``GET`` on the given paths through their ``ShortRoute``; every other request,
    and every one the short way declines, goes to ``app``."""

    def __init__(self, app: ASGIApp, routes: dict[str, Callable],
                 on_the_loop: dict[str, Callable[[dict], bool]] | None = None):
        self.app = app
        self.routes = {path: ShortRoute(endpoint) for path, endpoint in routes.items()}
        # per path: whether a request of these checked values is answered on the event loop
        self.on_the_loop = on_the_loop or {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        route = self.routes.get(scope.get("path")) if scope["type"] == "http" and scope["method"] == "GET" else None
        values = route.values(scope.get("query_string", b"")) if route is not None else None
        if values is None:
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive)
        try:
            quick = self.on_the_loop.get(scope["path"])
            if quick is not None and quick(values):
                response = route.call(values, request)
            else:
                response = await to_thread.run_sync(route.call, values, request)
        except Exception:  # noqa: BLE001 - FastAPI answers it again, through its error handlers
            response = None
        if not isinstance(response, Response) or response.status_code != 200:
            await self.app(scope, receive, send)
            return
        await response(scope, receive, send)

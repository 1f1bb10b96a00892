"""The short way through FastAPI for event lists and chart counts (``api.shortcut``) answers
exactly what FastAPI's own way answers (status, body, content type), over the store of three
hand-made reports (see test_reading.py), and hands every request it should not answer to
FastAPI: a value out of bounds, an empty or repeated value, a filter the store refuses."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from dateline.api import create_app
from dateline.api.shortcut import ShortcutMiddleware, ShortRoute
from dateline.api import reading

REQUESTS = [
    "/api/events", "/api/events?country=AF", "/api/events?type=assault&limit=2&offset=1",
    "/api/events?since=2021-11-01&until=2021-11-30&sort=-date", "/api/events?bbox=33.9,-4.7,41.9,5.0",
    "/api/events?actor=Taliban&exact_total=true", "/api/events?min_confidence=0.5&sort=-confidence&limit=3",
    "/api/events?country=AF&unknown=ignored",
    "/api/counts", "/api/counts?by=type", "/api/counts?by=country&since=2021-01-01",
    "/api/counts?by=place&limit=2", "/api/counts?by=day&type=ASSAULT&exact_total=1",
    # errors: FastAPI's answers, whichever way asked
    "/api/events?limit=1001", "/api/events?limit=-1", "/api/events?limit=ten", "/api/events?since=2021-13-01",
    "/api/events?sort=sideways", "/api/events?bbox=1,2,3", "/api/events?country=", "/api/events?limit=1&limit=2",
    "/api/events?min_confidence=2", "/api/counts?by=planet", "/api/counts?limit=0", "/api/events?type=" + "x" * 201,
]


@pytest.fixture(scope="module")
def clients(hand_made_sqlite_url):
    short = create_app(hand_made_sqlite_url, web=False)
    plain = create_app(hand_made_sqlite_url, web=False)
    plain.user_middleware = [m for m in plain.user_middleware if m.cls is not ShortcutMiddleware]
    with TestClient(short) as short_client, TestClient(plain) as plain_client:
        yield short_client, plain_client


@pytest.mark.parametrize("url", REQUESTS)
def test_the_short_way_answers_as_fastapi_does(clients, url):
    short, plain = (client.get(url) for client in clients)
    assert (short.status_code, short.headers["content-type"], short.content) == (
        plain.status_code, plain.headers["content-type"], plain.content)


def test_it_takes_only_requests_whose_every_parameter_passes():
    route = ShortRoute(reading.list_events)
    assert route.values(b"country=AF&limit=5")["limit"] == 5
    assert route.values(b"country=AF")["sort"] == "date"  # the Query's own default
    for declined in (b"limit=1001", b"limit=5&limit=6", b"country=", b"since=yesterday", b"sort=up"):
        assert route.values(declined) is None, declined

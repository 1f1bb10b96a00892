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


def _quick(store, path: str, query: bytes) -> bool:
    route = ShortRoute(reading.list_events if path == "/api/events" else reading.count_events)
    return reading.quick_answers(store)[path](route.values(query))


def test_only_pages_of_one_index_range_and_kept_counts_are_answered_on_the_loop(hand_made_sqlite_url):
    from dateline.store import open_store

    store = open_store(hand_made_sqlite_url, write=False)
    try:
        for query in (b"", b"since=2021-09-01&until=2021-09-30", b"type=ASSAULT&since=2021-09-01",
                      b"country=AF&sort=-date", b"bbox=33.9,-4.7,41.9,5.0", b"limit=1000&offset=999"):
            assert _quick(store, "/api/events", query), query
        # a type newest first or by confidence sorts every match; words of an actor or a place and
        # two filters at once check event after event; an exact total counts every match; a page
        # deep in the list reads every row before it
        for query in (b"type=ASSAULT&sort=-date", b"sort=-confidence", b"actor=Taliban", b"place=Kandahar",
                      b"type=ASSAULT&country=AF", b"country=AF&exact_total=true", b"limit=1000&offset=1000",
                      b"bbox=1,2,3"):
            assert not _quick(store, "/api/events", query), query
        for query in (b"by=day&type=ASSAULT", b"by=type&country=AF", b"by=country&since=2021-09-01"):
            assert _quick(store, "/api/counts", query), query
        # by place, or a country's events by country, or an actor's: not from the tallies
        for query in (b"by=place", b"by=country&country=AF", b"by=type&actor=Taliban"):
            assert not _quick(store, "/api/counts", query), query
    finally:
        store.close()

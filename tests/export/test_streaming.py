"""Exports stream: a store of 2,500 events (more than one batch of 2,000) exported in every
format, by the library and through the API, gives every event of the store once, in the store's
order, with its own values; Parquet holds one row group a batch; the API sends the file as it is
written (no Content-Length) and refuses an export it cannot make before sending anything."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from dateline.api import create_app
from dateline.bench.store_query import _generate
from dateline.export import PAGE, export
from dateline.store import EventFilter, open_store

EVENTS = 2500  # more than one batch


@pytest.fixture
def big_store(store_url):
    with open_store(store_url) as store:
        _generate(store, EVENTS, seed=5)
        yield store


def exported(store, **options) -> bytes:
    out = io.BytesIO()
    export(store, out, **options)
    return out.getvalue()


def test_every_format_streams_every_event_once(big_store):
    assert EVENTS > PAGE
    expected = big_store.events()
    assert len(expected) == EVENTS
    ids = [e.id for e in expected]

    rows = list(csv.DictReader(io.StringIO(exported(big_store, format="csv").decode("utf-8"))))
    assert [r["id"] for r in rows] == ids
    assert [(r["type"], r["date_start"], r["modality"]) for r in rows] == [
        (e.type, e.date_start.isoformat(), e.modality) for e in expected]

    lines = exported(big_store, format="jsonl").decode("utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ids

    # every generated event has one place with a point: one Feature each, at the place's point
    features = json.loads(exported(big_store, format="geojson"))["features"]
    assert [f["properties"]["id"] for f in features] == ids
    assert [f["geometry"]["coordinates"] for f in features] == [[e.places[0].lon, e.places[0].lat] for e in expected]

    parquet = pq.ParquetFile(io.BytesIO(exported(big_store, format="parquet")))
    assert parquet.metadata.num_row_groups == -(-EVENTS // PAGE)  # a row group per batch
    assert parquet.read().column("id").to_pylist() == ids


def test_a_page_of_the_export_is_that_page_of_the_store(big_store):
    ids = [e.id for e in big_store.events(EventFilter(type="ASSAULT"))]
    assert len(ids) > 300
    rows = list(csv.DictReader(io.StringIO(exported(
        big_store, format="csv", query=EventFilter(type="ASSAULT", offset=100, limit=150), batch=40).decode("utf-8"))))
    assert [r["id"] for r in rows] == ids[100:250]


def test_the_api_streams_the_same_file(big_store):
    expected = exported(big_store, format="csv")
    with TestClient(create_app(big_store.url, web=False)) as client:
        with client.stream("GET", "/api/export/events.csv") as response:
            assert response.status_code == 200
            assert "content-length" not in response.headers
            chunks = list(response.iter_bytes())
        assert b"".join(chunks) == expected
        parquet = client.get("/api/export/events.parquet")
        assert pq.read_table(io.BytesIO(parquet.content)).num_rows == EVENTS
        refused = client.get("/api/export/claims.geojson")
        assert refused.status_code in (400, 422) and "no place on a map" in refused.json()["error"]

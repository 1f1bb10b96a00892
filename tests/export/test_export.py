"""Exports of the three hand-made reports (tests/fixtures/api/articles.jsonl) open in the tools
analysts use: the CSV header is the one the README documents, the GeoJSON is RFC 7946 (points
as [longitude, latitude]: Kandahar is at about 65.8 E, 31.5 N), Parquet reads back typed in
pandas and DuckDB; the API offers the same files."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path

import duckdb
import geojson
import pandas as pd
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from dateline.api import create_app
from dateline.cli import app as cli
from dateline.export import ExportError, export
from dateline.store import EventFilter, open_store

README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.fixture(scope="module")
def store(hand_made_sqlite_url):
    with open_store(hand_made_sqlite_url, write=False) as opened:
        yield opened


def exported(store, **options) -> bytes:
    out = io.BytesIO()
    export(store, out, **options)
    return out.getvalue()


def documented_columns() -> list[str]:
    """The column names in the first column of the README's CSV table, in order."""
    section = README.read_text(encoding="utf-8").split("## Exports and the API", 1)[1].split("\n## ", 1)[0]
    names = []
    for line in section.splitlines():
        if line.startswith("| `"):
            names += re.findall(r"`([a-z_]+)`", line.split("|")[1])
    return names


def test_csv_header_is_the_documented_columns(store):
    rows = list(csv.DictReader(io.StringIO(exported(store, format="csv").decode("utf-8"))))
    assert list(rows[0]) == documented_columns()
    # "attacked a police checkpoint in Kandahar on Friday, killing 12 officers": one event, its toll
    attack = next(r for r in rows if r["trigger"] == "attacked")
    assert (attack["places"], attack["countries"], attack["quantities"]) == ("Kandahar", "AF", "12 officers")


def test_acled_columns(store):
    rows = list(csv.DictReader(io.StringIO(exported(store, format="csv", columns="acled",
                                                    query=EventFilter(country="AF")).decode("utf-8"))))
    assert list(rows[0])[:3] == ["event_id_cnty", "event_date", "time_precision"]
    killing = next(r for r in rows if r["notes"].startswith("Taliban fighters attacked") and r["fatalities"] != "0")
    assert killing["fatalities"] == "12" and killing["country"] == "Afghanistan" and killing["location"] == "Kandahar"
    assert killing["event_date"] == "2021-09-03" and killing["source"] == "Frontier Wire"
    assert killing["actor1"] == "Taliban"  # the canonical entity's name for "Taliban fighters"


def test_geojson_is_rfc_7946(store):
    text = exported(store, format="geojson").decode("utf-8")
    collection = json.loads(text)
    assert geojson.loads(text).is_valid
    assert collection["type"] == "FeatureCollection" and "crs" not in collection
    assert collection["features"]
    for item in collection["features"]:
        assert item["type"] == "Feature" and item["geometry"]["type"] == "Point"
        lon, lat = item["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert (item["properties"]["longitude"], item["properties"]["latitude"]) == (lon, lat)
    kandahar = [f for f in collection["features"] if f["properties"]["point_name"] == "Kandahar"]
    lon, lat = kandahar[0]["geometry"]["coordinates"]
    assert 65 < lon < 66.5 and 31 < lat < 32
    mombasa = next(f for f in collection["features"] if f["properties"]["point_name"] == "Mombasa")
    assert mombasa["geometry"]["coordinates"][1] < 0  # south of the equator


def test_parquet_round_trips_through_pandas_and_duckdb(store, tmp_path):
    path = tmp_path / "events.parquet"
    path.write_bytes(exported(store, format="parquet"))
    frame = pd.read_parquet(path)
    assert list(frame.columns) == documented_columns()
    assert len(frame) == store.count_events()
    assert frame["latitude"].dtype == "float64" and frame["confidence"].dtype == "float64"
    assert frame["hedged"].dtype == "bool"
    attack = frame[frame["trigger"] == "attacked"].iloc[0]
    assert attack["date_start"] == date(2021, 9, 3) and attack["places"] == "Kandahar"
    found = duckdb.sql(f"SELECT count(*), min(date_start) FROM read_parquet('{path}') WHERE countries = 'KE'").fetchall()[0]
    assert found[0] == store.count_events(country="KE") and found[1] == date(2021, 11, 14)


def test_entities_places_claims(store, tmp_path):
    entities = [json.loads(line) for line in exported(store, what="entities", format="jsonl").splitlines()]
    wanjiru = next(e for e in entities if e["entity"]["name"] == "Jane Wanjiru")
    assert wanjiru["entity"]["roles"][0]["title"] == "Interior Minister"
    places = json.loads(exported(store, what="places", format="geojson"))
    assert {f["properties"]["name"] for f in places["features"]} >= {"Kandahar", "Mombasa", "Doha"}
    claims = list(csv.DictReader(io.StringIO(exported(store, what="claims", format="csv").decode("utf-8"))))
    assert {(c["by"], c["value"]) for c in claims} >= {("police", "40.0"), ("Hospital officials", "60.0")}
    with pytest.raises(ExportError, match="no place on a map"):
        exported(store, what="claims", format="geojson")


def test_the_command_and_the_api_give_the_same_file(hand_made_sqlite_url, tmp_path):
    out = tmp_path / "af.csv"
    result = CliRunner().invoke(cli, ["export", "--db", hand_made_sqlite_url, "--country", "AF", "--out", str(out)])
    assert result.exit_code == 0, result.output
    with TestClient(create_app(hand_made_sqlite_url)) as client:
        response = client.get("/api/export/events.csv?country=AF")
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
        assert response.content == out.read_bytes()
        parquet = client.get("/api/export/events.parquet?columns=acled")
        assert parquet.status_code == 200
        assert list(pd.read_parquet(io.BytesIO(parquet.content)).columns)[-1] == "fatalities"
        bad = client.get("/api/export/claims.geojson")
        assert bad.status_code == 422 and "no place on a map" in bad.json()["error"]

"""Writes: off without a token, open only with 'Authorization: Bearer <token>', bounded uploads;
and the server binds to 127.0.0.1 unless told otherwise."""

from __future__ import annotations

import inspect
import json

import pytest
import yaml
from fastapi.testclient import TestClient

from dateline.api import create_app
from dateline.entities.user_file import read_user_entities
from dateline.store import open_store

TOKEN = "a-token-for-tests"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def writable(store_url, tmp_path):
    open_store(store_url).close()  # an empty store
    app = create_app(store_url, token=TOKEN, max_upload_bytes=4096, entities_file=tmp_path / "entities.yaml")
    with TestClient(app) as client:
        yield client


def test_without_a_token_the_server_is_read_only(store_url, fixtures_dir):
    open_store(store_url).close()
    with TestClient(create_app(store_url)) as client:
        upload = (fixtures_dir / "api" / "upload.jsonl").read_bytes()
        response = client.post("/api/articles", content=upload, headers={"Content-Type": "application/x-ndjson", **AUTH})
        assert response.status_code == 403 and "writes are off" in response.json()["error"]
        assert client.get("/api/articles").json()["total"] == 0


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}])
def test_a_write_needs_the_right_token(writable, fixtures_dir, headers):
    upload = (fixtures_dir / "api" / "upload.jsonl").read_bytes()
    response = writable.post("/api/articles", content=upload, headers={"Content-Type": "application/x-ndjson", **headers})
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert writable.get("/api/articles").json()["total"] == 0


def test_uploaded_articles_are_stored_and_found(writable, fixtures_dir):
    upload = (fixtures_dir / "api" / "upload.jsonl").read_bytes()
    response = writable.post("/api/articles", content=upload, headers={"Content-Type": "application/x-ndjson", **AUTH})
    assert response.status_code == 201, response.text
    assert response.json()["new"] == 1 and response.json()["rejected"] == []
    hit = writable.get("/api/search?q=Herat").json()["items"][0]["article"]
    assert hit["title"] == "Protest in Herat" and hit["published"] == "2021-09-08" and hit["outlet"] == "Herat Post"
    again = writable.post("/api/articles", content=upload, headers={"Content-Type": "application/x-ndjson", **AUTH})
    assert again.json()["new"] == 0 and again.json()["duplicates"] == 1


def test_one_json_article_and_a_bad_line(writable):
    body = json.dumps([{"title": "Curfew in Jalalabad", "date": "2021-09-09",
                        "text": "Authorities imposed a curfew in Jalalabad on Thursday, residents said."},
                       {"title": "no text here"}])
    response = writable.post("/api/articles", content=body, headers={"Content-Type": "application/json", **AUTH})
    assert response.status_code == 201, response.text
    assert response.json()["new"] == 1 and len(response.json()["rejected"]) == 1


def test_uploads_over_the_limit_are_refused(writable):
    text = "Shelling hit the market in Kharkiv on Monday, officials said. " * 100  # over 4096 bytes
    body = json.dumps({"title": "Too long", "text": text})
    response = writable.post("/api/articles", content=body, headers={"Content-Type": "application/json", **AUTH})
    assert response.status_code == 413 and "limit of 4096 bytes" in response.json()["error"]
    assert writable.post("/api/articles", content=b"<html></html>",
                         headers={"Content-Type": "text/html", **AUTH}).status_code == 415


def test_an_entity_correction_is_appended_to_the_entities_file(writable, tmp_path):
    correction = {"name": "National Resistance Front", "kind": "armed_group", "aliases": ["NRF"], "country": "af"}
    assert writable.post("/api/entities", json=correction).status_code == 401
    response = writable.post("/api/entities", json=correction, headers=AUTH)
    assert response.status_code == 201, response.text
    second = writable.post("/api/entities", json={"name": "Jane Wanjiru", "kind": "person", "country": "KE"}, headers=AUTH)
    assert second.json()["entities"] == 2
    path = tmp_path / "entities.yaml"
    entities = read_user_entities(path).entities
    assert [(e.name, e.kind, e.aliases, e.country) for e in entities] == [
        ("National Resistance Front", "armed_group", ("NRF",), "AF"), ("Jane Wanjiru", "person", (), "KE")]
    bad = writable.post("/api/entities", json={"name": "X", "kind": "alien"}, headers=AUTH)
    assert bad.status_code == 422 and "kind" in bad.json()["error"]
    assert len(yaml.safe_load(path.read_text())["entities"]) == 2


def test_serve_binds_to_localhost_by_default():
    from typer.testing import CliRunner

    from dateline.cli import app, serve_command

    assert inspect.signature(serve_command).parameters["host"].default.default == "127.0.0.1"
    assert inspect.signature(serve_command).parameters["token_env"].default.default == "DATELINE_TOKEN"
    result = CliRunner().invoke(app, ["serve", "--help"], env={"COLUMNS": "200"})
    assert "127.0.0.1" in result.output

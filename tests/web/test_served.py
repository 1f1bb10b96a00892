"""`dateline serve`'s app: the API and the web UI in one process over one store, the situation
report as a page, and article text that stays text everywhere."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from dateline.api import create_app

from .conftest import build_store


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("served") / "served.db")
    store = build_store(path)
    store.fuse()
    store.close()
    with TestClient(create_app(path)) as client:
        yield client


def test_one_app_serves_the_pages_and_the_api(served):
    page = served.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "script-src 'self'" in page.headers["content-security-policy"]
    events = served.get("/api/events", params={"type": "ASSAULT"}).json()
    assert any("shelled" == e["trigger"]["text"] for e in events["items"])


def test_the_situation_report_is_a_page_with_the_article_text_escaped(served):
    report = served.get("/report")
    assert report.status_code == 200
    html = report.text
    assert "<script>window.__pwned" not in html and "<img src=x" not in html  # never markup
    assert "Herat" in html  # the protest in Herat is one of the report's events
    assert "script-src 'self'" in report.headers["content-security-policy"]


def test_a_search_past_the_bounds_is_a_clear_page_not_a_server_error(served):
    page = served.get("/search", params={"q": " ".join(["word"] * 40)})
    assert page.status_code == 400 and "at most 32 words" in page.text

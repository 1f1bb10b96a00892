"""What an event list's ``total`` says, over a hand-made store whose matches are known by
construction: one report of eleven protests, seven by traders in Nairobi (1 to 7 March 2024)
and four by students in Kabul (1 to 4 April 2024). A filter the store keeps counts for (type,
dates, country) has its exact total; any other (a box, an actor's words) is read one event past
the page: a full page with more after it says "at least offset + limit + 1" (total_exact false),
the last page and a page past the end say the exact number."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient

from dateline.api import create_app
from dateline.ingest import content_id
from dateline.model import Actor, Article, ArticleRecords, Event, Place, Span
from dateline.store import EventFilter, open_store
from tests.conftest import BACKENDS, fresh_store_url

NAIROBI_DAYS, KABUL_DAYS = 7, 4
SENTENCES = ([f"On {day} March traders protested in Nairobi." for day in range(1, NAIROBI_DAYS + 1)]
             + [f"On {day} April students protested in Kabul." for day in range(1, KABUL_DAYS + 1)])
TEXT = " ".join(SENTENCES)
ARTICLE = Article(id=content_id(TEXT), text=TEXT, published=date(2024, 4, 5))
KENYA_BOX = "33.9,-4.7,41.9,5.0"  # west,south,east,north


def _event(n: int, sentence: str) -> tuple[Event, Place]:
    start = TEXT.index(sentence)
    def span(words: str) -> Span:
        at = start + sentence.index(words)
        return Span(at, at + len(words), words)

    in_nairobi = "Nairobi" in sentence
    place = Place(span=span("Nairobi" if in_nairobi else "Kabul"), name="Nairobi" if in_nairobi else "Kabul",
                  lat=-1.29 if in_nairobi else 34.53, lon=36.82 if in_nairobi else 69.17,
                  country_code="KE" if in_nairobi else "AF", resolution="gazetteer", confidence=0.9)
    day = date(2024, 3 if in_nairobi else 4, int(sentence.split()[1]))
    who = "traders" if in_nairobi else "students"
    event = Event(id=f"ev-protest-{n:02d}", article_id=ARTICLE.id, type="PROTEST", trigger=span("protested"),
                  sentence=span(sentence), date_value=day.isoformat(), date_start=day, date_end=day,
                  places=(place,), source_actor=Actor(who, span(who), None, "source"))
    return event, place


@pytest.fixture(scope="module", params=BACKENDS)
def store_url(request, tmp_path_factory):
    with fresh_store_url(request.param, tmp_path_factory.mktemp(f"totals-{request.param}")) as url:
        made = [_event(n, sentence) for n, sentence in enumerate(SENTENCES)]
        with open_store(url) as store:
            store.add_articles([ARTICLE])
            store.save_extraction([ArticleRecords(article_id=ARTICLE.id, places=tuple(p for _, p in made),
                                                  events=tuple(e for e, _ in made))])
        yield url


@pytest.fixture(scope="module")
def client(store_url):
    with TestClient(create_app(store_url, web=False)) as test_client:
        yield test_client


def page(client, **params) -> tuple[int, int, bool]:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    return len(body["items"]), body["total"], body["total_exact"]


@pytest.mark.parametrize("params", [{"bbox": KENYA_BOX}, {"actor": "traders"}])
def test_a_list_the_store_does_not_count_says_at_least_until_its_last_page(client, params):
    assert page(client, **params, limit=3) == (3, 4, False)  # 3 shown, a 4th follows: "at least 4"
    assert page(client, **params, limit=3, offset=3) == (3, 7, False)
    assert page(client, **params, limit=3, offset=6) == (1, 7, True)  # the last page knows the end
    assert page(client, **params, limit=7) == (7, 7, True)  # a page that ends the list exactly
    assert page(client, **params, limit=0) == (0, 1, False)  # no page: "at least one"


@pytest.mark.parametrize("offset", [7, 9, 500])
def test_a_page_past_the_end_counts_the_matches(client, offset):
    assert page(client, bbox=KENYA_BOX, limit=3, offset=offset) == (0, NAIROBI_DAYS, True)


def test_exact_total_counts_every_match(client):
    assert page(client, bbox=KENYA_BOX, limit=3, exact_total="true") == (3, NAIROBI_DAYS, True)
    assert page(client, actor="students", limit=1, exact_total="true") == (1, KABUL_DAYS, True)


def test_a_list_of_type_dates_and_country_has_its_exact_total_at_once(client):
    assert page(client, type="PROTEST", limit=3) == (3, NAIROBI_DAYS + KABUL_DAYS, True)
    assert page(client, country="AF", limit=2) == (2, KABUL_DAYS, True)
    assert page(client, since="2024-03-03", until="2024-03-05", limit=1) == (1, 3, True)


def test_the_store_method_behind_it(store_url):
    with open_store(store_url, write=False) as store:
        first = store.event_page(EventFilter(bbox=(33.9, -4.7, 41.9, 5.0), limit=4))
        assert [e.id for e in first.events] == [f"ev-protest-{n:02d}" for n in range(4)]  # 1 to 4 March
        assert (first.total, first.total_exact) == (5, False)
        assert first.events == store.events(EventFilter(bbox=(33.9, -4.7, 41.9, 5.0), limit=4))
        whole = store.event_page(EventFilter(place="Kabul"))  # no limit: the whole list, counted
        assert (len(whole.events), whole.total, whole.total_exact) == (KABUL_DAYS, KABUL_DAYS, True)
        nobody = store.event_page(EventFilter(actor="farmers", limit=10))  # no farmer protested
        assert (nobody.events, nobody.total, nobody.total_exact) == ([], 0, True)


def test_the_openapi_document_says_what_total_means(client):
    document = client.get("/openapi.json").json()
    page_schema = next(schema for name, schema in document["components"]["schemas"].items()
                       if name.startswith("Page") and "Event" in name)
    assert "lower bound" in page_schema["properties"]["total"]["description"]
    parameters = {p["name"]: p for p in document["paths"]["/api/events"]["get"]["parameters"]}
    assert "lower bound" in parameters["exact_total"]["description"]

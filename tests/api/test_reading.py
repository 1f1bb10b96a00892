"""The read endpoints through the real app, over a store of three hand-made reports
(tests/fixtures/api/articles.jsonl): Taliban fighters attack a police checkpoint in Kandahar on
Friday 3 September 2021, killing 12 officers; floods in Mombasa on Sunday 14 November displace
3,000 people (police: at least 40 killed; hospital officials: more than 60), and Interior
Minister Jane Wanjiru visits; Qatari officials meet Taliban envoys in Doha on Monday 11 October."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from dateline.api import create_app


@pytest.fixture(scope="module")
def client(hand_made_store_url):
    with TestClient(create_app(hand_made_store_url)) as test_client:
        yield test_client


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.text
    return response.json()


def test_events_in_afghanistan_are_the_kandahar_attack(client):
    page = get(client, "/api/events?country=AF")
    assert page["total"] == len(page["items"]) >= 2
    assert {p["name"] for e in page["items"] for p in e["places"]} == {"Kandahar"}
    attack = next(e for e in page["items"] if e["trigger"]["text"] == "attacked")
    assert attack["type"] == "ASSAULT"
    assert attack["date_value"] == "2021-09-03"  # "on Friday" in a report of Saturday 4 September
    assert attack["source_actor"]["text"] == "Taliban fighters"
    assert attack["attribution"]["source"] == "the provincial governor"


def test_filters_narrow_the_list(client):
    everything = get(client, "/api/events?limit=1000")["total"]
    kenya_box = get(client, "/api/events?bbox=33.9,-4.7,41.9,5.0")  # west,south,east,north around Kenya
    assert 0 < kenya_box["total"] < everything
    assert all(p["country_code"] == "KE" for e in kenya_box["items"] for p in e["places"])
    november = get(client, "/api/events?since=2021-11-01&until=2021-11-30")
    assert november["total"] >= 2 and all(e["date_start"].startswith("2021-11") for e in november["items"])
    taliban = get(client, "/api/events?actor=Taliban")
    assert {e["article_id"] for e in taliban["items"]} == {
        a["id"] for a in get(client, "/api/articles")["items"] if "Taliban" in a["text"]}
    assert all(e["type"] == "ASSAULT" for e in get(client, "/api/events?type=assault")["items"])


def test_paging_and_sorting(client):
    total = get(client, "/api/events")["total"]
    first, second = get(client, "/api/events?limit=2"), get(client, "/api/events?limit=2&offset=2")
    assert first["total"] == second["total"] == total
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}
    dates = [e["date_start"] for e in get(client, "/api/events?sort=-date")["items"]]
    # an event on a day the text does not give (an earlier act named by a noun) has no date:
    # newest first, the undated last
    dated = [d for d in dates if d is not None]
    assert dated == sorted(dated, reverse=True)
    assert dates == dated + [None] * (len(dates) - len(dated))
    confidences = [e["confidence"] for e in get(client, "/api/events?sort=-confidence")["items"]]
    assert confidences == sorted(confidences, reverse=True)


def test_an_event_comes_with_its_article_and_evidence(client):
    # "attacked a police checkpoint in Kandahar on Friday, killing 12 officers": one event, its toll
    attack = next(e for e in get(client, "/api/events?country=AF")["items"] if e["trigger"]["text"] == "attacked")
    detail = get(client, f"/api/events/{attack['id']}")
    text = detail["article"]["text"]
    assert detail["article"]["outlet"] == "Frontier Wire"
    for span in detail["evidence"]:
        assert text[span["start"]:span["end"]] == span["text"]
    fields = {span["field"]: span["text"] for span in detail["evidence"]}
    assert fields["trigger"] == "attacked"
    assert fields["quantities[0]"] == "12 officers"
    assert fields["places[0]"] == "Kandahar"


def test_article_text_search_and_paging(client):
    articles = get(client, "/api/articles?limit=2")
    assert articles["total"] == 3 and len(articles["items"]) == 2
    hits = get(client, "/api/search?q=Mombasa floods")["items"]
    assert hits[0]["article"]["title"] == "Floods force thousands from homes near Mombasa"
    assert "[" in hits[0]["snippet"]
    article = get(client, f"/api/articles/{hits[0]['article']['id'][:12]}")
    assert "displaced 3,000 people in Mombasa on Sunday" in article["text"]
    records = get(client, f"/api/articles/{article['id']}/records")
    assert any(t["span"]["text"] == "Sunday" and t["value"] == "2021-11-14" for t in records["timexes"])


def test_entities_with_their_role_history(client):
    people = get(client, "/api/entities?kind=person")["items"]
    wanjiru = next(row for row in people if row["entity"]["name"] == "Jane Wanjiru")
    role = wanjiru["entity"]["roles"][0]
    assert role["title"] == "Interior Minister" and role["as_of"] == "2021-11-15"
    article = get(client, f"/api/articles/{role['article_id']}")
    assert article["text"][role["evidence"]["start"]:role["evidence"]["end"]] == role["evidence"]["text"]
    taliban = get(client, "/api/entities/armed_group:taliban")
    assert taliban["entity"]["name"] == "Taliban"
    assert any(e["trigger"]["text"] == "attacked" for e in taliban["events"]["items"])


def test_places_and_claims(client):
    mombasa = get(client, "/api/places?name=mombasa")[0]
    assert mombasa["country_code"] == "KE" and -5 < mombasa["lat"] < -3 and 39 < mombasa["lon"] < 40.5
    claims = get(client, "/api/claims")
    figures = {(c["by"], c["qualifier"], c["value"]) for c in claims}
    assert ("police", "at least", 40.0) in figures
    assert ("Hospital officials", "more than", 60.0) in figures


def test_counts_for_charts(client):
    total = get(client, "/api/events")["total"]
    by_type = get(client, "/api/counts?by=type")
    assert by_type["total"] == total == sum(b["count"] for b in by_type["buckets"])
    by_country = {b["key"]: b["count"] for b in get(client, "/api/counts?by=country")["buckets"]}
    assert set(by_country) == {"AF", "KE", "QA"}
    assert by_country["AF"] == get(client, "/api/events?country=AF")["total"]
    kenya_places = get(client, "/api/counts?by=place&country=KE")["buckets"]
    assert kenya_places[0]["key"] == "Mombasa"
    assert get(client, "/api/counts?by=country&place=Doha")["buckets"] == [
        {"key": "QA", "count": get(client, "/api/events?place=Doha")["total"]}]
    days = get(client, "/api/counts?by=day&country=AF")["buckets"]
    assert days[0]["key"] == "2021-09-03"
    assert [b["key"] for b in days] == sorted(b["key"] for b in days)


def test_counts_json_is_what_the_counts_model_writes():
    """The counts' JSON written without the model is the model's own JSON, keys that need
    escaping or are not ASCII included."""
    from datetime import date

    from dateline.api.reading import counts_json
    from dateline.api.responses import Counts

    rows = [{"outlet": 'The "Daily" Nation\\Kenya', "events": 3}, {"outlet": "Le Monde diplomatique — Éditions", "events": 2},
            {"outlet": "الجزيرة\n", "events": 1}]
    for by, some in (("outlet", rows), ("day", [{"day": date(2021, 9, 3), "events": 7}]), ("type", [])):
        model = Counts(by=by, total=6, total_exact=False,
                       buckets=[{"key": str(r[by]) if by != "day" else r[by].isoformat(), "count": r["events"]}
                                for r in some])
        assert counts_json(by, 6, False, some) == model.model_dump_json(exclude_none=True)


@pytest.mark.parametrize(("url", "status", "words"), [
    ("/api/events?bbox=60,30,70", 422, "bbox"),
    ("/api/events?since=2021-09-05&until=2021-09-01", 422, "since 2021-09-05 is after until 2021-09-01"),
    ("/api/events?limit=100000", 422, "limit"),
    ("/api/events?actor=" + "x" * 201, 422, "actor"),
    ("/api/events?min_confidence=2", 422, "min_confidence"),
    ("/api/events?sort=price", 422, "sort"),
    ("/api/counts?by=weather", 422, "by"),
    ("/api/events/ev-nothing-here", 404, "no event"),
    ("/api/articles/not-an-article", 404, "no article"),
    ("/api/entities/person:nobody", 404, "no entity"),
    ("/api/nowhere", 404, "Not Found"),
])
def test_errors_are_json_with_a_message(client, url, status, words):
    body = get(client, url, status)
    assert body["status"] == status and words in body["error"]
    assert "Traceback" not in str(body)

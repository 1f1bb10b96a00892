"""The pages as HTML, through the real router over the hand-made store (see conftest.py): what a
reader would check on each, that every text from an article is escaped, and the headers."""

from __future__ import annotations

import json
import re
from html import unescape

from dateline.web.story import StoryQuery, timeline_data


def story_json(html: str) -> dict:
    block = re.search(r'<script type="application/json" id="story-data">(.*?)</script>', html, re.S).group(1)
    return json.loads(block)


def marks(html: str, field: str) -> list[str]:
    return [unescape(re.sub(r"<[^>]+>", "", m)) for m in
            re.findall(rf'<mark class="[^"]*\bf-{field}\b[^"]*"[^>]*>(.*?)</mark>', html, re.S)]


def test_every_page_forbids_inline_scripts(client, articles):
    HOSTILE = articles["hostile"]
    for path in ("/", "/events/ev-web-shelling", f"/articles/{HOSTILE.id}", "/entities", "/claims", "/search?q=Herat"):
        response = client.get(path)
        assert response.status_code == 200, path
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        # the only <script> elements are our files and JSON data blocks
        for tag in re.findall(r"<script[^>]*>", response.text):
            assert 'src="/ui/static/' in tag or 'type="application/json"' in tag, tag


def test_story_lists_every_event_in_date_order(client):
    html = client.get("/").text
    assert "6 events" in html
    triggers = re.findall(r'class="event-link"[^>]*>([^<]+)</a>', html)
    assert triggers == ["met", "warned", "marched", "shelled", "said", "killed"]


def test_story_data_counts_days_types_and_places(client):
    data = story_json(client.get("/").text)
    timeline = data["timeline"]
    assert timeline["days"] == ["2021-07-10", "2021-07-11", "2021-08-20", "2021-09-02", "2021-09-03", "2021-09-04"]
    by_type = dict(zip(timeline["types"], (sum(c) for c in timeline["counts"])))
    assert by_type == {"ASSAULT": 2, "STATEMENT": 2, "CONSULT": 1, "PROTEST": 1}
    places = {p["name"]: p["events"] for p in data["places"]}
    assert places["Bazarak"] == 2 and places["Doha"] == 1  # the shelling and the disputed toll


def test_a_filter_narrows_the_story_and_stays_in_its_links(client):
    html = client.get("/?type=ASSAULT&place=Bazarak").text
    assert "2 events" in html
    assert re.findall(r'class="event-link"[^>]*>([^<]+)</a>', html) == ["shelled", "killed"]
    assert story_json(html)["timeline"]["days"] == ["2021-09-02", "2021-09-04"]
    # removing one filter keeps the other
    assert 'href="/?place=Bazarak"' in html


def test_outlet_and_date_filters(client):
    html = client.get("/?outlet=doha+daily").text
    assert re.findall(r'class="event-link"[^>]*>([^<]+)</a>', html) == ["met", "warned"]
    html = client.get("/?since=2021-09-01&until=2021-09-03").text
    assert re.findall(r'class="event-link"[^>]*>([^<]+)</a>', html) == ["shelled", "said"]


def test_a_bad_filter_value_is_a_message_not_a_crash(client):
    response = client.get("/?since=last+week")
    assert response.status_code == 400
    assert "since: a date as YYYY-MM-DD" in unescape(response.text)


def test_story_query_urls_keep_the_other_filters():
    query = StoryQuery({"type": "ASSAULT", "place": "Bazarak"}, page=3)
    assert query.url(page=4) == "?type=ASSAULT&place=Bazarak&page=4"
    assert query.url(type=None) == "?place=Bazarak"  # a new filter starts at page 1


def test_timeline_keeps_the_most_frequent_types_and_counts_the_rest_as_other():
    from datetime import date

    rows = [{"day": date(2021, 9, 1), "type": f"T{n:02d}", "events": 20 - n} for n in range(12)]
    data = timeline_data(rows)
    assert data["types"][:2] == ["T00", "T01"] and data["types"][-1] == "OTHER"
    assert sum(sum(c) for c in data["counts"]) == sum(r["events"] for r in rows)


def test_event_page_marks_every_field_in_the_article(client):
    html = client.get("/events/ev-web-shelling").text
    assert marks(html, "trigger") == ["shelled"]
    assert marks(html, "source") == ["Taliban fighters"]
    assert marks(html, "place") == ["Bazarak"]
    assert marks(html, "date") == ["Thursday"]
    assert "".join(marks(html, "quantity")) == "at least 12 civilians"
    assert marks(html, "target") == ["civilians"]
    assert marks(html, "attribution") == ["a local official"]
    assert marks(html, "channel") == ["told Reuters"]
    assert "Kabul Herald" in html and "2021-09-03" in html
    assert 'href="https://kabulherald.example/bazarak"' in html
    assert 'href="/entities/armed_group%3Ataliban"' in html or 'href="/entities/armed_group:taliban"' in html


def test_event_page_says_when_a_date_is_only_the_articles(client):
    html = client.get("/events/ev-web-pushback").text
    assert "the article's date: the text gives none" in html
    assert marks(html, "date") == []


def test_a_javascript_url_is_never_a_link(client):
    html = client.get("/events/ev-web-meeting").text
    assert "javascript:alert(1)" in html  # shown as text
    assert 'href="javascript:' not in html


def test_article_page_links_each_trigger_to_its_event(client, articles):
    html = client.get(f"/articles/{articles['doha_daily'].id}").text
    assert '<a class="trigger" href="/events/ev-web-meeting">met</a>' in html
    assert '<a class="trigger" href="/events/ev-web-warning">warned</a>' in html


def test_hostile_article_text_is_escaped_everywhere(client, articles):
    HOSTILE = articles["hostile"]
    for path in ("/", "/events/ev-web-protest", f"/articles/{HOSTILE.id}", "/search?q=protesters", "/claims"):
        html = client.get(path).text
        assert "<script>window.__pwned" not in html, path
        assert "<img src=x" not in html, path
        assert "<b>Times</b>" not in html, path
    html = client.get("/events/ev-web-protest").text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "Herat &lt;b&gt;Times&lt;/b&gt;" in html
    # in the JSON block, < is written \u003c: the block cannot be closed by a place name
    assert "\\u003cimg src=x" in client.get("/").text


def test_entity_page_shows_role_history_in_date_order_and_events(client, web_store):
    entity = web_store.entities(name="Sher Zaman")[0].entity
    html = client.get(f"/entities/{entity.id}").text
    roles = re.findall(r'<td class="role-title">([^<]+)</td>', html)
    assert roles == ["District governor", "former district governor"]
    assert html.index("2021-07-11") < html.index("2021-09-03")
    assert re.findall(r'class="event-link"[^>]*>([^<]+)</a>', html) == ["warned", "said"]


def test_entities_list_finds_by_name(client):
    html = client.get("/entities?name=taliban").text
    assert ">Taliban</a>" in html and "Sher Zaman" not in html


def test_claims_page_puts_conflicting_figures_side_by_side(client):
    html = client.get("/claims").text
    group = re.search(r'<section class="claim-group conflict">(.*?)</section>', html, re.S).group(1)
    assert "civilians killed in Bazarak" in group and "conflicting figures" in group
    figures = [unescape(f) for f in re.findall(r'<div class="figure">(.*?) <span', group)]
    assert figures == ["at least 12", "more than 40"]
    assert "a local official" in group and "The Northern Resistance" in group
    assert marks(group, "quantity") == ["at least 12 civilians", "more than 40 civilians"]


def test_search_finds_articles_and_marks_the_words(client, articles):
    html = client.get("/search?q=Bazarak").text
    titles = re.findall(r'class="hit-title"[^>]*>([^<]+)</a>', html)
    assert sorted(titles) == ["Bazarak toll disputed", "Shelling hits Bazarak"]
    assert marks(html, "match") and set(marks(html, "match")) == {"Bazarak"}
    assert f'href="/articles/{articles["kabul_herald"].id}"' in html


def test_unknown_ids_are_pages_that_say_so(client):
    response = client.get("/events/ev-nothing")
    assert response.status_code == 404 and "No event ev-nothing" in response.text
    assert client.get("/entities/person:nobody").status_code == 404
    assert client.get("/articles/0000000000").status_code == 404


def test_static_files_stay_inside_their_folder(client):
    assert client.get("/ui/static/js/story.js").status_code == 200
    assert client.get("/ui/static/vendor/world-atlas/countries-110m.json").status_code == 200
    assert client.get("/ui/static/../pages.py").status_code == 404
    assert client.get("/ui/static/%2e%2e/pages.py").status_code == 404

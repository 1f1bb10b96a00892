"""The UI in a real headless Chromium (Debian's chromium and chromium-driver) over the hand-made
store: the timeline and map draw, a click reaches the marked evidence, a filter narrows the list
and the URL keeps it, search finds an article, and no script hidden in an article runs."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from dateline.web.browser import wait_ready

pytestmark = pytest.mark.browser


def open_page(browser, url: str) -> None:
    browser.get(url)
    wait_ready(browser)


def pwned(browser):
    return browser.execute_script("return window.__pwned === undefined ? null : window.__pwned")


def test_timeline_and_map_draw_the_events(browser, base_url):
    open_page(browser, base_url + "/")
    timeline = browser.find_element(By.ID, "timeline")
    assert timeline.get_attribute("data-days") == "6"  # six days have events
    assert timeline.find_elements(By.CSS_SELECTOR, "canvas")
    legend = timeline.text
    for name in ("ASSAULT", "STATEMENT", "CONSULT", "PROTEST"):
        assert name in legend
    map_box = browser.find_element(By.ID, "map")
    assert map_box.get_attribute("data-places") == "3"  # Bazarak, Doha, Herat
    shown = [int(m.text) for m in map_box.find_elements(By.CSS_SELECTOR, ".count-marker")]
    assert sum(shown) == 4  # Bazarak's two events, Doha's one and Herat's one, clustered or not
    # the world outline arrives after the data and is drawn under it
    WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#map path.leaflet-interactive, #map svg path"))


def test_a_click_on_an_event_shows_its_evidence(browser, base_url):
    open_page(browser, base_url + "/")
    browser.find_element(By.LINK_TEXT, "shelled").click()
    WebDriverWait(browser, 10).until(lambda b: "/events/ev-web-shelling" in b.current_url)
    wait_ready(browser)

    def marked(field):
        return [m.text for m in browser.find_elements(By.CSS_SELECTOR, f"#article-text mark.f-{field}")]

    assert marked("trigger") == ["shelled"]
    assert marked("source") == ["Taliban fighters"]
    assert marked("place") == ["Bazarak"]
    assert marked("date") == ["Thursday"]
    assert "".join(marked("quantity")).strip() == "at least 12 civilians"
    assert marked("attribution") == ["a local official"]
    trigger = browser.find_element(By.ID, "ev-trigger")
    assert trigger.is_displayed()
    # the trigger is painted in its colour (the stylesheet loaded under the CSP)
    assert browser.execute_script("return getComputedStyle(arguments[0]).backgroundColor", trigger) != "rgba(0, 0, 0, 0)"
    assert "Kabul Herald" in browser.find_element(By.CSS_SELECTOR, "dd.outlet").text


def test_a_filter_narrows_the_list_and_the_url_keeps_it(browser, base_url):
    open_page(browser, base_url + "/")
    Select(browser.find_element(By.NAME, "type")).select_by_value("ASSAULT")
    browser.find_element(By.NAME, "place").send_keys("Bazarak")
    browser.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]").click()
    WebDriverWait(browser, 10).until(lambda b: "type=ASSAULT" in b.current_url)
    wait_ready(browser)
    query = parse_qs(urlsplit(browser.current_url).query)
    assert query["type"] == ["ASSAULT"] and query["place"] == ["Bazarak"]
    triggers = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "a.event-link")]
    assert triggers == ["shelled", "killed"]
    # the same URL, opened afresh, gives the same view
    shared = browser.current_url
    open_page(browser, base_url + "/")
    open_page(browser, shared)
    assert [a.text for a in browser.find_elements(By.CSS_SELECTOR, "a.event-link")] == ["shelled", "killed"]
    assert browser.find_element(By.ID, "timeline").get_attribute("data-days") == "2"
    assert Select(browser.find_element(By.NAME, "type")).first_selected_option.get_attribute("value") == "ASSAULT"


def test_search_finds_an_article(browser, base_url):
    open_page(browser, base_url + "/")
    box = browser.find_element(By.CSS_SELECTOR, "header form.search input[name=q]")
    box.send_keys("Doha")
    box.submit()
    WebDriverWait(browser, 10).until(lambda b: "/search" in b.current_url)
    wait_ready(browser)
    titles = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "a.hit-title")]
    assert titles == ["Qatari minister meets Taliban envoys"]
    browser.find_element(By.LINK_TEXT, titles[0]).click()
    WebDriverWait(browser, 10).until(lambda b: "/articles/" in b.current_url)
    assert "District governor Sher Zaman warned" in browser.find_element(By.ID, "article-text").text


def test_script_in_an_article_shows_as_text_and_never_runs(browser, base_url, articles):
    hostile = articles["hostile"]
    for path in ("/", "/events/ev-web-protest", f"/articles/{hostile.id}", "/search?q=protesters"):
        open_page(browser, base_url + path)
        assert pwned(browser) is None, path
        assert not browser.find_elements(By.CSS_SELECTOR, "main img, .leaflet-popup img"), path
    open_page(browser, base_url + "/events/ev-web-protest")
    text = browser.find_element(By.ID, "article-text").text
    assert "<script>window.__pwned = 1</script>" in text
    assert '<img src=x onerror="window.__pwned = 2">' in text
    assert "Herat <b>Times</b>" in browser.find_element(By.CSS_SELECTOR, "dd.outlet").text
    # the map's popup for Herat shows its (hostile) name as text
    open_page(browser, base_url + "/?place=Herat")
    browser.find_element(By.CSS_SELECTOR, "#map .count-marker").click()
    # Leaflet fades the popup in; Selenium reads no text while it is still transparent, so wait
    # for the text itself rather than for the element
    popup = WebDriverWait(browser, 10).until(
        lambda b: next((p for p in b.find_elements(By.CSS_SELECTOR, ".leaflet-popup-content") if p.text), None)
    )
    assert 'Herat <img src=x onerror="window.__pwned = 3">' in popup.text
    assert not popup.find_elements(By.TAG_NAME, "img")
    assert pwned(browser) is None
    severe = [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert not [m for m in severe if re.search(r"Content Security Policy|Refused", m)], severe


# --- characters outside the Basic Multilingual Plane -------------------------------------------
# Evidence offsets are Python's (code points); a browser's strings count UTF-16 units, in which
# an emoji is two. An article with emoji (and a flag: two code points, four units) before its
# evidence must still mark exactly the evidence words, on the event page and the article page.

EMOJI_TEXT = ("Residents posted 🔥 and 🇺🇦 as drones struck a fuel depot near Odesa on Sunday, "
              "the regional governor said.")


@pytest.fixture(scope="module")
def emoji_base_url(tmp_path_factory):
    from datetime import date

    from dateline.ingest import content_id
    from dateline.model import Actor, Article, ArticleRecords, Attribution, Event, Place, Span
    from dateline.store import open_store
    from dateline.web.browser import serve_ui

    def span(words: str) -> Span:
        start = EMOJI_TEXT.index(words)
        return Span(start, start + len(words), words)

    article = Article(id=content_id(EMOJI_TEXT), text=EMOJI_TEXT, title="Depot hit", outlet="Port Courier",
                      published=date(2023, 5, 8), published_source="header", published_confidence=1.0)
    odesa = Place(span=span("Odesa"), name="Odesa", lat=46.48, lon=30.73, country_code="UA", resolution="gazetteer")
    strike = Event(id="ev-emoji-strike", article_id=article.id, type="ASSAULT", trigger=span("struck"),
                   sentence=Span(0, len(EMOJI_TEXT), EMOJI_TEXT), source_actor=Actor("drones", span("drones"), None, "source"),
                   target_actor=Actor("a fuel depot", span("a fuel depot"), None, "target"),
                   date_value="2023-05-07", date_start=date(2023, 5, 7), date_end=date(2023, 5, 7),
                   date_span=span("Sunday"), places=(odesa,),
                   attribution=Attribution("the regional governor", span("the regional governor")), confidence=0.8)
    path = tmp_path_factory.mktemp("emoji") / "emoji.db"
    store = open_store(str(path))
    store.add_articles([article])
    store.save_extraction([ArticleRecords(article.id, places=(odesa,), events=(strike,))])
    store.close()
    with serve_ui(str(path)) as url:
        yield url


def test_evidence_after_emoji_is_marked_exactly(browser, emoji_base_url):
    # the offsets in the store are code points: "struck" begins after two emoji and a flag
    assert EMOJI_TEXT[EMOJI_TEXT.index("struck"):][:6] == "struck"
    assert len(EMOJI_TEXT.encode("utf-16-le")) // 2 == len(EMOJI_TEXT) + 3  # three units more in a browser
    open_page(browser, emoji_base_url + "/events/ev-emoji-strike")

    def marked(field):
        return [m.text for m in browser.find_elements(By.CSS_SELECTOR, f"#article-text mark.f-{field}")]

    assert marked("trigger") == ["struck"]
    assert marked("source") == ["drones"]
    assert marked("target") == ["a fuel depot"]
    assert marked("place") == ["Odesa"]
    assert marked("date") == ["Sunday"]
    assert marked("attribution") == ["the regional governor"]
    # the whole text is there, emoji and flag included, in its order
    assert browser.find_element(By.ID, "article-text").text.startswith("Residents posted 🔥 and 🇺🇦 as drones")
    open_page(browser, emoji_base_url + "/")
    assert browser.find_element(By.CSS_SELECTOR, "a.event-link").text == "struck"
    article_link = browser.find_element(By.CSS_SELECTOR, "a.event-link").get_attribute("href")
    open_page(browser, article_link)
    browser.find_element(By.CSS_SELECTOR, "section.article h2 a").click()
    wait_ready(browser)
    assert [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#article-text a.trigger")] == ["struck"]

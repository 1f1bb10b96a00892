"""A small hand-made store for the UI: four reports a reader can check by eye, with the records
extraction would give them written out by hand (every span found in the text, not typed as
numbers), and the real reduce step tying actors across reports.

- Kabul Herald, 2021-09-03: Taliban fighters shelled Bazarak on Thursday (2021-09-02), killing
  "at least 12 civilians", a local official told Reuters; Sher Zaman, "the former district
  governor", said his men pushed the attackers back.
- Doha Daily, 2021-07-11: Qatar's foreign minister met Taliban leaders in Doha on Saturday
  (2021-07-10); "District governor Sher Zaman" warned that fighting would reach the valley.
- Panjshir Observer, 2021-09-04: the Northern Resistance put the Bazarak toll at "more than 40
  civilians": a figure that contradicts the Kabul Herald's.
- Herat <b>Times</b>, 2021-08-21: protesters marched through Herat holding signs with a
  <script> and an <img onerror>; the place's resolved name carries one too. No script may run.
"""

from __future__ import annotations

import contextlib
from datetime import date

import pytest

from dateline.ingest import content_id
from dateline.model import (
    Actor, Article, ArticleEntity, ArticleRecords, Attribution, Claim, Event, Mention, Place, Quantity, Role, Span,
)
from dateline.store import open_store

HOSTILE_PLACE = 'Herat <img src=x onerror="window.__pwned = 3">'


def span(text: str, words: str, after: str | None = None) -> Span:
    start = text.index(words, text.index(after) if after else 0)
    return Span(start, start + len(words), words)


def sentence_of(text: str, words: str) -> Span:
    """The sentence holding the words: from the line start or the last full stop before them
    to the next full stop."""
    where = text.index(words)
    full_stop = text.rfind(". ", 0, where)
    start = max(text.rfind("\n", 0, where) + 1, full_stop + 2 if full_stop >= 0 else 0)
    end = text.index(".", where) + 1
    return Span(start, end, text[start:end])


def place(text: str, words: str, name: str, lat: float, lon: float, country: str) -> Place:
    return Place(span=span(text, words), name=name, lat=lat, lon=lon, country_code=country, feature_class="P",
                 feature_code="PPL", confidence=0.9, resolution="gazetteer")


def article(text: str, **fields) -> Article:
    return Article(id=content_id(text), text=text, **fields)


KABUL_HERALD = article(
    "Taliban fighters shelled the village of Bazarak in the Panjshir valley on Thursday, killing at least 12 "
    "civilians, a local official told Reuters.\nResistance commander Sher Zaman, the former district governor, "
    "said his men had pushed the attackers back.",
    title="Shelling hits Bazarak", outlet="Kabul Herald", published=date(2021, 9, 3), published_source="header",
    published_confidence=1.0, url="https://kabulherald.example/bazarak", origin="kabul-herald.txt")
DOHA_DAILY = article(
    "Qatar's foreign minister met Taliban leaders in Doha on Saturday, the ministry said in a statement.\n"
    "District governor Sher Zaman warned that fighting would soon reach the Panjshir valley.",
    title="Qatari minister meets Taliban envoys", outlet="Doha Daily", published=date(2021, 7, 11),
    published_source="metadata", published_confidence=0.9, url="javascript:alert(1)", origin="doha-daily.txt")
OBSERVER = article(
    "The Northern Resistance put the toll in Bazarak at more than 40 civilians killed, far above the figure "
    "officials gave.",
    title="Bazarak toll disputed", outlet="Panjshir Observer", published=date(2021, 9, 4), published_source="header",
    published_confidence=1.0, origin="observer.txt")
HOSTILE = article(
    'Protesters marched through Herat on Friday holding signs that read <script>window.__pwned = 1</script> and '
    '<img src=x onerror="window.__pwned = 2">, witnesses said.',
    title="Protest <script>window.__pwned = 4</script>", outlet="Herat <b>Times</b>", published=date(2021, 8, 21),
    published_source="header", published_confidence=1.0, origin="herat.txt")


def _entity(article_: Article, n: int, kind: str, names: tuple[str, ...], roles=()) -> ArticleEntity:
    return ArticleEntity(key=f"{article_.id[:16]}:{n}", article_id=article_.id, kind=kind, names=names, roles=roles)


def _mentions(text: str, entity: ArticleEntity, *words: str) -> list[Mention]:
    return [Mention(span=span(text, w), label="PERSON" if entity.kind == "person" else "ORG", entity_id=entity.key,
                    kind=entity.kind) for w in words]


def kabul_herald_records() -> ArticleRecords:
    text, a = KABUL_HERALD.text, KABUL_HERALD
    taliban = _entity(a, 0, "armed_group", ("Taliban",))
    zaman = _entity(a, 1, "person", ("Sher Zaman",), roles=(
        Role("former district governor", date(2021, 9, 3), a.id, span(text, "former district governor")),))
    bazarak = place(text, "Bazarak", "Bazarak", 35.3128, 69.5219, "AF")
    shelling = Event(
        id="ev-web-shelling", article_id=a.id, type="ASSAULT", acled_type="Explosions/Remote violence",
        acled_subtype="Shelling/artillery/missile attack", trigger=span(text, "shelled"),
        sentence=sentence_of(text, "shelled"),
        source_actor=Actor("Taliban fighters", span(text, "Taliban fighters"), taliban.key, "source"),
        target_actor=Actor("civilians", span(text, "civilians"), None, "target"),
        date_value="2021-09-02", date_start=date(2021, 9, 2), date_end=date(2021, 9, 2), date_span=span(text, "Thursday"),
        places=(bazarak,),
        quantities=(Quantity(12, "civilians", span(text, "at least 12 civilians"), "at least", "fatalities"),),
        attribution=Attribution("a local official", span(text, "a local official"), channel="told Reuters",
                                channel_span=span(text, "told Reuters")),
        confidence=0.9)
    pushback = Event(
        id="ev-web-pushback", article_id=a.id, type="STATEMENT", trigger=span(text, "said"),
        sentence=sentence_of(text, "pushed"),
        source_actor=Actor("Sher Zaman", span(text, "Sher Zaman"), zaman.key, "source"),
        date_value="2021-09-03", date_start=date(2021, 9, 3), date_end=date(2021, 9, 3), date_inherited=True,
        modality="claimed", confidence=0.6, notes=("date inherited from the article",))
    claim = Claim(about="civilians killed in Bazarak", value=12, unit="civilians", by="a local official",
                  span=span(text, "at least 12 civilians"), article_id=a.id, qualifier="at least",
                  event_id=shelling.id, by_span=span(text, "a local official"), category="fatalities")
    return ArticleRecords(a.id, places=(bazarak,), entities=(taliban, zaman),
                          mentions=(*_mentions(text, taliban, "Taliban"), *_mentions(text, zaman, "Sher Zaman")),
                          events=(shelling, pushback), claims=(claim,))


def doha_daily_records() -> ArticleRecords:
    text, a = DOHA_DAILY.text, DOHA_DAILY
    taliban = _entity(a, 0, "armed_group", ("Taliban",))
    zaman = _entity(a, 1, "person", ("Sher Zaman",), roles=(
        Role("District governor", date(2021, 7, 11), a.id, span(text, "District governor")),))
    doha = place(text, "Doha", "Doha", 25.2854, 51.5310, "QA")
    meeting = Event(
        id="ev-web-meeting", article_id=a.id, type="CONSULT", trigger=span(text, "met"),
        sentence=sentence_of(text, "met"),
        source_actor=Actor("Qatar's foreign minister", span(text, "Qatar's foreign minister"), None, "source"),
        target_actor=Actor("Taliban leaders", span(text, "Taliban leaders"), taliban.key, "target"),
        date_value="2021-07-10", date_start=date(2021, 7, 10), date_end=date(2021, 7, 10), date_span=span(text, "Saturday"),
        places=(doha,),
        attribution=Attribution("the ministry", span(text, "the ministry"), channel="statement",
                                channel_span=span(text, "statement")),
        confidence=0.85)
    warning = Event(
        id="ev-web-warning", article_id=a.id, type="STATEMENT", trigger=span(text, "warned"),
        sentence=sentence_of(text, "warned"),
        source_actor=Actor("Sher Zaman", span(text, "Sher Zaman"), zaman.key, "source"),
        date_value="2021-07-11", date_start=date(2021, 7, 11), date_end=date(2021, 7, 11), date_inherited=True,
        confidence=0.7)
    return ArticleRecords(a.id, places=(doha,), entities=(taliban, zaman),
                          mentions=(*_mentions(text, taliban, "Taliban"), *_mentions(text, zaman, "Sher Zaman")),
                          events=(meeting, warning))


def observer_records() -> ArticleRecords:
    text, a = OBSERVER.text, OBSERVER
    bazarak = place(text, "Bazarak", "Bazarak", 35.3128, 69.5219, "AF")
    toll = Event(
        id="ev-web-toll", article_id=a.id, type="ASSAULT", trigger=span(text, "killed"), sentence=sentence_of(text, "toll"),
        target_actor=Actor("civilians", span(text, "civilians"), None, "target"),
        date_value="2021-09-04", date_start=date(2021, 9, 4), date_end=date(2021, 9, 4), date_inherited=True,
        places=(bazarak,),
        quantities=(Quantity(40, "civilians", span(text, "more than 40 civilians"), "more than", "fatalities"),),
        attribution=Attribution("The Northern Resistance", span(text, "The Northern Resistance")),
        modality="claimed", confidence=0.6)
    claim = Claim(about="civilians killed in Bazarak", value=40, unit="civilians", by="The Northern Resistance",
                  span=span(text, "more than 40 civilians"), article_id=a.id, qualifier="more than",
                  event_id=toll.id, by_span=span(text, "The Northern Resistance"), category="fatalities")
    return ArticleRecords(a.id, places=(bazarak,), events=(toll,), claims=(claim,))


def hostile_records() -> ArticleRecords:
    text, a = HOSTILE.text, HOSTILE
    herat = place(text, "Herat", HOSTILE_PLACE, 34.3482, 62.1997, "AF")
    protest = Event(
        id="ev-web-protest", article_id=a.id, type="PROTEST", trigger=span(text, "marched"),
        sentence=Span(0, len(text), text),
        source_actor=Actor("Protesters", span(text, "Protesters"), None, "source"),
        date_value="2021-08-20", date_start=date(2021, 8, 20), date_end=date(2021, 8, 20), date_span=span(text, "Friday"),
        places=(herat,), attribution=Attribution("witnesses", span(text, "witnesses")),
        confidence=0.8)
    return ArticleRecords(a.id, places=(herat,), events=(protest,))


ARTICLES = (KABUL_HERALD, DOHA_DAILY, OBSERVER, HOSTILE)


def build_store(url: str):
    store = open_store(url)
    store.add_articles(ARTICLES)
    store.save_extraction([kabul_herald_records(), doha_daily_records(), observer_records(), hostile_records()])
    store.reduce_entities()
    return store


@pytest.fixture(scope="session")
def web_store_url(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("web") / "web.db"
    build_store(str(path)).close()
    return str(path)


@pytest.fixture(scope="session")
def web_store(web_store_url):
    store = open_store(web_store_url, write=False)
    yield store
    store.close()


@pytest.fixture(scope="session")
def client(web_store_url):
    from fastapi.testclient import TestClient

    from dateline.web.browser import ui_app

    with TestClient(ui_app(web_store_url)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def base_url(web_store_url):
    from dateline.web.browser import serve_ui

    with serve_ui(web_store_url) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from dateline.web.browser import BrowserMissing, headless_chromium

    try:
        context = headless_chromium()
        driver = context.__enter__()
    except BrowserMissing as missing:
        pytest.fail(str(missing))
    yield driver
    with contextlib.suppress(Exception):
        context.__exit__(None, None, None)


@pytest.fixture(scope="session")
def articles() -> dict[str, Article]:
    """The fixture articles by name: kabul_herald, doha_daily, observer, hostile."""
    return {"kabul_herald": KABUL_HERALD, "doha_daily": DOHA_DAILY, "observer": OBSERVER, "hostile": HOSTILE}

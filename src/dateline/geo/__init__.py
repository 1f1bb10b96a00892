"""Places: toponym recognition, the gazetteer, and resolution in the article's context.

    from dateline.geo import find_places
    places = find_places(article, doc)   # doc: the shared pipeline's parse of article.text
"""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.geo.embedded import default_gazetteer
from dateline.geo.gazetteer import Candidate, Gazetteer, GazetteerEntry, great_circle_km, name_key
from dateline.geo.recognize import Toponym, recognize_toponyms
from dateline.geo.resolve import bare_capitals, resolve_toponyms
from dateline.model import Article, Place

__all__ = [
    "Candidate",
    "Gazetteer",
    "GazetteerEntry",
    "Toponym",
    "bare_capitals",
    "default_gazetteer",
    "find_places",
    "great_circle_km",
    "name_key",
    "recognize_toponyms",
    "resolve_toponyms",
]


def find_places(article: Article, doc: Doc, gazetteer: Gazetteer | None = None,
                home_region: tuple[str, str] | None = None) -> list[Place]:
    """Every place named in the article, in text order, each with its evidence span.

    Demonyms ("Afghan") are not places here. Places the gazetteer lacks are kept: at what the
    text says holds them (resolution "contained-in", lower confidence, a reason) or unresolved
    with their text. A bare "the capital" is placed at the capital of the country the article
    is most about, with a lower confidence and the reason. ``home_region``: (country, region
    name) of the outlet's home region, when the reduce step learned one (``geo.home_region``).
    """
    gazetteer = gazetteer or default_gazetteer()
    toponyms = recognize_toponyms(doc, gazetteer, include_demonyms=False)
    places = resolve_toponyms(article.text, toponyms, gazetteer, home=article.url or article.outlet,
                             home_region=home_region)
    # "the capital" with no name: the capital of the country the article is about
    places += bare_capitals(article.text, places, gazetteer)
    return sorted(places, key=lambda p: p.span.start)

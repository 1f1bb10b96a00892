"""Local news is mostly about the outlet's home town: a name in the outlet's name or web
address is that town, and a country-code domain says which country's namesake is meant."""

from __future__ import annotations

from dateline.geo import find_places
from dateline.geo.resolve import _home_hints
from dateline.model import Article
from dateline.nlp import parse

TEXT = "The council in Palestine voted on Tuesday to repave two roads before the winter."


def _palestine(gazetteer, **where):
    article = Article(id="t", text=TEXT, **where)
    return next(p for p in find_places(article, parse(TEXT), gazetteer) if p.span.text == "Palestine")


def test_without_an_outlet_the_name_is_the_country(gazetteer):
    assert _palestine(gazetteer).country_code == "PS"


def test_the_outlets_web_address_names_its_home_town(gazetteer):
    place = _palestine(gazetteer, url="http://www.palestineherald.com/local/roads.html")
    assert place.country_code == "US" and place.feature_class == "P"


def test_the_outlets_name_names_its_home_town(gazetteer):
    place = _palestine(gazetteer, outlet="Palestine Herald-Press")
    assert place.country_code == "US" and place.feature_class == "P"


def test_web_addresses_give_their_labels_and_country():
    assert _home_hints("http://www.richmondregister.com/news/x.html") == ("richmondregister", None)
    assert _home_hints("www.thisisoxfordshire.co.uk") == ("thisisoxfordshire", "GB")
    assert _home_hints("https://lfpress.ca/story") == ("lfpress", "CA")
    assert _home_hints("chronicle.augusta.com") == ("chronicle.augusta", None)
    assert _home_hints(None) == ("", None)

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


def test_the_home_town_in_the_web_address_speaks_even_when_the_article_does_not_name_it(gazetteer):
    text = "Students from Berea met on Saturday to clean the river banks."
    article = Article(id="t", text=text, url="http://www.richmondregister.com/local/cleanup.html")
    berea = next(p for p in find_places(article, parse(text), gazetteer) if p.span.text == "Berea")
    # a Richmond is the outlet's home, and Berea, Kentucky is the Berea next to a Richmond
    assert berea.country_code == "US" and berea.admin1 == "Kentucky"
    # and the outlet's town is not reported as a place of the article
    assert [p.span.text for p in find_places(article, parse(text), gazetteer)] == ["Berea"]


def test_a_town_spelt_across_the_words_of_a_web_address_is_no_home(gazetteer):
    # "pnwlocalnews" holds the letters of an English town across its words ("local" + "news"):
    # no town starts or ends a label, so the address names no home, and a town the article
    # names is read as without an outlet
    text = "Inspectors closed a cafe in Richmond on Monday after finding mice."
    def richmond(**where):
        article = Article(id="t", text=text, **where)
        return next(p for p in find_places(article, parse(text), gazetteer) if p.span.text == "Richmond")
    alone = richmond()
    addressed = richmond(url="http://www.pnwlocalnews.com/cafes/story.html")
    assert (addressed.country_code, addressed.admin1) == (alone.country_code, alone.admin1)


def test_a_town_at_the_start_or_end_of_a_label_is_the_home():
    from dateline.geo.resolve import _ends_of_address_labels
    label = "theparisnews"
    keys = {label[i:j] for i, j in _ends_of_address_labels(label)}
    assert "paris" in keys and "calne" not in {"bclocalnews"[i:j] for i, j in _ends_of_address_labels("bclocalnews")}
    label = "chronicle.augusta"
    assert "augusta" in {label[i:j] for i, j in _ends_of_address_labels(label)}


def test_a_town_named_paper_under_a_generic_domain_is_the_american_namesake(gazetteer):
    # "theparisledger.com" writes of Paris, Texas, not of the French capital: a generic domain
    # is the American press's; a near miss, with no outlet, keeps the capital of France
    text = "Paris City Council met Monday, and Paris firefighters answered a kitchen fire on Tuesday."
    def paris(**where):
        article = Article(id="t", text=text, **where)
        return [p for p in find_places(article, parse(text), gazetteer) if p.span.text.startswith("Paris")]
    assert {p.country_code for p in paris(url="http://theparisledger.com/story/fire.html")} == {"US"}
    assert {p.country_code for p in paris()} == {"FR"}
    # a country-code domain still names its country: a .ca paper's Paris is the Ontario town
    assert {(p.country_code, p.admin1) for p in paris(url="http://www.parisstar.ca/local/fire.html")} == {("CA", "Ontario")}


def test_a_generic_domain_papers_town_abroad_stays_where_the_story_puts_it(gazetteer):
    # the American namesake comes first only by a little: a .com paper whose story names its
    # province keeps the Ontario town of its name; the same story without the province does not
    url = "http://www.woodstockdispatch.com/news/storm.html"
    def woodstock(text):
        article = Article(id="t", text=text, url=url)
        return next(p for p in find_places(article, parse(text), gazetteer) if p.span.text == "Woodstock")
    named = woodstock("Crews in Woodstock cleared fallen trees on Monday after a storm off Lake Huron crossed southwestern Ontario.")
    assert (named.country_code, named.admin1) == ("CA", "Ontario")
    assert woodstock("Crews in Woodstock cleared fallen trees on Monday after a storm crossed the county.").country_code == "US"

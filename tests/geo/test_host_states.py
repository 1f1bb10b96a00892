"""An American outlet's web address often names its state ("masslive", "wvgazette", "nj.com"):
that state is the outlet's home region when the store learned none, one more vote for its
namesakes, which the story's own words still outweigh (host_states.yaml)."""

from __future__ import annotations

import pytest

from dateline.geo import find_places
from dateline.geo.resolve import address_region, host_states
from dateline.model import Article
from dateline.nlp import parse


@pytest.mark.parametrize("example", host_states()["examples"], ids=lambda e: e["host"])
def test_the_tables_examples(gazetteer, example):
    found = address_region(example["host"], gazetteer)
    assert (found[1] if found else None) == example["state"]


def test_an_outlets_name_or_a_foreign_domain_names_no_state(gazetteer):
    assert address_region("Valley Evening Star", gazetteer) is None
    assert address_region("www.ohionews.co.uk", gazetteer) is None
    assert address_region(None, gazetteer) is None


def _place(gazetteer, name: str, text: str, url: str | None) -> object:
    article = Article(id="t", text=text, url=url)
    return next(p for p in find_places(article, parse(text), gazetteer) if p.span.text == name)


SPRINGFIELD = "Two men were hurt when a car struck a utility pole in Springfield early Sunday, police said."


def test_a_bare_namesake_is_read_in_the_state_of_the_address(gazetteer):
    assert _place(gazetteer, "Springfield", SPRINGFIELD, None).admin1 != "Massachusetts"
    place = _place(gazetteer, "Springfield", SPRINGFIELD, "https://masslive.com/metro/crash.html")
    assert (place.country_code, place.admin1) == ("US", "Massachusetts")


def test_the_storys_own_state_outweighs_the_address(gazetteer):
    text = "Two men were hurt when a car struck a utility pole in Springfield, Ill., early Sunday."
    place = _place(gazetteer, "Springfield", text, "https://masslive.com/metro/crash.html")
    assert place.admin1 == "Illinois"


def test_a_foreign_city_in_a_local_story_stays_abroad(gazetteer):
    # a church group of a Massachusetts paper's town travels to Egypt: the story says where
    text = "A Holyoke church group returned Sunday from a two-week mission trip to Alexandria, Egypt."
    place = _place(gazetteer, "Alexandria", text, "https://masslive.com/metro/trip.html")
    assert place.country_code == "EG"


def test_a_common_word_in_an_address_makes_no_state(gazetteer):
    # "thestate" is a plain word, "kansascity" a town of two states, "latimes" the Los Angeles Times
    for host in ("www.thestate.com", "www.kansascity.com", "www.latimes.com"):
        assert address_region(host, gazetteer) is None
    # and such an address leaves a namesake as it reads without one
    assert (_place(gazetteer, "Springfield", SPRINGFIELD, "https://thestate.com/metro/crash.html").admin1
            == _place(gazetteer, "Springfield", SPRINGFIELD, None).admin1)
